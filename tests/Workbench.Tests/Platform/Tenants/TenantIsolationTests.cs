using System.Net;
using System.Net.Http.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Tenants;

public sealed class TenantIsolationTests(HostFixture host)
{
    [Fact]
    public async Task A_riga_sign_in_gets_nothing_from_ventspils()
    {
        var riga = await host.AdminClientAsync("riga");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await riga.GetAsync("/riga/api/admin/features", ct)).StatusCode);
        // The same browser (cookie jar) asking ventspils: not signed in there.
        Assert.Equal(HttpStatusCode.Unauthorized, (await riga.GetAsync("/ventspils/api/admin/features", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await riga.PostAsJsonAsync("/ventspils/api/notices", new { title = "x" }, ct)).StatusCode);
        var page = await riga.GetAsync("/ventspils/admin", ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/ventspils/signin", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_riga_cookie_replayed_against_ventspils_is_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        // The cookie path keeps browsers from sending it; this replays it by hand, as an attacker would.
        var signIn = await host.AnonymousClient().PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct);
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".Workbench.Staff", StringComparison.Ordinal)).Split(';')[0];
        Assert.Contains("path=/riga", signIn.Headers.GetValues("Set-Cookie").First(), StringComparison.OrdinalIgnoreCase);

        var replay = new HttpRequestMessage(HttpMethod.Get, "/ventspils/api/admin/features");
        replay.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient().SendAsync(replay, ct)).StatusCode);
    }

    [Fact]
    public async Task Tenant_data_lives_in_separate_databases()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = host.AnonymousClient();
        var rigaNotices = await anonymous.GetFromJsonAsync<List<Dictionary<string, object>>>("/riga/api/notices", ct);
        var ventspilsNotices = await anonymous.GetFromJsonAsync<List<Dictionary<string, object>>>("/ventspils/api/notices", ct);
        var rigaIds = rigaNotices!.Select(n => n["id"].ToString()).ToHashSet();
        Assert.DoesNotContain(ventspilsNotices!, n => rigaIds.Contains(n["id"].ToString()));
        Assert.True(File.Exists(Path.Combine(host.DataPath, "tenants", "riga", "workbench.db")));
        Assert.True(File.Exists(Path.Combine(host.DataPath, "tenants", "ventspils", "workbench.db")));
        // Looking a riga notice up through ventspils finds nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/ventspils/api/notices/{rigaIds.First()}", ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_see_only_public_notices_and_staff_see_all()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = await host.AnonymousClient().GetFromJsonAsync<List<Dictionary<string, object>>>("/riga/api/notices", ct);
        var staff = await (await host.AdminClientAsync("riga")).GetFromJsonAsync<List<Dictionary<string, object>>>("/riga/api/notices", ct);
        Assert.Equal(3, anonymous!.Count);
        Assert.Equal(4, staff!.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync("/riga/api/notices/5d1f6a10-0001-4000-8000-000000000004", ct)).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused_audited_and_locks_out_after_five_attempts()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("smiltene");
        var client = host.AnonymousClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/{tenant}/api/session", new { email = WorkbenchFactory.AdminEmail, password = "wrong-password-123" }, ct)).StatusCode);
        var locked = await client.PostAsJsonAsync($"/{tenant}/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("bloķēts", await locked.Content.ReadAsStringAsync(ct));
        var failures = await host.InTenantAsync(tenant, sp =>
        {
            var db = (Workbench.Platform.Data.PlatformDbContext)sp.GetService(typeof(Workbench.Platform.Data.PlatformDbContext))!;
            return Task.FromResult(db.AuditEntries.Count(e => e.Action == "signin.failed"));
        });
        Assert.Equal(6, failures);
    }
}
