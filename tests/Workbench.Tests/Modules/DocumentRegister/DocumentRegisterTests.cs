using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.DocumentRegister;

/// <summary>Registration, numbering, corrections, attachments, access trimming and execution control over the REST API.</summary>
public sealed class DocumentRegisterTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(Guid Incoming, Guid Outgoing, Guid Letters, Guid Government)> SetupAsync(HttpClient admin, string tenant)
    {
        var registers = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers", Ct);
        Guid Register(string code) => registers.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var plan = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers/file-plan", Ct);
        Guid CaseFile(string index) => plan.EnumerateArray().Single(c => c.GetProperty("index").GetString() == index).GetProperty("id").GetGuid();
        return (Register("IEN"), Register("IZS"), CaseFile("1-12"), CaseFile("2-05"));
    }

    private static object Letter(Guid register, Guid caseFile, string title, object? extra = null)
    {
        var letter = new Dictionary<string, object?>
        {
            ["registerId"] = register, ["caseFileId"] = caseFile, ["title"] = title, ["correspondent"] = "Jānis Bērziņš", ["documentDate"] = "2026-11-30",
            ["summary"] = "Lūdz izīrēt sociālo dzīvokli", ["author"] = null, ["executor"] = null, ["dueDate"] = null, ["restricted"] = false,
            ["accessList"] = Array.Empty<string>(), ["links"] = Array.Empty<object>(), ["serviceCases"] = Array.Empty<string>(), ["customFields"] = new { },
        };
        foreach (var property in JsonSerializer.SerializeToElement(extra ?? new { }).EnumerateObject()) letter[property.Name] = property.Value;
        return letter;
    }

    [Fact]
    public async Task Registered_documents_are_numbered_by_their_registers_pattern_and_read_back_as_they_were_given()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var (incoming, outgoing, letters, government) = await SetupAsync(admin, tenant);
        var year = DateTime.UtcNow.Year;

        var first = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(incoming, letters, "Iesniegums par dzīvokli"));
        var second = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(incoming, government, "Vēstule no VARAM"));
        Assert.Equal($"IEN-{year}/0001", first.GetProperty("registrationNumber").GetString());
        Assert.Equal($"IEN-{year}/0002", second.GetProperty("registrationNumber").GetString());
        // Outgoing letters count per case file: "{index}/{seq}". The reply belongs to the resident's service case,
        // named by its client reference and kept as the case's id.
        var card = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/service-cards", Ct))[0];
        var serviceCase = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/service-cases",
            new { cardId = card.GetProperty("id").GetGuid(), channel = "InPerson", clientReference = "SC-2026-17", plannedCompletion = "2026-12-15" });
        var reply = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(outgoing, letters, "Atbilde par dzīvokli",
            new { links = new[] { new { documentId = first.GetProperty("id").GetGuid(), kind = "ReplyTo" } }, serviceCases = new[] { "SC-2026-17" } }));
        var other = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(outgoing, government, "Atbilde VARAM"));
        Assert.Equal("1-12/1", reply.GetProperty("registrationNumber").GetString());
        Assert.Equal("2-05/1", other.GetProperty("registrationNumber").GetString());

        // GET returns what create accepted, plus what registration gave.
        var read = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{reply.GetProperty("id").GetGuid()}", Ct);
        foreach (var (field, value) in new[] { ("title", "Atbilde par dzīvokli"), ("correspondent", "Jānis Bērziņš"), ("documentDate", "2026-11-30"), ("summary", "Lūdz izīrēt sociālo dzīvokli"), ("direction", "Outgoing"), ("status", "Registered") })
            Assert.Equal(value, read.GetProperty(field).GetString());
        Assert.Equal(outgoing, read.GetProperty("registerId").GetGuid());
        Assert.Equal(letters, read.GetProperty("caseFileId").GetGuid());
        Assert.Equal("ReplyTo", read.GetProperty("links")[0].GetProperty("kind").GetString());
        Assert.Equal(serviceCase.GetProperty("id").GetString(), read.GetProperty("serviceCases")[0].GetString());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/documents/{reply.GetProperty("id").GetGuid()}", Ct));
        Assert.Contains($"SC-2026-17 — {card.GetProperty("name").GetString()} (Submitted)", page);
        var unknownCase = await admin.PostAsJsonAsync($"/{tenant}/api/documents", Letter(outgoing, letters, "Atbilde bez lietas", new { serviceCases = new[] { "SC-1999-1" } }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCase.StatusCode);
        Assert.Contains("Nav pakalpojuma lietas", (await unknownCase.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("serviceCases[0]")[0].GetString());
        Assert.Equal(1, read.GetProperty("version").GetInt32());

        // A letter without the fields its kind requires is refused, field by field, and takes no number.
        var missing = await admin.PostAsJsonAsync($"/{tenant}/api/documents", Letter(incoming, letters, "Bez sūtītāja", new { correspondent = (string?)null, documentDate = (string?)null }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("correspondent", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("documentDate", out _));
        var third = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(incoming, letters, "Trešais"));
        Assert.Equal($"IEN-{year}/0003", third.GetProperty("registrationNumber").GetString());

        // A register that has issued numbers keeps its numbering: another pattern would count in other scopes.
        var ien = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers", Ct)).EnumerateArray().Single(r => r.GetProperty("code").GetString() == "IEN");
        var renumbered = await admin.PutAsJsonAsync($"/{tenant}/api/document-registers/{incoming}", new
        {
            code = "IEN", name = ien.GetProperty("name").GetString(), kind = ien.GetProperty("kind").GetString(), direction = ien.GetProperty("direction"),
            prefix = ien.GetProperty("prefix").GetString(), pattern = "{prefix}/{seq}", restartsYearly = false,
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, renumbered.StatusCode);
        Assert.Contains("Numerāciju nemaina", await renumbered.Content.ReadAsStringAsync(Ct));

        // Patterns that could not number documents are refused when saved, with the reason.
        foreach (var (pattern, reason) in new[] { ("{prefix}-{month}/{seq}", "Nezināms šablona elements"), ("{prefix}-{yyyy}", "nav kārtas numura {seq}") })
        {
            var refused = await admin.PostAsJsonAsync($"/{tenant}/api/document-registers", new { code = "X1", name = "X", kind = "X", pattern }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(reason, await refused.Content.ReadAsStringAsync(Ct));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_registrations_get_every_number_once_with_no_gaps(DatabaseProvider provider)
    {
        var tenant = provider == DatabaseProvider.Sqlite ? await host.CreateTenantAsync("riga")
            : await host.CreateTenantAsync("riga", provider, Postgres.Database("wb_numbers_" + Guid.NewGuid().ToString("N")[..10]));
        var admin = await host.AdminClientAsync(tenant);
        var (incoming, _, letters, _) = await SetupAsync(admin, tenant);
        const int count = 120;
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 24, CancellationToken = Ct }, async (i, ct) =>
            numbers.Add((await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(incoming, letters, $"Iesniegums {i}"))).GetProperty("registrationNumber").GetString()!));
        var sequences = numbers.Select(n => int.Parse(n.Split('/')[^1])).Order().ToList();
        Assert.Equal(Enumerable.Range(1, count), sequences);
    }

    [Fact]
    public async Task A_documents_custom_fields_are_checked_against_their_definitions_and_read_back()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var (incoming, _, letters, _) = await SetupAsync(admin, tenant);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/{tenant}/api/admin/custom-fields/document/pages",
            new { label = "Lapu skaits", type = "Number", required = true, order = 1 }, Ct)).StatusCode);

        // Missing or of the wrong type: refused field by field, and no number is taken.
        foreach (var fields in new object[] { new { }, new { pages = "daudz" } })
        {
            var refused = await admin.PostAsJsonAsync($"/{tenant}/api/documents", Letter(incoming, letters, "Iesniegums ar pielikumiem", new { customFields = fields }), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("customFields.pages", out _));
        }
        var created = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(incoming, letters, "Iesniegums ar pielikumiem", new { customFields = new { pages = 12 } }));
        Assert.Equal($"IEN-{DateTime.UtcNow.Year}/0001", created.GetProperty("registrationNumber").GetString());
        var read = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{created.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(12, read.GetProperty("customFields").GetProperty("pages").GetDecimal());
    }

    [Fact]
    public async Task A_correction_keeps_the_number_and_the_earlier_version_and_needs_a_reason()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var (incoming, _, letters, government) = await SetupAsync(admin, tenant);
        var created = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(incoming, letters, "Iesniegums"));
        var id = created.GetProperty("id").GetGuid();

        var corrected = Letter(incoming, letters, "Iesniegums par sociālo dzīvokli", new { reason = "Precizēts virsraksts" });
        var response = await admin.PutAsJsonAsync($"/{tenant}/api/documents/{id}", corrected, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var now = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((2, created.GetProperty("registrationNumber").GetString()), (now.GetProperty("version").GetInt32(), now.GetProperty("registrationNumber").GetString()));
        var versions = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{id}/versions", Ct);
        Assert.Equal("Iesniegums", versions[0].GetProperty("document").GetProperty("title").GetString());
        Assert.Equal("Precizēts virsraksts", versions[0].GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/{tenant}/api/documents/{id}", Letter(incoming, letters, "Bez pamatojuma"), Ct)).StatusCode);
        var moved = await admin.PutAsJsonAsync($"/{tenant}/api/documents/{id}", Letter(incoming, government, "Cita lieta", new { reason = "x" }), Ct);
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{id}", Ct)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_restricted_document_is_invisible_to_everyone_off_its_access_list_in_every_listing()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var (incoming, _, letters, _) = await SetupAsync(admin, tenant);
        var registrar = await host.UserClientAsync(tenant, $"registrar@{tenant}.lv", "Specialist");
        var reader = await host.UserClientAsync(tenant, $"reader@{tenant}.lv", "Viewer");
        var outsider = await host.UserClientAsync(tenant, $"outsider@{tenant}.lv", "Specialist");
        await JsonApi.CreatedAsync(registrar, $"/{tenant}/api/documents", Letter(incoming, letters, "Atklāts iesniegums par ielu apgaismojumu"));
        var secret = await JsonApi.CreatedAsync(registrar, $"/{tenant}/api/documents", Letter(incoming, letters, "Ierobežotas pieejamības sūdzība par kaimiņu",
            new { restricted = true, accessList = new[] { $"reader@{tenant}.lv" } }));
        var id = secret.GetProperty("id").GetGuid();
        Assert.Equal([$"reader@{tenant}.lv", $"registrar@{tenant}.lv"], secret.GetProperty("accessList").EnumerateArray().Select(e => e.GetString()));

        foreach (var (client, sees) in new[] { (registrar, true), (reader, true), (outsider, false), (admin, false) })
        {
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/{tenant}/api/documents/{id}", Ct)).StatusCode);
            var list = await client.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents?registerId={incoming}", Ct);
            Assert.Equal(sees ? 2 : 1, list.GetProperty("total").GetInt32());
            Assert.Equal(sees, (await client.GetStringAsync($"/{tenant}/api/documents/export.csv", Ct)).Contains("sūdzība par kaimiņu"));
            var search = await client.GetFromJsonAsync<JsonElement>($"/{tenant}/api/search?q=kaimiņu", Ct);
            Assert.Equal(sees ? 1 : 0, search.GetProperty("total").GetInt32());
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/{tenant}/api/documents/{id}/versions", Ct)).StatusCode);
        }
        // Its content stays out of the letter workflow's variables, which workflow administrators read.
        await host.WorkflowEventsRunAsync(tenant);
        var instance = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances", Ct)).EnumerateArray()
            .Single(i => i.GetProperty("correlationId").GetString() == id.ToString());
        var variables = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances/{instance.GetProperty("id").GetGuid()}", Ct)).GetProperty("variables");
        Assert.DoesNotContain("kaimiņu", variables.ToString());
        Assert.True(variables.GetProperty("restricted").GetBoolean());
        // Nor can it be linked to by someone who cannot see it.
        var link = await outsider.PostAsJsonAsync($"/{tenant}/api/documents", Letter(incoming, letters, "Saistīts", new { links = new[] { new { documentId = id, kind = "Related" } } }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
    }

    [Fact]
    public async Task Attachments_are_stored_once_by_hash_their_text_is_found_and_a_signed_container_is_checked_before_it_is_attached()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var (incoming, _, letters, _) = await SetupAsync(admin, tenant);
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++) ids.Add((await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(incoming, letters, $"Iesniegums {i}"))).GetProperty("id").GetGuid());
        var docx = Docx("Lūdzu piešķirt apkures pabalstu Ziemeļblāzmas ielā.");
        var hashes = new List<string>();
        foreach (var id in ids) hashes.Add((await UploadAsync(admin, tenant, id, "iesniegums.docx", docx, HttpStatusCode.Created)).GetProperty("hash").GetString()!);
        Assert.Equal(hashes[0], hashes[1]);
        var search = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/search?q=Ziemeļblāzmas", Ct);
        Assert.Equal(2, search.GetProperty("total").GetInt32());
        var download = await admin.GetAsync($"/{tenant}/api/documents/{ids[0]}/attachments/{(await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{ids[0]}/attachments", Ct))[0].GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync(Ct));

        var files = new Dictionary<string, byte[]> { ["atbilde.txt"] = Encoding.UTF8.GetBytes("Atbilde") };
        var signed = await UploadAsync(admin, tenant, ids[0], "atbilde.edoc", EdocSamples.Build(files, signer: "Anna Priede"), HttpStatusCode.Created);
        Assert.Equal(("SignedContainer", "Anna Priede"), (signed.GetProperty("kind").GetString(), signed.GetProperty("signers").GetString()));
        foreach (var (content, reason) in new[] { (Encoding.UTF8.GetBytes("nav zip"), "nav ZIP arhīvs"), (EdocSamples.Build(files, withSignature: false), "Konteinerā nav paraksta") })
        {
            var refused = await UploadAsync(admin, tenant, ids[1], "slikts.edoc", content, HttpStatusCode.BadRequest);
            Assert.Contains(reason, refused.GetProperty("detail").GetString());
        }
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{ids[1]}/attachments", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task The_head_assigns_the_executor_completes_and_the_document_closes_only_the_executor_may_complete()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var (incoming, _, letters, _) = await SetupAsync(admin, tenant);
        var head = await host.UserClientAsync(tenant, $"head@{tenant}.lv", "Editor");
        var executor = await host.UserClientAsync(tenant, $"executor@{tenant}.lv", "Specialist");
        var colleague = await host.UserClientAsync(tenant, $"colleague@{tenant}.lv", "Specialist");
        var id = (await JsonApi.CreatedAsync(head, $"/{tenant}/api/documents", Letter(incoming, letters, "Iesniegums par koku ciršanu", new { restricted = true }))).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await executor.PostAsJsonAsync($"/{tenant}/api/documents/{id}/tasks", new { executor = $"executor@{tenant}.lv", instruction = "x", dueDate = "2099-01-01" }, Ct)).StatusCode);
        var past = await head.PostAsJsonAsync($"/{tenant}/api/documents/{id}/tasks", new { executor = $"executor@{tenant}.lv", instruction = "Sagatavot atbildi", dueDate = "2020-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var due = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd");
        var task = await JsonApi.CreatedAsync(head, $"/{tenant}/api/documents/{id}/tasks", new { executor = $"executor@{tenant}.lv", instruction = "Sagatavot atbildi", dueDate = due });
        // The executor now sees the restricted document and has it in their own list.
        Assert.Equal("InProgress", (await executor.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{id}", Ct)).GetProperty("status").GetString());
        Assert.Equal(1, (await executor.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/tasks/mine", Ct)).GetArrayLength());
        var taskId = task.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostAsJsonAsync($"/{tenant}/api/documents/tasks/{taskId}/complete", new { result = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await executor.PostAsJsonAsync($"/{tenant}/api/documents/tasks/{taskId}/complete", new { result = "" }, Ct)).StatusCode);
        (await executor.PostAsJsonAsync($"/{tenant}/api/documents/tasks/{taskId}/complete", new { result = "Atbilde nosūtīta" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("Closed", (await head.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{id}", Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await executor.PostAsJsonAsync($"/{tenant}/api/documents/tasks/{taskId}/complete", new { result = "vēlreiz" }, Ct)).StatusCode);
        var report = await admin.GetStringAsync($"/{tenant}/api/document-registers/reports/registered?format=csv", Ct);
        Assert.StartsWith("\uFEFFregister,month,documents", report);
    }

    [Fact]
    public async Task Approvers_decide_in_turn_and_a_rejection_needs_a_comment()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var (_, outgoing, letters, _) = await SetupAsync(admin, tenant);
        var first = await host.UserClientAsync(tenant, $"lawyer@{tenant}.lv", "Viewer");
        var second = await host.UserClientAsync(tenant, $"mayor@{tenant}.lv", "Viewer");
        var id = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", Letter(outgoing, letters, "Atbildes projekts"))).GetProperty("id").GetGuid();
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents/{id}/approval", new { mode = "Sequential", approvers = new[] { $"lawyer@{tenant}.lv", $"mayor@{tenant}.lv" } });

        var early = await second.PostAsJsonAsync($"/{tenant}/api/documents/{id}/approval/decision", new { approve = true }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("nav jāsaskaņo", await early.Content.ReadAsStringAsync(Ct));
        (await first.PostAsJsonAsync($"/{tenant}/api/documents/{id}/approval/decision", new { approve = true, comment = "Juridiski korekts" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.BadRequest, (await second.PostAsJsonAsync($"/{tenant}/api/documents/{id}/approval/decision", new { approve = false }, Ct)).StatusCode);
        (await second.PostAsJsonAsync($"/{tenant}/api/documents/{id}/approval/decision", new { approve = false, comment = "Jāprecizē termiņš" }, Ct)).EnsureSuccessStatusCode();
        var route = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{id}/approval", Ct);
        Assert.Equal(["Approved", "Rejected"], route.EnumerateArray().Select(s => s.GetProperty("decision").GetString()));
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string tenant, Guid id, string name, byte[] content, HttpStatusCode expected)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        var response = await client.PostAsync($"/{tenant}/api/documents/{id}/attachments", form, Ct);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
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
}
