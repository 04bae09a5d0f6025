using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Workflows;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;

namespace Workbench.Tests.Platform.Workflows;

/// <summary>The workflow engine over the API: branching, waiting for signals, tasks, timers across a restart, failure and retry, and the register's letter workflow.</summary>
public sealed class WorkflowTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SaveTypeAsync(HttpClient admin, string tenant, string json)
    {
        var response = await admin.PostAsync($"/{tenant}/api/admin/workflows/types", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<JsonElement> StartAsync(HttpClient admin, string tenant, string type, object variables)
    {
        var response = await admin.PostAsJsonAsync($"/{tenant}/api/workflows/{type}/start", variables, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> DetailAsync(HttpClient admin, string tenant, JsonElement instance) =>
        await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances/{instance.GetProperty("id").GetGuid()}", Ct);

    private const string Grant = """
        {"name": "grant", "title": "Pabalsta pieprasījums", "startActivity": "big",
         "activities": [
           {"id": "big", "type": "if", "properties": {"condition": "amount > 300"}},
           {"id": "review", "type": "assign-task", "properties": {"user": "{reviewer}", "title": "Izvērtēt pabalstu {amount} EUR", "dueDays": 3}},
           {"id": "approved", "type": "set-field", "properties": {"field": "decision", "value": "piešķirts"}},
           {"id": "refused", "type": "set-field", "properties": {"field": "decision", "value": "atteikts"}},
           {"id": "wait-payment", "type": "wait-for-signal", "properties": {"signal": "paid"}},
           {"id": "tell", "type": "notify", "properties": {"to": "{applicantEmail}", "subject": "Pabalsts: {decision}"}},
           {"id": "end", "type": "end"}],
         "transitions": [
           {"from": "big", "outcome": "true", "to": "review"}, {"from": "big", "outcome": "false", "to": "approved"},
           {"from": "review", "outcome": "done", "to": "approved"}, {"from": "review", "outcome": "rejected", "to": "refused"},
           {"from": "approved", "outcome": "done", "to": "wait-payment"}, {"from": "refused", "outcome": "done", "to": "tell"},
           {"from": "wait-payment", "outcome": "signaled", "to": "tell"}, {"from": "tell", "outcome": "done", "to": "end"}]}
        """;

    [Fact]
    public async Task A_role_task_is_completed_only_by_holders_of_the_role_people_and_machine_clients_alike()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        await SaveTypeAsync(admin, tenant, """
            {"name": "check", "title": "Pārbaude", "startActivity": "review",
             "activities": [{"id": "review", "type": "assign-task", "properties": {"role": "Specialist", "title": "Pārbaudīt"}}, {"id": "end", "type": "end"}],
             "transitions": [{"from": "review", "outcome": "done", "to": "end"}, {"from": "review", "outcome": "rejected", "to": "end"}]}
            """);
        var started = await StartAsync(admin, tenant, "check", new { });
        var taskId = (await DetailAsync(admin, tenant, started)).GetProperty("tasks").EnumerateArray().Single().GetProperty("id").GetGuid();
        var complete = $"/{tenant}/api/workflows/tasks/{taskId}/complete";

        // Neither a machine client without the role (one it holds, or one that does not exist) nor a Viewer may complete it.
        foreach (var roles in new[] { new[] { "Viewer" }, ["No-such-role"] })
        {
            using var machine = await OidcScenario.MachineClientAsync(host, new() { [tenant] = roles });
            var refused = await machine.PostAsJsonAsync(complete, new { outcome = "done" }, Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{string.Join(',', roles)}: {refused.StatusCode} {await refused.Content.ReadAsStringAsync(Ct)}");
        }
        using var viewer = await host.UserClientAsync(tenant, $"viewer@{tenant}.lv", "Viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(complete, new { outcome = "done" }, Ct)).StatusCode);
        Assert.Equal("Waiting", (await DetailAsync(admin, tenant, started)).GetProperty("instance").GetProperty("status").GetString());

        // A machine client holding the role may.
        using var specialist = await OidcScenario.MachineClientAsync(host, new() { [tenant] = ["Specialist"] });
        var done = await specialist.PostAsJsonAsync(complete, new { outcome = "done" }, Ct);
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Finished", (await done.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_workflow_branches_waits_for_its_task_and_its_signal_and_keeps_its_history()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        await SaveTypeAsync(admin, tenant, Grant);
        var reviewer = await host.UserClientAsync(tenant, $"reviewer@{tenant}.lv", "Viewer");

        // A small amount skips the review and waits for the payment.
        var small = await StartAsync(admin, tenant, "grant", new { amount = 120, applicantEmail = "a@example.lv", reviewer = $"reviewer@{tenant}.lv" });
        Assert.Equal(("Waiting", "wait-payment", "paid"), (small.GetProperty("status").GetString(), small.GetProperty("currentActivity").GetString(), small.GetProperty("waitSignal").GetString()));
        var wrong = await admin.PostAsJsonAsync($"/{tenant}/api/workflows/instances/{small.GetProperty("id").GetGuid()}/signal", new { signal = "refunded" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        var paid = await admin.PostAsJsonAsync($"/{tenant}/api/workflows/instances/{small.GetProperty("id").GetGuid()}/signal", new { signal = "paid" }, Ct);
        Assert.Equal("Finished", (await paid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var history = (await DetailAsync(admin, tenant, small)).GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("activityId").GetString()}:{h.GetProperty("outcome").GetString()}").ToList();
        Assert.Equal(["big:false", "approved:done", "wait-payment:", "wait-payment:signaled", "tell:done", "end:end"], history);
        Assert.Equal("piešķirts", (await DetailAsync(admin, tenant, small)).GetProperty("variables").GetProperty("decision").GetString());

        // A big one goes to the reviewer, who rejects it: the applicant is told, nothing waits for payment.
        var big = await StartAsync(admin, tenant, "grant", new { amount = 900, applicantEmail = "b@example.lv", reviewer = $"reviewer@{tenant}.lv" });
        Assert.Equal("review", big.GetProperty("currentActivity").GetString());
        var tasks = await reviewer.GetFromJsonAsync<JsonElement>($"/{tenant}/api/workflows/tasks", Ct);
        var task = tasks.EnumerateArray().Single();
        Assert.Equal("Izvērtēt pabalstu 900 EUR", task.GetProperty("title").GetString());
        using var outsider = await host.UserClientAsync(tenant, $"outsider@{tenant}.lv", "Viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/{tenant}/api/workflows/tasks/{task.GetProperty("id").GetGuid()}/complete", new { outcome = "done" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"/{tenant}/api/workflows/tasks/{task.GetProperty("id").GetGuid()}/complete", new { outcome = "maybe" }, Ct)).StatusCode);
        var rejected = await reviewer.PostAsJsonAsync($"/{tenant}/api/workflows/tasks/{task.GetProperty("id").GetGuid()}/complete", new { outcome = "rejected" }, Ct);
        Assert.Equal("Finished", (await rejected.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal("atteikts", (await DetailAsync(admin, tenant, big)).GetProperty("variables").GetProperty("decision").GetString());
        Assert.Equal(0, (await reviewer.GetFromJsonAsync<JsonElement>($"/{tenant}/api/workflows/tasks", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_definition_with_a_dangling_transition_or_an_unknown_activity_is_refused_and_nothing_is_saved()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        var bad = Grant.Replace("\"to\": \"tell\"}, {\"from\": \"tell\"", "\"to\": \"nowhere\"}, {\"from\": \"tell\"").Replace("\"type\": \"end\"", "\"type\": \"finish\"");
        var response = await admin.PostAsync($"/{tenant}/api/admin/workflows/types", new StringContent(bad, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("karājas gaisā", text);
        Assert.Contains("nezināma darbība", text);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/types", Ct)).GetArrayLength());
        // The editor keeps the text and lists the reasons.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/workflows", Ct));
        Assert.Contains("Pieejamās darbības", page);
    }

    [Fact]
    public async Task A_disabled_type_starts_no_instance_until_it_is_enabled_again()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        await SaveTypeAsync(admin, tenant, Grant);
        var variables = new { amount = 120, applicantEmail = "a@example.lv", reviewer = $"reviewer@{tenant}.lv" };

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/api/admin/workflows/types/grant/disable", null, Ct)).StatusCode);
        var refused = await admin.PostAsJsonAsync($"/{tenant}/api/workflows/grant/start", variables, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ir izslēgta", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances", Ct)).GetArrayLength());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/workflows?name=grant", Ct));
        Assert.Contains("izslēgta", page);
        Assert.DoesNotContain("Sākt ar roku", page);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/api/admin/workflows/types/grant/enable", null, Ct)).StatusCode);
        await StartAsync(admin, tenant, "grant", variables);

        // By hand from the page: variables that are not a JSON object are refused; good ones start an instance and lead to it.
        async Task<HttpResponseMessage> StartByHandAsync(string json)
        {
            var html = await admin.GetStringAsync($"/{tenant}/admin/workflows?name=grant", Ct);
            Assert.Contains("Sākt ar roku", WebUtility.HtmlDecode(html));
            return await admin.PostAsync($"/{tenant}/admin/workflows?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.AntiforgeryToken(html), ["name"] = "grant", ["variables"] = json,
            }), Ct);
        }
        var malformed = await StartByHandAsync("[1, 2]");
        Assert.Equal(HttpStatusCode.Redirect, malformed.StatusCode);
        Assert.Contains("JSON objektu", WebUtility.HtmlDecode(await admin.GetStringAsync(malformed.Headers.Location!.ToString(), Ct)));
        var byHand = await StartByHandAsync(JsonSerializer.Serialize(variables with { amount = 480 }));
        Assert.Equal(HttpStatusCode.Redirect, byHand.StatusCode);
        Assert.Contains("/admin/workflows/instances?id=", byHand.Headers.Location!.ToString());
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances", Ct)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/{tenant}/api/admin/workflows/types/nosuch/disable", null, Ct)).StatusCode);
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/audit", Ct);
        Assert.Contains("workflow.type.disabled", trail.ToString());
    }

    [Fact]
    public async Task A_modules_activity_is_offered_and_accepted_only_where_the_module_is_enabled()
    {
        const string closeDocument = """
            {"name": "close", "title": "Slēgt", "startActivity": "close",
             "activities": [{"id": "close", "type": "document-status", "properties": {"status": "Closed"}}, {"id": "end", "type": "end"}],
             "transitions": [{"from": "close", "outcome": "done", "to": "end"}]}
            """;
        async Task<string[]> ActivitiesAsync(HttpClient admin, string tenant) =>
            [.. (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/activities", Ct)).EnumerateArray().Select(a => a.GetProperty("type").GetString()!)];

        var withRegister = await host.CreateTenantAsync("riga");
        var riga = await host.AdminClientAsync(withRegister);
        Assert.Contains("document-status", await ActivitiesAsync(riga, withRegister));
        await SaveTypeAsync(riga, withRegister, closeDocument);

        var withoutRegister = await host.CreateTenantAsync("smiltene");
        var smiltene = await host.AdminClientAsync(withoutRegister);
        var offered = await ActivitiesAsync(smiltene, withoutRegister);
        Assert.Contains("assign-task", offered);
        Assert.DoesNotContain("document-status", offered);
        var refused = await smiltene.PostAsync($"/{withoutRegister}/api/admin/workflows/types", new StringContent(closeDocument, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("nezināma darbība", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, (await smiltene.GetFromJsonAsync<JsonElement>($"/{withoutRegister}/api/admin/workflows/types", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_failed_step_leaves_the_instance_failed_with_its_error_and_a_retry_with_corrected_data_finishes_it()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        await SaveTypeAsync(admin, tenant, Grant);
        var refused = await StartAsync(admin, tenant, "grant", new { amount = 900, reviewer = "" });
        Assert.Equal("Failed", refused.GetProperty("status").GetString());
        Assert.Contains("nav izpildītāja", refused.GetProperty("error").GetString());
        var failedList = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances?status=Failed", Ct);
        Assert.Single(failedList.EnumerateArray());
        Assert.Contains("nav izpildītāja", WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/workflows/instances?id={refused.GetProperty("id").GetGuid()}", Ct)));

        var retried = await admin.PostAsJsonAsync($"/{tenant}/api/admin/workflows/instances/{refused.GetProperty("id").GetGuid()}/retry", new { reviewer = $"admin@{tenant}.lv" }, Ct);
        var instance = await retried.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Waiting", "review"), (instance.GetProperty("status").GetString(), instance.GetProperty("currentActivity").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/{tenant}/api/admin/workflows/instances/{refused.GetProperty("id").GetGuid()}/retry", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_event_committed_by_a_process_that_stopped_before_running_it_runs_on_the_next_pass()
    {
        var tenant = await host.CreateTenantAsync("municipality-base");
        var admin = await host.AdminClientAsync(tenant);
        const string type = """
            {"name": "on-notice", "title": "Paziņojums", "start": {"event": "notice.noticed"}, "startActivity": "flag",
             "activities": [{"id": "flag", "type": "set-field", "properties": {"field": "seen", "value": "{title}"}}, {"id": "end", "type": "end"}],
             "transitions": [{"from": "flag", "outcome": "done", "to": "end"}]}
            """;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/{tenant}/api/admin/workflows/types", new StringContent(type, Encoding.UTF8, "application/json"), Ct)).StatusCode);
        // What a request leaves when its process stops right after commit: the event saved, no one told to run it.
        await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<WorkflowDbContext>();
            db.PendingEvents.Add(new WorkflowPendingEvent
            {
                EventName = "notice.noticed", CorrelationType = "notice", CorrelationId = "n-1", FieldsJson = """{"title":"Ūdens atslēgums"}""",
                Actor = $"admin@{tenant}.lv", CreatedUtc = DateTime.UtcNow, NextAttemptUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync(Ct);
        });
        // The runner's sweep finds it (every 5 s) without anyone calling it.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        JsonElement? started = null;
        while (started is null && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(250, Ct);
            started = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances", Ct)).EnumerateArray()
                .Where(i => i.GetProperty("typeName").GetString() == "on-notice").Cast<JsonElement?>().FirstOrDefault();
        }
        Assert.NotNull(started);
        Assert.Equal(("Finished", "n-1"), (started.Value.GetProperty("status").GetString(), started.Value.GetProperty("correlationId").GetString()));
        Assert.Equal(0, await host.InTenantAsync(tenant, sp => sp.GetRequiredService<WorkflowDbContext>().PendingEvents.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_incoming_letter_starts_its_kinds_workflow_which_follows_the_letter_to_its_reply()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var registers = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers", Ct);
        var incoming = registers.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "IEN").GetProperty("id").GetGuid();
        var internalOrders = registers.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "RIK").GetProperty("id").GetGuid();
        var caseFile = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers/file-plan", Ct)).EnumerateArray().First().GetProperty("id").GetGuid();
        var letter = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", new { registerId = incoming, caseFileId = caseFile, title = "Iesniegums", correspondent = "J. Bērziņš", documentDate = "2026-11-30" });
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", new { registerId = internalOrders, caseFileId = caseFile, title = "Rīkojums", author = "Izpilddirektors" });

        // Only the letter (not the order) started the workflow; it waits for the head's resolution.
        await host.WorkflowEventsRunAsync(tenant);
        var instances = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances", Ct);
        var instance = instances.EnumerateArray().Single();
        Assert.Equal(("incoming-letter", "wait-resolution", letter.GetProperty("id").GetString()),
            (instance.GetProperty("typeName").GetString(), instance.GetProperty("currentActivity").GetString(), instance.GetProperty("correlationId").GetString()));
        var task = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents/{letter.GetProperty("id").GetGuid()}/tasks", new { executor = $"admin@{tenant}.lv", instruction = "Atbildēt", dueDate = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd") });
        await host.WorkflowEventsRunAsync(tenant);
        Assert.Equal("wait-reply", (await DetailAsync(admin, tenant, instance)).GetProperty("instance").GetProperty("currentActivity").GetString());
        (await admin.PostAsJsonAsync($"/{tenant}/api/documents/tasks/{task.GetProperty("id").GetGuid()}/complete", new { result = "Atbilde nosūtīta" }, Ct)).EnsureSuccessStatusCode();
        await host.WorkflowEventsRunAsync(tenant);
        var detail = await DetailAsync(admin, tenant, instance);
        Assert.Equal("Finished", detail.GetProperty("instance").GetProperty("status").GetString());
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("activityId").GetString() == "tell-registrar");
    }
}

/// <summary>Timers are persisted: a workflow waiting on one resumes after the host restarts.</summary>
public sealed class WorkflowTimerTests
{
    [Fact]
    public async Task A_timer_set_before_a_restart_fires_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        const string reminder = """
            {"name": "reminder", "title": "Atgādinājums", "startActivity": "wait",
             "activities": [{"id": "wait", "type": "timer", "properties": {"delay": "PT3S"}}, {"id": "flag", "type": "set-field", "properties": {"field": "reminded", "value": true}}, {"id": "end", "type": "end"}],
             "transitions": [{"from": "wait", "outcome": "elapsed", "to": "flag"}, {"from": "flag", "outcome": "done", "to": "end"}]}
            """;
        Guid id;
        string data;
        await using (var before = new WorkbenchFactory { KeepData = true, Settings = { ["Workbench:WorkflowTimerSeconds"] = "3600" } })
        {
            await before.StartAsync();
            data = before.DataPath;
            var admin = await before.AdminClientAsync("smiltene");
            (await admin.PostAsync("/smiltene/api/admin/workflows/types", new StringContent(reminder, Encoding.UTF8, "application/json"), ct)).EnsureSuccessStatusCode();
            var started = await (await admin.PostAsJsonAsync("/smiltene/api/workflows/reminder/start", new { }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal("Waiting", started.GetProperty("status").GetString());
            id = started.GetProperty("id").GetGuid();
        }
        // The next host picks the timer up when it is due.
        JsonElement detail = default;
        await using (var after = new WorkbenchFactory { Settings = { ["Workbench:DataPath"] = data, ["Workbench:WorkflowTimerSeconds"] = "1" } })
        {
            await after.StartAsync();
            var client = await after.AdminClientAsync("smiltene");
            for (var i = 0; i < 100; i++)
            {
                detail = await client.GetFromJsonAsync<JsonElement>($"/smiltene/api/admin/workflows/instances/{id}", ct);
                if (detail.GetProperty("instance").GetProperty("status").GetString() == "Finished") break;
                await Task.Delay(200, ct);
            }
        }
        Assert.Equal("Finished", detail.GetProperty("instance").GetProperty("status").GetString());
        Assert.True(detail.GetProperty("variables").GetProperty("reminded").GetBoolean());
        Assert.Equal("workflow-timers", detail.GetProperty("history").EnumerateArray().Last().GetProperty("actor").GetString());
        Directory.Delete(data, recursive: true);
    }
}
