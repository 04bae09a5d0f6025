using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workbench.DocumentRegister.Domain;

/// <summary>
/// A register's numbering pattern, e.g. <c>{prefix}-{yyyy}/{seq:4}</c> → "IEN-2026/0042" or <c>{index}/{seq}</c> →
/// "1-12/7". Tokens: <c>{prefix}</c> and <c>{code}</c> of the register, <c>{yyyy}</c> and <c>{yy}</c> of the
/// registration year, <c>{index}</c> of the document's case file, and exactly one <c>{seq}</c> or <c>{seq:N}</c>
/// (zero-padded to N digits). The sequence counts per register, per year when it restarts yearly, and per case file
/// when the pattern has <c>{index}</c>, so that no number can repeat.
/// </summary>
public sealed partial class NumberingPattern
{
    private static readonly HashSet<string> Known = ["prefix", "code", "yyyy", "yy", "index", "seq"];
    private readonly List<(string? Literal, string? Token, int Width)> _parts;

    private NumberingPattern(string text, List<(string?, string?, int)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }
    public bool UsesYear => _parts.Any(p => p.Token is "yyyy" or "yy");
    public bool UsesIndex => _parts.Any(p => p.Token == "index");

    /// <summary>The pattern, or why it cannot number documents.</summary>
    public static (NumberingPattern? Pattern, string? Error) Parse(string? text, bool restartsYearly)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "Numerācijas šablons ir obligāts.");
        if (text.Length > 100) return (null, "Numerācijas šablons ir garāks par 100 zīmēm.");
        var parts = new List<(string?, string?, int)>();
        var position = 0;
        foreach (Match token in TokenRegex().Matches(text))
        {
            if (token.Index > position && Literal(text[position..token.Index]) is { } error) return (null, error);
            if (token.Index > position) parts.Add((text[position..token.Index], null, 0));
            var name = token.Groups["name"].Value;
            if (!Known.Contains(name))
                return (null, $"Nezināms šablona elements {{{name}}}; der {string.Join(", ", Known.Select(k => "{" + k + "}"))}.");
            var width = 0;
            if (token.Groups["width"].Success)
            {
                if (name != "seq") return (null, $"Platumu var norādīt tikai {{seq:N}}, ne {{{name}}}.");
                width = int.Parse(token.Groups["width"].Value, CultureInfo.InvariantCulture);
                if (width is < 1 or > 10) return (null, "Kārtas numura platums ir no 1 līdz 10 cipariem.");
            }
            parts.Add((null, name, width));
            position = token.Index + token.Length;
        }
        if (position < text.Length && Literal(text[position..]) is { } tail) return (null, tail);
        if (position < text.Length) parts.Add((text[position..], null, 0));
        var sequences = parts.Count(p => p.Item2 == "seq");
        if (sequences == 0) return (null, "Šablonā nav kārtas numura {seq}: numuri atkārtotos.");
        if (sequences > 1) return (null, "Šablonā drīkst būt tikai viens {seq}.");
        var pattern = new NumberingPattern(text, parts);
        if (restartsYearly && !pattern.UsesYear)
            return (null, "Ja numerācija sākas no jauna katru gadu, šablonā vajag {yyyy} vai {yy}.");
        return (pattern, null);
    }

    /// <summary>Which counter a document draws from: the year when the sequence restarts yearly, the case file when numbered by it.</summary>
    public string CounterScope(bool restartsYearly, int year, string caseFileIndex) =>
        $"{(restartsYearly ? year : 0)}|{(UsesIndex ? caseFileIndex : "")}";

    public string Format(string prefix, string code, int year, string caseFileIndex, long sequence)
    {
        var number = new StringBuilder();
        foreach (var (literal, token, width) in _parts)
            number.Append(token switch
            {
                null => literal,
                "prefix" => prefix,
                "code" => code,
                "yyyy" => year.ToString("D4", CultureInfo.InvariantCulture),
                "yy" => (year % 100).ToString("D2", CultureInfo.InvariantCulture),
                "index" => caseFileIndex,
                _ => sequence.ToString(width > 0 ? "D" + width : "D", CultureInfo.InvariantCulture),
            });
        return number.ToString();
    }

    private static string? Literal(string text) =>
        text.IndexOfAny(['{', '}']) >= 0 ? $"Nesapārotas figūriekavas šablonā pie \"{text}\"." : null;

    [GeneratedRegex(@"\{(?<name>[A-Za-z_]+)(?::(?<width>\d+))?\}")]
    private static partial Regex TokenRegex();
}
