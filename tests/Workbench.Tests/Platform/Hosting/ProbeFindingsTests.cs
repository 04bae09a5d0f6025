using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;

namespace Workbench.Tests.Platform.Hosting;

/// <summary>
/// What an outside probe of the landed build found (security issue 11), one test per finding: cross-site requests,
/// server errors on malformed input, out-of-range enums, formulas in exports, and the smaller header findings.
/// </summary>
public sealed class ProbeFindingsTests(HostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    [Fact]
    public async Task Cross_site_state_changes_riding_on_a_staff_cookie_are_refused_and_bearer_calls_are_not()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        const string recipe = """{"name": "csrf", "steps": [{"name": "notices", "items": [{"title": "Pārlūka viltots paziņojums"}]}]}""";

        // A form on another site can post text/plain without asking first: raw-body APIs take only their own type.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync($"/{tenant}/api/admin/recipes/run", Json(recipe, "text/plain"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync($"/{tenant}/api/admin/workflows/types", Json("{}", "text/plain"), Ct)).StatusCode);
        // A script on another site, or a browser telling us the request is cross-site, is refused whatever the type.
        // Every tenant shares the origin: a page of another tenant (say, one with a stored script) is refused as well.
        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"), ("Referer", "http://localhost/riga/kb/1") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/{tenant}/api/admin/recipes/run") { Content = Json(recipe) };
            request.Headers.Add(header, value);
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(request, Ct)).StatusCode);
        }
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/{tenant}/api/kb/{Guid.NewGuid()}/attachments") { Content = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "a.pdf" } } })
        {
            upload.Headers.Add("Origin", "https://evil.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(upload, Ct)).StatusCode);
        }
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/notices", Ct))!, n => n.GetProperty("title").GetString() == "Pārlūka viltots paziņojums");

        // The page's own script (same origin) still works, and so does a machine client whatever its Origin says.
        using (var own = new HttpRequestMessage(HttpMethod.Post, $"/{tenant}/api/admin/recipes/run") { Content = Json(recipe) })
        {
            own.Headers.Add("Origin", "http://localhost");
            own.Headers.Add("Sec-Fetch-Site", "same-origin");
            own.Headers.Add("Referer", $"http://localhost/{tenant}/admin/recipes");
            Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(own, Ct)).StatusCode);
        }
        using var machine = await OidcScenario.MachineClientAsync(host, new() { [tenant] = ["Editor"] });
        using var bearer = new HttpRequestMessage(HttpMethod.Post, $"/{tenant}/api/notices") { Content = Json("""{"title": "No skripta"}""") };
        bearer.Headers.Add("Origin", "https://integration.example");
        Assert.Equal(HttpStatusCode.Created, (await machine.SendAsync(bearer, Ct)).StatusCode);
    }

    [Fact]
    public async Task Malformed_requests_that_caused_server_errors_get_a_clear_refusal_with_a_request_id()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var anonymous = host.AnonymousClient();

        // The language switch with a control character after the slash goes home instead of failing.
        foreach (var returnUrl in new[] { "/%09/x", "/%0A/x", "/%0D%0A/x", "/%00" })
        {
            var response = await anonymous.GetAsync($"/{tenant}/culture?c=en-US&returnUrl={returnUrl}", Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/{tenant}/", response.Headers.Location!.OriginalString);
        }

        // Unknown meetings are not found, also for their streams and invitations.
        foreach (var path in new[] { "quorum/stream", "votes/stream", "invitations" })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{tenant}/api/council/meetings/{Guid.NewGuid()}/{path}", HttpCompletionOption.ResponseHeadersRead, Ct)).StatusCode);

        // A multipart body without a boundary, or cut short.
        var articleId = (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/kb", Ct))![0].GetProperty("id").GetString();
        foreach (var (type, body) in new[] { ("multipart/form-data", "--x\r\n"), ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF") })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            var refused = await admin.PostAsync($"/{tenant}/api/kb/{articleId}/attachments", content, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // A lone surrogate in free-form JSON (a document's custom fields, a workflow's variables).
        var document = await admin.PostAsync($"/{tenant}/api/documents", Json("""{"registerId": "00000000-0000-0000-0000-000000000001", "caseFileId": "00000000-0000-0000-0000-000000000001", "title": "x", "customFields": {"a": "\ud800"}}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, document.StatusCode);
        var problem = await document.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
        Assert.DoesNotContain("   at ", problem.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/{tenant}/api/workflows/letter/start", Json("""{"a": "\udfff"}"""), Ct)).StatusCode);

        // A recipe with a key given twice (also in another letter case) is refused with the reason.
        foreach (var duplicated in new[] { """{"name": "a", "name": "b", "steps": []}""", """{"name": "a", "steps": [{"name": "notices", "items": [{"title": "x", "Title": "y"}]}]}""" })
        {
            var recipe = await admin.PostAsync($"/{tenant}/api/admin/recipes/run", Json(duplicated), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, recipe.StatusCode);
            Assert.Matches("Duplicate property 'name'|kāda atslēga atkārtojas", await recipe.Content.ReadAsStringAsync(Ct));
        }

        // An e-mail address with a control character.
        var user = await admin.PostAsJsonAsync($"/{tenant}/api/admin/users", new { email = "a\u0001b@example.lv", displayName = "X", password = "Staff-Password-2026", roles = Array.Empty<string>() }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, user.StatusCode);
        Assert.Contains("e-pasta adrese", await user.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_cli_refuses_a_recipe_with_a_duplicate_key_with_a_message()
    {
        var file = Path.Combine(Repository.NewTempFolder("wb-recipe"), "dup.recipe.json");
        await File.WriteAllTextAsync(file, """{"name": "a", "name": "b", "steps": []}""", Ct);
        var result = await ProcessRunner.RunAsync("dotnet", [Repository.HostDll, "recipes", "run", "--tenant", "smiltene", "--file", file],
            Path.GetDirectoryName(Repository.HostDll), new Dictionary<string, string> { ["Workbench__DataPath"] = host.DataPath, ["Workbench__RecipesPath"] = host.RecipesPath });
        Assert.True(result.ExitCode is > 0 and < 128, $"exit code {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("Duplicate property 'name'", result.Output + result.Error);
    }

    [Fact]
    public async Task Enum_values_a_module_does_not_define_are_refused_and_nothing_is_stored()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var bodies = (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/council/bodies", Ct))!.Count;
        var registers = (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/document-registers", Ct))!.Count;

        foreach (var body in new[] { """{"name": "Komiteja", "kind": -1, "rule": 99}""", """{"name": "Komiteja", "kind": "Parliament"}""" })
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/{tenant}/api/council/bodies", Json(body), Ct)).StatusCode);
        var register = await admin.PostAsync($"/{tenant}/api/document-registers", Json("""{"code": "X", "name": "X", "direction": 7}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, register.StatusCode);
        Assert.Contains("direction", await register.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(bodies, (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/council/bodies", Ct))!.Count);
        Assert.Equal(registers, (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/document-registers", Ct))!.Count);
        // Defined values, by name or number, still work.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/{tenant}/api/council/bodies", Json("""{"name": "Vides komiteja", "kind": "Committee", "rule": 0}"""), Ct)).StatusCode);
    }

    [Fact]
    public async Task Every_csv_export_neutralises_formulas()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var card = await admin.PostAsJsonAsync($"/{tenant}/api/service-cards", new
        {
            identifier = "VP-FORMULA-1", name = "=HYPERLINK(\"https://evil.example\",\"Klikšķini\")", shortDescription = "Apraksts.", owner = "-1+1",
            channels = new[] { "InPerson" }, themes = new[] { "@SUM(A1)" }, lifeSituations = Array.Empty<string>(),
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, card.StatusCode);
        var csv = await admin.GetStringAsync($"/{tenant}/api/service-cards/export.csv", Ct);
        var line = csv.Split("\r\n").Single(l => l.Contains("VP-FORMULA-1"));
        Assert.Contains(";\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Klikšķini\"\")\";", line);
        Assert.Contains(";'-1+1;", line);
        Assert.Contains(";'@SUM(A1);", line);
        // Importing the exported file gives the card back as it was, not with the apostrophes.
        var imported = await admin.PostAsync($"/{tenant}/api/service-cards/import", Json(csv, "text/csv"), Ct);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(Ct));
        var id = (await card.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var after = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/service-cards/{id}", Ct);
        Assert.Equal("=HYPERLINK(\"https://evil.example\",\"Klikšķini\")", after.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Responses_carry_no_server_header_no_store_for_signed_in_api_calls_and_hsts_over_https()
    {
        var admin = await host.AdminClientAsync("smiltene");
        var response = await admin.GetAsync("/smiltene/api/admin/users", Ct);
        Assert.False(response.Headers.Contains("Server"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));

        var https = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var secure = await https.GetAsync("/smiltene/", Ct);
        Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Uploaded_files_are_served_as_their_extension_says_never_as_the_uploader_claimed()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var documentId = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents", Ct)).GetProperty("items").EnumerateArray().First().GetProperty("id").GetString();
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("<script>alert(1)</script>"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        form.Add(file, "file", "../../vēstule.html");
        var uploaded = await admin.PostAsync($"/{tenant}/api/documents/{documentId}/attachments", form, Ct);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(Ct));
        var attachment = await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("vēstule.html", attachment.GetProperty("fileName").GetString());

        var download = await admin.GetAsync($"/{tenant}/api/documents/{documentId}/attachments/{attachment.GetProperty("id").GetString()}", Ct);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // The document page's upload form goes through the same reader.
        var page = await admin.GetStringAsync($"/{tenant}/admin/documents/{documentId}", Ct);
        var pageForm = new MultipartFormDataContent { { new StringContent(Forms.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        var pageFile = new ByteArrayContent("<svg onload=alert(1)>"u8.ToArray());
        pageFile.Headers.ContentType = new MediaTypeHeaderValue("image/svg+xml");
        pageForm.Add(pageFile, "file", "..\\attēls.svg");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/{tenant}/admin/documents/{documentId}?handler=Attach", pageForm, Ct)).StatusCode);
        var attachments = await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/documents/{documentId}/attachments", Ct);
        var svg = attachments!.Single(a => a.GetProperty("fileName").GetString() == "attēls.svg");
        var svgDownload = await admin.GetAsync($"/{tenant}/api/documents/{documentId}/attachments/{svg.GetProperty("id").GetString()}", Ct);
        Assert.Equal("application/octet-stream", svgDownload.Content.Headers.ContentType!.MediaType);
    }
}
