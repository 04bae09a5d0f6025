using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Workbench.Platform.Data;

namespace Workbench.Platform.Tenants;

/// <summary>
/// The first administrator's credentials: from <c>Workbench:Setup</c>, else generated once, printed once and
/// kept in <c>initial-admin.txt</c> in the data folder, readable only by its owner.
/// </summary>
public sealed class InitialAdmin(IOptions<WorkbenchOptions> options, DataPaths paths)
{
    private readonly Lock _lock = new();
    private (string Email, string Password)? _credentials;

    public string FilePath => Path.Combine(paths.Root, "initial-admin.txt");

    public (string Email, string Password) Get()
    {
        lock (_lock)
        {
            if (_credentials is { } known) return known;
            var email = options.Value.Setup.AdminEmail;
            if (!string.IsNullOrEmpty(options.Value.Setup.AdminPassword))
                return (_credentials = (email, options.Value.Setup.AdminPassword)).Value;
            if (File.Exists(FilePath))
            {
                var lines = File.ReadAllLines(FilePath);
                var saved = lines.Select(l => l.Split(": ", 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
                return (_credentials = (saved.GetValueOrDefault("email", email), saved["password"])).Value;
            }
            var password = Generate();
            File.WriteAllText(FilePath, $"email: {email}\npassword: {password}\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // Written to the console (stderr, so CLI JSON output stays clean) only, never to the log files.
            Console.Error.WriteLine($"Initial administrator: {email} / {password} (also in {FilePath})");
            return (_credentials = (email, password)).Value;
        }
    }

    private static string Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        // Guarantees every character class the password policy asks for.
        return new string(chars) + "-" + RandomNumberGenerator.GetInt32(10) + "aZ";
    }
}
