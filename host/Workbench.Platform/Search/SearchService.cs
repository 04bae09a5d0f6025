using System.Net;
using System.Security.Claims;
using System.Text;
using Dapper;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Modules;
using Workbench.Platform.Tenants;
using Workbench.Platform.Telemetry;

namespace Workbench.Platform.Search;

/// <summary>
/// Searches the tenant's index. Security trimming happens in the query itself, so hits, totals and facets only
/// ever count items the caller may open; items of disabled features are never found.
/// </summary>
public sealed class SearchService(TenantDatabaseSession session, ITenantContext tenant, TenantRegistry registry, ModuleCatalog catalog, WorkbenchMetrics metrics)
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = await AnswerAsync(query, user, ct);
        metrics.SearchAnswered(tenant.Required.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started), query.Prefix);
        return results;
    }

    private async Task<SearchResults> AnswerAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        var parsed = ParsedQuery.Parse(query.Text ?? "");
        if (parsed.IsEmpty) return SearchResults.Empty;
        var current = tenant.Required;
        var postgres = current.DatabaseProvider == DatabaseProvider.Postgres;
        var tokens = AccessTokens(user, current);
        var parameters = new DynamicParameters(new
        {
            match = postgres ? PostgresQuery(parsed, query.Prefix) : Fts5Query(parsed, query.Prefix),
            features = current.EnabledFeatures.ToArray(),
            tokens,
            today = current.Settings.Today(),
        });
        var (from, score) = postgres
            ? ("""FROM "Search_Content" c JOIN "Search_Items" i ON i."Id" = c."Id", to_tsquery('simple', @match) q WHERE c."Fts" @@ q""", """ts_rank_cd('{0.1, 0.5, 0.2, 1.0}', c."Fts", q)::float8""")
            : ("""FROM "Search_Fts" JOIN "Search_Items" i ON i."Id" = "Search_Fts".rowid WHERE "Search_Fts" MATCH @match""", """-bm25("Search_Fts", 10.0, 2.0, 5.0, 1.0)""");
        // Dapper expands IN lists for SQLite and passes arrays as such to Npgsql.
        var (inFeatures, inTokens) = postgres ? ("= ANY(@features)", "= ANY(@tokens)") : ("IN @features", "IN @tokens");
        // Public items need no look-up; the access table is only consulted for signed-in staff.
        var visible = $"""
             AND i."Feature" {inFeatures}
             AND ((i."IsPublic" = TRUE AND (i."PublicFrom" IS NULL OR i."PublicFrom" <= @today) AND (i."PublicUntil" IS NULL OR i."PublicUntil" >= @today))
            """ + (tokens.Length == 0 ? ")" : $"""
                  OR EXISTS (SELECT 1 FROM "Search_Access" a WHERE a."ItemId" = i."Id" AND a."Token" {inTokens}))
            """);
        var size = Math.Clamp(query.PageSize, 1, 100);
        parameters.Add("size", size);
        parameters.Add("offset", (Math.Max(query.Page, 1) - 1) * size);

        // Type-ahead wants title suggestions fast: no counts, facets or snippets (its total is the number of suggestions).
        if (query.Prefix)
        {
            var suggestions = await session.Connection.QueryAsync<Row>(new CommandDefinition(
                $"""SELECT i."Id", i."Feature", i."Type", i."ItemId", i."Title", i."Url", {score} AS "Score" {from}{visible} ORDER BY "Score" DESC, i."Id" LIMIT @size""",
                parameters, cancellationToken: ct));
            var hits = suggestions.Select(r => ToHit(r, r.Title, parsed)).ToList();
            return new SearchResults(hits.Count, hits, SearchResults.Empty.Facets);
        }

        // One pass over the matches: the visible ones are scored once, then give both the page of hits (with the
        // module and type filters) and the facets (without them, so the other choices stay countable).
        var filters = "";
        if (!string.IsNullOrEmpty(query.Feature)) { filters += " AND m.\"Feature\" = @feature"; parameters.Add("feature", query.Feature); }
        if (!string.IsNullOrEmpty(query.Type)) { filters += " AND m.\"Type\" = @type"; parameters.Add("type", query.Type); }
        var rows = (await session.Connection.QueryAsync<Row>(new CommandDefinition($"""
            WITH m AS MATERIALIZED (SELECT i."Id", i."Feature", i."Type", {score} AS "Score" {from}{visible})
            SELECT h."Id", h."Feature", h."Type", h."Score", 0 AS "Count", i."ItemId", i."Title", i."Url", c."Text"
            FROM (SELECT * FROM m WHERE TRUE{filters} ORDER BY "Score" DESC, "Id" LIMIT @size OFFSET @offset) h
            JOIN "Search_Items" i ON i."Id" = h."Id" JOIN "Search_Content" c ON c."Id" = h."Id"
            UNION ALL
            SELECT 0, "Feature", "Type", 0.0, COUNT(*), '', '', '', '' FROM m GROUP BY "Feature", "Type"
            """, parameters, cancellationToken: ct))).ToList();
        var facetRows = rows.Where(r => r.Count > 0).ToList();
        var total = facetRows.Where(f => (query.Feature is null || f.Feature == query.Feature) && (query.Type is null || f.Type == query.Type)).Sum(f => (int)f.Count);
        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["module"] = facetRows.GroupBy(f => f.Feature).ToDictionary(g => g.Key, g => g.Sum(f => (int)f.Count)),
            ["type"] = facetRows.Where(f => query.Feature is null || f.Feature == query.Feature).GroupBy(f => f.Type).ToDictionary(g => g.Key, g => g.Sum(f => (int)f.Count)),
        };
        var page = rows.Where(r => r.Count == 0).OrderByDescending(r => r.Score).ThenBy(r => r.Id).Select(r => ToHit(r, r.Text, parsed)).ToList();
        return new SearchResults(total, page, facets);
    }

    private static SearchHit ToHit(Row r, string snippetSource, ParsedQuery parsed) =>
        new(r.Feature, r.Type, r.ItemId, r.Title, r.Url, Snippet(snippetSource, parsed), Math.Round(r.Score, 4));

    /// <summary>The tokens that open items for this caller: their permissions here (all of them for administrators), their own id and e-mail address.</summary>
    private string[] AccessTokens(ClaimsPrincipal user, TenantInfo current)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(PermissionClaim.TenantClaimType) != current.Name) return [];
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var granted = roles.Contains(BuiltInRoles.Administrator)
            ? catalog.Permissions.Select(p => p.Name)
            : roles.SelectMany(r => registry.Find(current.Name)?.RolePermissions.GetValueOrDefault(r) ?? (IEnumerable<string>)[]);
        var tokens = granted.Distinct().Select(SearchAccess.Permission).ToList();
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id) tokens.Add(SearchAccess.User(id));
        if (user.FindFirstValue(ClaimTypes.Email) is { } email) tokens.Add(SearchAccess.Email(email));
        return tokens.ToArray();
    }

    /// <summary>
    /// FTS5: each word or phrase must match, by exact stem in the exact columns or by folded stem in the folded ones.
    /// Type-ahead (<paramref name="prefix"/>) suggests titles, so it matches titles only.
    /// </summary>
    internal static string Fts5Query(ParsedQuery query, bool prefix)
    {
        var (exact, folded) = prefix ? ("TitleExact", "TitleFold") : ("TitleExact TextExact", "TitleFold TextFold");
        return string.Join(" AND ", query.Exact.Select((phrase, i) =>
        {
            var star = prefix && i == query.Exact.Count - 1 ? " *" : "";
            return $"({{{exact}}} : \"{string.Join(' ', phrase)}\"{star} OR {{{folded}}} : \"{string.Join(' ', query.Folded[i])}\"{star})";
        }));
    }

    /// <summary>PostgreSQL tsquery over the weighted tsvector: A/B exact, C/D folded (A/C, titles, for type-ahead); phrases with &lt;-&gt;.</summary>
    internal static string PostgresQuery(ParsedQuery query, bool prefix)
    {
        var (exact, folded) = prefix ? ("A", "C") : ("AB", "CD");
        return string.Join(" & ", query.Exact.Select((phrase, i) =>
        {
            var star = prefix && i == query.Exact.Count - 1 ? "*" : "";
            string Terms(IEnumerable<string> words, string weights) => string.Join(" <-> ", words.Select(w => $"'{w}':{star}{weights}"));
            return $"({Terms(phrase, exact)} | {Terms(query.Folded[i], folded)})";
        }));
    }

    /// <summary>About 30 words around the first match, HTML-encoded, matching words in &lt;mark&gt;.</summary>
    internal static string Snippet(string text, ParsedQuery query)
    {
        var exact = query.Exact.SelectMany(p => p).ToHashSet();
        var folded = query.Folded.SelectMany(p => p).ToHashSet();
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        bool Matches(string word) => LatvianAnalyzer.Tokenize(word).Any(t => exact.Contains(LatvianAnalyzer.Stem(t)) || folded.Contains(LatvianAnalyzer.FoldedStem(t)));
        var first = Array.FindIndex(words, Matches);
        var start = Math.Max(0, first - 10);
        var snippet = new StringBuilder(start > 0 ? "… " : "");
        foreach (var word in words.Skip(start).Take(30))
            snippet.Append(Matches(word) ? $"<mark>{WebUtility.HtmlEncode(word)}</mark> " : WebUtility.HtmlEncode(word) + " ");
        if (start + 30 < words.Length) snippet.Append('…');
        return snippet.ToString().TrimEnd();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Feature { get; init; } = "";
        public string Type { get; init; } = "";
        public string ItemId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Text { get; init; } = "";
        public string Url { get; init; } = "";
        public double Score { get; init; }
        public long Count { get; init; }
    }
}
