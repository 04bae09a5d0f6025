namespace Workbench.Host.Cli;

/// <summary><c>verb noun [positional] [--option value] [--json]</c>; <c>--Workbench:Key=value</c> passes configuration through.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Positional { get; } = [];
    public List<string> ConfigurationArgs { get; } = [];
    public bool Json { get; private set; }

    public static CliArguments Parse(string[] args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--json") result.Json = true;
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':')) result.ConfigurationArgs.Add(arg);
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length) throw new CliUsageException($"Option {arg} needs a value.");
                result._options[arg[2..]] = args[++i];
            }
            else result.Positional.Add(arg);
        }
        return result;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) =>
        Option(name) ?? throw new CliUsageException($"Missing option --{name}.");
}

public sealed class CliUsageException(string message) : Exception(message);
