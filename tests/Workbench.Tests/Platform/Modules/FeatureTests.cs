using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Modules;

public sealed class FeatureTests(HostFixture host)
{
    [Fact]
    public async Task Disabling_a_module_removes_its_pages_api_and_navigation_in_that_tenant_only_and_keeps_its_data()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("ventspils");
        var admin = await host.AdminClientAsync(tenant);
        Assert.Equal(2, (await admin.GetFromJsonAsync<List<object>>($"/{tenant}/api/notices", ct))!.Count);

        var disabled = await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.Notices/disable", null, ct);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{tenant}/api/notices", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{tenant}/admin/notices", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{tenant}/notices", ct)).StatusCode);
        Assert.DoesNotContain("data-feature=\"Workbench.Notices\"", await admin.GetStringAsync($"/{tenant}/admin", ct));
        // Another tenant is untouched.
        Assert.Equal(HttpStatusCode.OK, (await host.AnonymousClient().GetAsync("/ventspils/api/notices", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.Notices/enable", null, ct)).StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<List<object>>($"/{tenant}/api/notices", ct))!.Count);
        Assert.Contains("data-feature=\"Workbench.Notices\"", await admin.GetStringAsync($"/{tenant}/admin", ct));

        var actions = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries
            .Where(e => e.Subject == "Workbench.Notices").Select(e => e.Action).ToListAsync(ct));
        Assert.Equal(["feature.enabled", "feature.disabled", "feature.enabled"], actions);
    }

    [Fact]
    public async Task Enabling_a_feature_enables_its_dependencies()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        // Disabling the workplace itself would lock the administrator out of this API, so test through the service.
        var plan = await host.InTenantAsync(tenant, async sp =>
        {
            var features = sp.GetRequiredService<Workbench.Platform.Features.FeatureManager>();
            return features.PlanEnable(new HashSet<string>(), ["Workbench.CustomFields"]);
        });
        Assert.Equal(["Workbench.Admin", "Workbench.CustomFields"], plan.Features);
        var enabled = await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.CustomFields/enable", null, ct);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/{tenant}/api/admin/custom-fields", ct)).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_feature_others_depend_on_is_refused_with_a_clear_message()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var refused = await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.Admin/disable", null, ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var message = await refused.Content.ReadAsStringAsync(ct);
        Assert.Contains("Workbench.CustomFields", message);
        Assert.Contains("atkarīgas ieslēgtās funkcijas", message);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/{tenant}/admin", ct)).StatusCode);
    }

    [Fact]
    public async Task Unknown_and_competence_centre_only_features_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await host.AdminClientAsync("riga");
        var unknown = await admin.PostAsync("/riga/api/admin/features/No.Such.Feature/enable", null, ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Nezināma funkcija", await unknown.Content.ReadAsStringAsync(ct));
        var reserved = await admin.PostAsync("/riga/api/admin/features/Workbench.TenantAdministration/enable", null, ct);
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Contains("tikai kompetences centram", await reserved.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Admin_api_needs_the_permission_not_just_a_sign_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/{tenant}/api/admin/users",
            new { email = "editor@riga.lv", displayName = "Redaktore", password = "Editor-Password-1", roles = new[] { "Editor" } }, ct)).StatusCode);
        var editor = host.AnonymousClient();
        (await editor.PostAsJsonAsync($"/{tenant}/api/session", new { email = "editor@riga.lv", password = "Editor-Password-1" }, ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/{tenant}/api/admin/features", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync($"/{tenant}/api/notices", new { title = "Redaktores paziņojums" }, ct)).StatusCode);
        var nav = await editor.GetStringAsync($"/{tenant}/admin", ct);
        Assert.Contains("data-feature=\"Workbench.Notices\"", nav);
        Assert.DoesNotContain("admin/features", nav);
    }
}
