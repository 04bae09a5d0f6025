using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Workplace;

public sealed class CustomFieldTests(HostFixture host)
{
    [Fact]
    public async Task An_administrator_adds_typed_fields_that_the_notice_api_validates_stores_and_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/{tenant}/api/admin/custom-fields/notices.notice/budget",
            new { label = "Budžets, EUR", type = "Number", required = true, order = 3 }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/{tenant}/api/admin/custom-fields/notices.notice/deadline",
            new { label = "Termiņš", type = "Date", required = false, order = 4 }, ct)).StatusCode);

        var missing = await admin.PostAsJsonAsync($"/{tenant}/api/notices", new { title = "Remonts" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("customFields.budget", await missing.Content.ReadAsStringAsync(ct));

        var wrongType = await admin.PostAsJsonAsync($"/{tenant}/api/notices",
            new { title = "Remonts", customFields = new { budget = "daudz", deadline = "31.12.2026", district = "Mēness" } }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var problem = await wrongType.Content.ReadAsStringAsync(ct);
        Assert.Contains("customFields.budget", problem);
        Assert.Contains("customFields.deadline", problem);
        Assert.Contains("customFields.district", problem);

        var created = await admin.PostAsJsonAsync($"/{tenant}/api/notices",
            new { title = "Remonts", customFields = new { budget = 1250.5, deadline = "2026-12-31", district = "Teika", urgent = true } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var notice = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var fields = notice.GetProperty("customFields");
        Assert.Equal(1250.5m, fields.GetProperty("budget").GetDecimal());
        Assert.Equal("2026-12-31", fields.GetProperty("deadline").GetString());
        Assert.True(fields.GetProperty("urgent").GetBoolean());

        var form = await admin.GetStringAsync($"/{tenant}/admin/notices/edit/{notice.GetProperty("id").GetString()}", ct);
        Assert.Contains("name=\"customFields[budget]\"", form);
        Assert.Contains("type=\"date\"", form);
    }

    [Fact]
    public async Task Unknown_record_types_and_bad_keys_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await host.AdminClientAsync("riga");
        var response = await admin.PutAsJsonAsync("/riga/api/admin/custom-fields/nothing.here/Bad Key", new { label = "", type = "Choice" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("recordType", body);
        Assert.Contains("key", body);
        Assert.Contains("choices", body);
    }

    [Fact]
    public async Task Custom_fields_do_not_exist_where_the_feature_is_off()
    {
        var admin = await host.AdminClientAsync("ventspils");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/ventspils/api/admin/custom-fields", TestContext.Current.CancellationToken)).StatusCode);
    }
}
