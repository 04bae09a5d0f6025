using Workbench.Abstractions.Search;
namespace Workbench.Platform.Search;

/// <param name="Prefix">Type-ahead: the last word matches as a prefix.</param>
public sealed record SearchQuery(string Text, string? Feature = null, string? Type = null, int Page = 1, int PageSize = 10, bool Prefix = false);

public sealed record SearchHit(string Module, string Type, string Id, string Title, string Url, string Snippet, double Score);

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
{
    public static readonly SearchResults Empty = new(0, [], new Dictionary<string, IReadOnlyDictionary<string, int>>
    {
        ["module"] = new Dictionary<string, int>(),
        ["type"] = new Dictionary<string, int>(),
    });
}

/// <summary>A query parsed into words and quoted phrases, each analysed like indexed text.</summary>
public sealed record ParsedQuery(IReadOnlyList<IReadOnlyList<string>> Exact, IReadOnlyList<IReadOnlyList<string>> Folded)
{
    public bool IsEmpty => Exact.Count == 0;

    public static ParsedQuery Parse(string text)
    {
        var exact = new List<IReadOnlyList<string>>();
        var folded = new List<IReadOnlyList<string>>();
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var words = LatvianAnalyzer.Tokenize(parts[i]).ToList();
            // Odd parts were inside quotes: a phrase. An unbalanced quote just ends the phrase at the end of the text.
            if (i % 2 == 1 && words.Count > 1)
            {
                exact.Add(words.Select(LatvianAnalyzer.Stem).ToList());
                folded.Add(words.Select(LatvianAnalyzer.FoldedStem).ToList());
                continue;
            }
            foreach (var word in words)
            {
                exact.Add([LatvianAnalyzer.Stem(word)]);
                folded.Add([LatvianAnalyzer.FoldedStem(word)]);
            }
        }
        return new ParsedQuery(exact, folded);
    }
}
