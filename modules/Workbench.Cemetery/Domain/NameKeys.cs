using Workbench.Abstractions.Search;

namespace Workbench.Cemetery.Domain;

/// <summary>
/// Names as the grave search compares them: every word diacritic-folded and stemmed by the platform's Latvian analyser,
/// so <c>Bērziņš</c>, <c>Berzins</c>, <c>Bērziņa</c> and <c>Bērziņu</c> are one key (<c>berzin</c>).
/// </summary>
public static class NameKeys
{
    public static List<string> Of(string? text) => LatvianAnalyzer.Tokenize(text).Select(LatvianAnalyzer.FoldedStem).Distinct().ToList();

    /// <summary>The padded key list stored with a burial.</summary>
    public static string Padded(string? givenName, string? familyName) => " " + string.Join(' ', Of($"{givenName} {familyName}")) + " ";

    public static string Family(string? familyName) => Of(familyName).FirstOrDefault() ?? "";

    /// <summary>Whether every word of the query is one of the burial's name words.</summary>
    public static bool Matches(string paddedKeys, IEnumerable<string> queryKeys) => queryKeys.All(k => paddedKeys.Contains($" {k} ", StringComparison.Ordinal));
}
