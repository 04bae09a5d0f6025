using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Search;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Search;

public sealed record SearchResponse(int Total, List<SearchResponseHit> Hits, Dictionary<string, Dictionary<string, int>> Facets);
public sealed record SearchResponseHit(string Module, string Type, string Id, string Title, string Url, string Snippet, double Score);

/// <summary>The shared search scenarios, run on SQLite and on PostgreSQL.</summary>
public static class SearchScenarios
{
    public static async Task<SearchResponse> SearchAsync(HttpClient client, string tenant, string query, string extra = "")
    {
        var response = await client.GetAsync($"/{tenant}/api/search?q={Uri.EscapeDataString(query)}{extra}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchResponse>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Inflected, folded, phrase and prefix queries against the riga demo notices.</summary>
    public static async Task LatvianQueriesAsync(WorkbenchFactory host, string tenant)
    {
        var anonymous = host.AnonymousClient();
        // The title says "Ūdensapgādes pārtraukums"; residents type other cases, or no diacritics at all.
        foreach (var query in new[] { "ūdensapgāde", "ūdensapgādi", "udensapgade", "PĀRTRAUKUMI", "pārtraukumu Purvciemā" })
        {
            var result = await SearchAsync(anonymous, tenant, query);
            Assert.True(result.Total == 1, $"{query}: {result.Total}");
            Assert.Equal("Ūdensapgādes pārtraukums Purvciemā", result.Hits[0].Title);
            Assert.Equal($"/{tenant}/notices#notice-5d1f6a10-0001-4000-8000-000000000001", result.Hits[0].Url);
        }
        Assert.Contains("<mark>Dzelzavas</mark>", (await SearchAsync(anonymous, tenant, "dzelzava")).Hits[0].Snippet);
        Assert.Equal(1, (await SearchAsync(anonymous, tenant, "\"ielu tīrīšana\"")).Total);
        Assert.Equal(0, (await SearchAsync(anonymous, tenant, "\"tīrīšana ielu\"")).Total);
        Assert.Equal(1, (await SearchAsync(anonymous, tenant, "ūdensap", "&prefix=true")).Total);
        Assert.Equal(0, (await SearchAsync(anonymous, tenant, "ūdensap")).Total);
        // Custom-field values are searchable (district "Imanta" on the park meeting).
        Assert.Contains((await SearchAsync(anonymous, tenant, "Imantā")).Hits, h => h.Title.StartsWith("Iedzīvotāju sapulce", StringComparison.Ordinal));
        var facets = (await SearchAsync(anonymous, tenant, "ielu OR")).Facets;
        Assert.True(facets.ContainsKey("module"));
    }

    /// <summary>Anonymous callers, staff with and without the permission: hits and counts are trimmed alike.</summary>
    public static async Task TrimmingAsync(WorkbenchFactory host, string tenant)
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await host.AdminClientAsync(tenant);
        await admin.PutAsJsonAsync($"/{tenant}/api/admin/roles/Kasieris", new { description = "bez paziņojumu tiesībām", permissions = new[] { "AccessAdmin" } }, ct);
        await admin.PostAsJsonAsync($"/{tenant}/api/admin/users", new { email = "kasieris@example.lv", password = "Kasieris-Parole-1", roles = new[] { "Kasieris" } }, ct);
        await admin.PostAsJsonAsync($"/{tenant}/api/admin/users", new { email = "redaktors@example.lv", password = "Redaktors-Parole-1", roles = new[] { "Editor" } }, ct);
        var cashier = host.AnonymousClient();
        (await cashier.PostAsJsonAsync($"/{tenant}/api/session", new { email = "kasieris@example.lv", password = "Kasieris-Parole-1" }, ct)).EnsureSuccessStatusCode();
        var editor = host.AnonymousClient();
        (await editor.PostAsJsonAsync($"/{tenant}/api/session", new { email = "redaktors@example.lv", password = "Redaktors-Parole-1" }, ct)).EnsureSuccessStatusCode();

        // The internal training notice: staff with ViewNotices only.
        const string internalQuery = "apmācībām darbiniekiem";
        Assert.Equal(0, (await SearchAsync(host.AnonymousClient(), tenant, internalQuery)).Total);
        Assert.Equal(0, (await SearchAsync(cashier, tenant, internalQuery)).Total);
        Assert.Empty((await SearchAsync(cashier, tenant, internalQuery)).Facets["module"]);
        Assert.Equal(1, (await SearchAsync(editor, tenant, internalQuery)).Total);
        Assert.Equal(1, (await SearchAsync(admin, tenant, internalQuery)).Total);
        Assert.Equal($"/{tenant}/admin/notices#notice-5d1f6a10-0001-4000-8000-000000000004", (await SearchAsync(editor, tenant, internalQuery)).Hits[0].Url);

        // A public notice published tomorrow: residents do not find it yet, staff do.
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
        (await editor.PostAsJsonAsync($"/{tenant}/api/notices", new { title = "Nākotnes zvaigžņu vērošana", publishedOn = tomorrow, isPublic = true }, ct)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await SearchAsync(host.AnonymousClient(), tenant, "zvaigzne")).Total);
        Assert.Equal(1, (await SearchAsync(editor, tenant, "zvaigzne")).Total);
    }

    /// <summary>Disabling the owning feature hides its hits; enabling brings them back.</summary>
    public static async Task FeatureToggleAsync(WorkbenchFactory host, string tenant)
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await host.AdminClientAsync(tenant);
        Assert.Equal(1, (await SearchAsync(admin, tenant, "ūdensapgāde")).Total);
        (await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.Notices/disable", null, ct)).EnsureSuccessStatusCode();
        var hidden = await SearchAsync(admin, tenant, "ūdensapgāde");
        Assert.Equal(0, hidden.Total);
        Assert.Empty(hidden.Facets["module"]);
        (await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.Notices/enable", null, ct)).EnsureSuccessStatusCode();
        Assert.Equal(1, (await SearchAsync(admin, tenant, "ūdensapgāde")).Total);
    }
}

public sealed class SearchTests(HostFixture host)
{
    [Fact]
    public Task Latvian_queries_find_other_cases_folded_spelling_phrases_and_prefixes() => SearchScenarios.LatvianQueriesAsync(host, "riga");

    [Fact]
    public async Task Hits_and_counts_are_trimmed_to_what_the_caller_may_open() => await SearchScenarios.TrimmingAsync(host, await host.CreateTenantAsync("riga"));

    [Fact]
    public async Task Disabled_features_contribute_no_hits() => await SearchScenarios.FeatureToggleAsync(host, await host.CreateTenantAsync("riga"));

    [Fact]
    public async Task Index_entries_commit_and_roll_back_with_their_item()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        var failed = await admin.PostAsync($"/{tenant}/api/admin/recipes/run", new StringContent("""
            { "name": "half", "steps": [ { "name": "notices", "items": [ { "title": "Spoku paziņojums" }, { "title": "" } ] } ] }
            """, Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal(0, (await SearchScenarios.SearchAsync(admin, tenant, "spoku")).Total);

        var created = await admin.PostAsJsonAsync($"/{tenant}/api/notices", new { title = "Sniega tīrīšanas tehnikas apkope" }, ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        Assert.Equal(1, (await SearchScenarios.SearchAsync(admin, tenant, "tehnika")).Total);
        await admin.PutAsJsonAsync($"/{tenant}/api/notices/{id}", new { title = "Greideru apkope" }, ct);
        Assert.Equal(0, (await SearchScenarios.SearchAsync(admin, tenant, "tehnika")).Total);
        Assert.Equal(1, (await SearchScenarios.SearchAsync(admin, tenant, "greideri")).Total);
        await admin.DeleteAsync($"/{tenant}/api/notices/{id}", ct);
        Assert.Equal(0, (await SearchScenarios.SearchAsync(admin, tenant, "greideri")).Total);
    }

    [Fact]
    public async Task Markup_in_content_comes_back_encoded_in_snippets()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        await admin.PostAsJsonAsync($"/{tenant}/api/notices", new { title = "Skripts", body = "brīdinājums <script>alert(1)</script> <img src=x onerror=alert(2)>" }, ct);
        var hit = (await SearchScenarios.SearchAsync(admin, tenant, "brīdinājums")).Hits.Single();
        Assert.DoesNotContain("<script", hit.Snippet);
        Assert.DoesNotContain("<img", hit.Snippet);
        Assert.Contains("&lt;script&gt;", hit.Snippet);
        var page = await admin.GetStringAsync($"/{tenant}/admin/search?q=brīdinājums", ct);
        Assert.DoesNotContain("<script>alert(1)", page);
    }

    [Fact]
    public async Task Bad_queries_are_refused_with_400()
    {
        var client = host.AnonymousClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/riga/api/search?q=", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/riga/api/search?q={new string('a', 201)}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/riga/api/search?q=x&page=0", TestContext.Current.CancellationToken)).StatusCode);
        // Query syntax characters never reach the engine raw.
        Assert.Equal(0, (await SearchScenarios.SearchAsync(client, "riga", "\" * NEAR( {TitleExact}: OR")).Total);
    }

    [Fact]
    public async Task Public_and_staff_search_pages_show_trimmed_results()
    {
        var ct = TestContext.Current.CancellationToken;
        var publicPage = WebUtility.HtmlDecode(await host.AnonymousClient().GetStringAsync("/riga/search?q=sapulce", ct));
        Assert.Contains("Iedzīvotāju sapulce", publicPage);
        Assert.Contains("role=\"search\"", publicPage);
        var internalHidden = WebUtility.HtmlDecode(await host.AnonymousClient().GetStringAsync("/riga/search?q=apmācības", ct));
        Assert.DoesNotContain("Iekšējs", internalHidden);
        var staff = WebUtility.HtmlDecode(await (await host.AdminClientAsync("riga")).GetStringAsync("/riga/admin/search?q=apmācības", ct));
        Assert.Contains("Iekšējs", staff);
        Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync("/smiltene/search?q=sniegs", ct)).StatusCode);
    }

    [Fact]
    public async Task Rebuilding_the_index_restores_every_item()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var status = await (await admin.PostAsync($"/{tenant}/api/admin/search/rebuild", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        // riga: 4 notices, 16 service cards, 3 articles, 5 council agenda items, 2 minutes and 3 decisions registered,
        // 61 civil protection resources, 8 shelters and gathering points, 3 crisis scenarios
        Assert.Equal(4 + 16 + 3 + 5 + 5 + 61 + 8 + 3, status.GetProperty("items").GetInt32());
        Assert.Equal(1, (await SearchScenarios.SearchAsync(admin, tenant, "ūdensapgāde")).Total);
        Assert.Contains("Workbench.Notices", await admin.GetStringAsync($"/{tenant}/admin/search-index", ct));
    }

    [Fact]
    public async Task Attachment_text_from_docx_and_pdf_is_indexed_and_unreadable_files_are_skipped()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var document = new SearchDocument("Workbench.Notices", "notice", Guid.NewGuid().ToString(), "Pielikumu pārbaude", "", "notices", [SearchAccess.Public])
        {
            Attachments =
            [
                new SearchAttachment("lēmums.docx", Docx("Domes lēmums par ceļu remontu")),
                new SearchAttachment("tāme.pdf", Pdf("Tame ar asfaltesanas izmaksam")),
                new SearchAttachment("salauzts.pdf", Encoding.UTF8.GetBytes("not a pdf")),
                new SearchAttachment("attels.png", [1, 2, 3]),
            ],
        };
        await host.InTenantAsync(tenant, async sp => { await sp.GetRequiredService<ISearchIndex>().IndexAsync(document); return 0; });
        var client = host.AnonymousClient();
        Assert.Equal(1, (await SearchScenarios.SearchAsync(client, tenant, "ceļa remonts")).Total);
        Assert.Equal(1, (await SearchScenarios.SearchAsync(client, tenant, "asfaltēšana")).Total);
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return stream.ToArray();
    }

    /// <summary>A one-page PDF with the text in Helvetica, byte offsets computed so the cross-reference table is exact.</summary>
    private static byte[] Pdf(string asciiText)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({asciiText}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
