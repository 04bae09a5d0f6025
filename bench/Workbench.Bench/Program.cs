using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using System.Security.Claims;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Hosting;
using Workbench.Platform.Search;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;

// Search benchmark: a tenant with N generated items (default 100,000) in the shared index.
// Measures, in one run on the same data: index build rate; search and type-ahead latency through the
// Workbench search service (analysis, trimming, facets, snippets) vs the raw FTS5 query alone.
// Usage: dotnet run -c Release --project bench/Workbench.Bench -- [items] [queries]
var items = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var queries = args.Length > 1 ? int.Parse(args[1]) : 300;
var data = Directory.CreateTempSubdirectory("wb-search-bench").FullName;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [$"--Workbench:DataPath={data}", "--Workbench:Setup:AdminPassword=Bench-Admin-Password-1"] });
builder.AddWorkbench(commandLine: true, typeof(SearchService).Assembly);
await using var app = builder.Build();
await app.Services.GetRequiredService<HostDatabase>().MigrateAsync(CancellationToken.None);
var setup = await app.Services.GetRequiredService<TenantSetup>().CreateAsync(new TenantCreateRequest("bench", "smiltene"), "bench", CancellationToken.None);
if (!setup.Succeeded) throw new InvalidOperationException(string.Join("\n", setup.Errors));
var tenant = app.Services.GetRequiredService<TenantRegistry>().Find("bench")!.Info!;
var scopes = app.Services.GetRequiredService<TenantScopes>();

// Latvian text: words in many cases and numbers, so the stemmer and the index see realistic variety.
string[] nouns = ["pakalpojums", "pakalpojuma", "pakalpojumu", "iesniegums", "iesnieguma", "lēmums", "lēmuma", "lēmumā", "pašvaldība", "pašvaldības", "dzīvesvieta",
    "dzīvesvietas", "deklarācija", "deklarācijas", "pabalsts", "pabalstu", "atvieglojums", "atvieglojumi", "nodoklis", "nekustamā", "īpašuma", "būvatļauja",
    "būvatļaujas", "sēde", "sēdes", "sēžu", "komiteja", "komitejas", "ceļš", "ceļa", "ceļu", "zvaigzne", "zvaigžņu", "egle", "egļu", "akmens", "akmeņi",
    "skola", "skolas", "bērnudārzs", "bērnudārza", "rinda", "rindā", "kapsēta", "kapsētā", "vieta", "vietu", "ūdensapgāde", "ūdensapgādes", "siltumapgāde", "iedzīvotājs", "iedzīvotāji"];
string[] adjectives = ["jauns", "jaunā", "vecais", "sociālais", "sociālā", "elektronisks", "elektroniskā", "bezmaksas", "maksas", "steidzams", "steidzamā"];
// Everything else comes from a 30,000-word synthetic vocabulary with Zipf frequencies, as in real prose;
// each domain word then occurs in roughly 5 % of the items, a common term in a municipality's corpus.
var syllables = new[] { "ka", "lo", "ri", "mē", "sa", "tu", "ve", "dzi", "ļa", "nu", "pa", "ro", "šu", "zī", "gā", "be", "ci", "jo" };
var vocabulary = Enumerable.Range(0, 30_000).Select(i =>
{
    var r = new Random(i);
    return string.Concat(Enumerable.Range(0, 2 + r.Next(3)).Select(_ => syllables[r.Next(syllables.Length)])) + (i % 3 == 0 ? "s" : "a");
}).ToArray();
var zipf = new double[vocabulary.Length];
for (var i = 0; i < zipf.Length; i++) zipf[i] = (i == 0 ? 0 : zipf[i - 1]) + 1.0 / (i + 1);
string Word(Random r)
{
    if (r.NextDouble() < 0.03) return r.Next(3) == 0 ? adjectives[r.Next(adjectives.Length)] : nouns[r.Next(nouns.Length)];
    var index = Array.BinarySearch(zipf, r.NextDouble() * zipf[^1]);
    return vocabulary[Math.Min(index < 0 ? ~index : index, vocabulary.Length - 1)];
}
string Sentence(Random r, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(r)));

Console.Error.WriteLine($"Indexing {items:N0} items…");
var build = Stopwatch.StartNew();
await using (var scope = scopes.Create(tenant, "bench"))
{
    var writer = scope.ServiceProvider.GetRequiredService<SearchIndexWriter>();
    var random = new Random(42);
    await scope.ServiceProvider.GetRequiredService<TenantDatabaseSession>().InTransactionAsync(async () =>
    {
        for (var i = 0; i < items; i++)
        {
            var access = i % 10 == 0 ? new[] { SearchAccess.Permission("ViewNotices") } : [SearchAccess.Public];
            await writer.IndexAsync(new SearchDocument("Workbench.Notices", i % 3 == 0 ? "article" : "card", i.ToString(), Sentence(random, 6), Sentence(random, 120), $"items/{i}", access));
        }
    }, CancellationToken.None);
}
build.Stop();

string[] searchTerms = ["pakalpojumi", "lēmumam", "sede", "zvaigznes", "egles", "akmens", "\"sociālais pabalsts\"", "dzīvesvietas deklarācija", "ūdensapgādei", "bērnudārzu rinda"];
string[] prefixes = ["pak", "lēm", "sē", "zvai", "eg", "akm", "soc", "dzīv", "ūde", "bērn"];
var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
// A signed-in administrator: every permission is an access token, so non-public matches are checked in the access table.
var staff = new ClaimsPrincipal(new ClaimsIdentity(
    [new Claim(PermissionClaim.TenantClaimType, "bench"), new Claim(ClaimTypes.Role, BuiltInRoles.Administrator), new Claim(ClaimTypes.NameIdentifier, "bench-admin")], "bench"));

async Task<double[]> TimeAsync(Func<int, Task> run)
{
    for (var i = 0; i < 20; i++) await run(i); // warm-up
    var times = new double[queries];
    for (var i = 0; i < queries; i++)
    {
        var watch = Stopwatch.StartNew();
        await run(i);
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return times;
}

await using var queryScope = scopes.Create(tenant, "bench");
var search = queryScope.ServiceProvider.GetRequiredService<SearchService>();
var connection = queryScope.ServiceProvider.GetRequiredService<TenantDatabaseSession>().Connection;
var ours = await TimeAsync(i => search.SearchAsync(new SearchQuery(searchTerms[i % searchTerms.Length]), anonymous, CancellationToken.None));
var oursStaff = await TimeAsync(i => search.SearchAsync(new SearchQuery(searchTerms[i % searchTerms.Length]), staff, CancellationToken.None));
var oursPrefix = await TimeAsync(i => search.SearchAsync(new SearchQuery(prefixes[i % prefixes.Length], Prefix: true), anonymous, CancellationToken.None));
// The raw engine: the same MATCH expressions (type-ahead matches titles only, in both), top 10 by bm25, nothing else (no trimming, facets, counts or snippets).
var raw = await TimeAsync(i => connection.QueryAsync<long>(
    """SELECT rowid FROM "Search_Fts" WHERE "Search_Fts" MATCH @m ORDER BY bm25("Search_Fts", 10.0, 2.0, 5.0, 1.0) LIMIT 10""",
    new { m = SearchService.Fts5Query(ParsedQuery.Parse(searchTerms[i % searchTerms.Length]), prefix: false) }));
var rawPrefix = await TimeAsync(i => connection.QueryAsync<long>(
    """SELECT rowid FROM "Search_Fts" WHERE "Search_Fts" MATCH @m ORDER BY bm25("Search_Fts", 10.0, 2.0, 5.0, 1.0) LIMIT 10""",
    new { m = SearchService.Fts5Query(ParsedQuery.Parse(prefixes[i % prefixes.Length]), prefix: true) }));

static double P(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine($"Search benchmark: {items:N0} items, {queries} timed queries per row, SQLite FTS5, {Environment.ProcessorCount} cores");
var sample = await search.SearchAsync(new SearchQuery("pakalpojumi"), anonymous, CancellationToken.None);
Console.WriteLine($"(a one-word query such as 'pakalpojumi' matches {sample.Total:N0} public items)");
Console.WriteLine($"index build: {items / build.Elapsed.TotalSeconds:N0} items/s ({build.Elapsed.TotalSeconds:0.0} s, analysis included)");
Console.WriteLine($"{"",-34}{"p50 ms",10}{"p95 ms",10}");
void Row(string name, double[] t) => Console.WriteLine($"{name,-34}{P(t, 0.5),10:0.00}{P(t, 0.95),10:0.00}");
Row("search (Workbench, trimmed+facets)", ours);
Row("search (Workbench, as staff)", oursStaff);
Row("search (raw FTS5 top 10)", raw);
Row("type-ahead (Workbench)", oursPrefix);
Row("type-ahead (raw FTS5 top 10)", rawPrefix);
Console.WriteLine($"ratio p95 search Workbench/raw: {P(ours, 0.95) / P(raw, 0.95):0.0}x; type-ahead: {P(oursPrefix, 0.95) / P(rawPrefix, 0.95):0.0}x");
if (Environment.GetEnvironmentVariable("WB_BENCH_KEEP") is null) Directory.Delete(data, recursive: true); else Console.WriteLine($"data kept in {data}");
