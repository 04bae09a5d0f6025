using System.DirectoryServices.Protocols;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Identity;

/// <summary>A municipality's directory as a sign-in source, against Debian's slapd on 127.0.0.1 (tests/ldap).</summary>
public sealed class LdapDirectoryTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Janis = "uid=janis.berzins,ou=people,dc=riga,dc=lv";
    private const string Editors = "cn=workbench-editors,ou=groups,dc=riga,dc=lv";
    private const string Specialists = "cn=workbench-specialists,ou=groups,dc=riga,dc=lv";

    private static object Directory(string security = "starttls", int? port = null, bool allowPlainLdap = false, string? bindPassword = null) => new
    {
        host = "127.0.0.1", port = port ?? Ldap.Port, security, allowPlainLdap, trustedCertificatesDirectory = Ldap.CertificatesDirectory,
        bindDn = bindPassword is null ? null : Ldap.AdminDn, bindPassword,
        baseDn = "ou=people,dc=riga,dc=lv", groupBaseDn = "ou=groups,dc=riga,dc=lv",
        groupRoles = new Dictionary<string, string[]> { [Editors] = ["Editor"], [Specialists] = ["Specialist"] },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Tenant, HttpClient Admin)> TenantWithDirectoryAsync(object directory)
    {
        var tenant = await host.CreateTenantAsync("municipality-base");
        var admin = await host.AdminClientAsync(tenant);
        var saved = await admin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in", new { localAccounts = true, directory }, Ct);
        Assert.True(saved.StatusCode == HttpStatusCode.NoContent, await saved.Content.ReadAsStringAsync(Ct));
        return (tenant, admin);
    }

    private async Task<HttpResponseMessage> SignInAsync(string tenant, string login, string password) =>
        await host.AnonymousClient().PostAsJsonAsync($"/{tenant}/api/session", new { email = login, password }, Ct);

    private static async Task<string[]> RolesAsync(HttpClient admin, string tenant, string email)
    {
        var users = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/users", Ct);
        return users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order().ToArray();
    }

    [Fact]
    public async Task A_directory_user_signs_in_over_starttls_with_roles_from_groups_and_once_disabled_is_refused_at_the_next_attempt()
    {
        var (tenant, admin) = await TenantWithDirectoryAsync(Directory(bindPassword: Ldap.AdminPassword));
        var first = await SignInAsync(tenant, "janis.berzins", "Directory-Password-1");
        Assert.True(first.StatusCode == HttpStatusCode.NoContent, await first.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["Editor", "Specialist"], await RolesAsync(admin, tenant, "janis.berzins@riga.lv"));
        var users = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/users", Ct);
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("displayName").GetString() == "Jānis Bērziņš");
        // By e-mail too, to the same account.
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(tenant, "janis.berzins@riga.lv", "Directory-Password-1")).StatusCode);

        var wrong = await SignInAsync(tenant, "janis.berzins", "Directory-Password-X");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Nepareizs lietotājvārds vai parole", await wrong.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(tenant, "janis.berzins", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(tenant, "*", "Directory-Password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(tenant, "janis.berzins)(uid=*", "Directory-Password-1")).StatusCode);

        // The directory's administrator removes him from the editors and then disables him.
        try
        {
            Ldap.Modify(Editors, DirectoryAttributeOperation.Delete, "member", Janis);
            Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(tenant, "janis.berzins", "Directory-Password-1")).StatusCode);
            Assert.Equal(["Specialist"], await RolesAsync(admin, tenant, "janis.berzins@riga.lv"));
            Ldap.Modify(Janis, DirectoryAttributeOperation.Add, "employeeType", "disabled");
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(tenant, "janis.berzins", "Directory-Password-1")).StatusCode);
        }
        finally
        {
            // Put the shared test directory back as it was, whichever step the test reached.
            try { Ldap.Modify(Editors, DirectoryAttributeOperation.Add, "member", Janis); } catch (DirectoryOperationException) { }
            try { Ldap.Modify(Janis, DirectoryAttributeOperation.Delete, "employeeType", "disabled"); } catch (DirectoryOperationException) { }
        }

        // The local administrator, unknown to the directory, still signs in; the audit names each outcome.
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(tenant, WorkbenchFactory.AdminEmail, WorkbenchFactory.AdminPassword)).StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/audit", Ct);
        var actions = audit.EnumerateArray().Select(e => (Action: e.GetProperty("action").GetString(), Details: e.GetProperty("details").ToString())).ToList();
        Assert.Contains(actions, a => a.Action == "user.provisioned");
        Assert.Contains(actions, a => a.Action == "signin.failed" && a.Details.Contains("wrong password"));
        Assert.Contains(actions, a => a.Action == "signin.succeeded" && a.Details.Contains("ldap"));
        // The settings never give the service account's password back, and never send it to another server.
        var settings = await admin.GetStringAsync($"/{tenant}/api/admin/sign-in", Ct);
        Assert.DoesNotContain(Ldap.AdminPassword, settings);
        var elsewhere = await admin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in", new
        {
            localAccounts = true,
            directory = new { host = "ldap.attacker.example", port = 389, security = "none", allowPlainLdap = true, bindDn = Ldap.AdminDn, baseDn = "ou=people,dc=riga,dc=lv" },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("tā jāievada no jauna", await elsewhere.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Ldaps_works_anonymously_searched_and_a_person_in_no_mapped_group_gets_no_account()
    {
        var (tenant, admin) = await TenantWithDirectoryAsync(Directory("ldaps", Ldap.TlsPort));
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(tenant, "liga.kalnina", "Directory-Password-2")).StatusCode);
        Assert.Equal(["Specialist"], await RolesAsync(admin, tenant, "liga.kalnina@riga.lv"));

        var noGroups = await admin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in", new
        {
            localAccounts = true,
            directory = new { host = "127.0.0.1", port = Ldap.TlsPort, security = "ldaps", trustedCertificatesDirectory = Ldap.CertificatesDirectory, baseDn = "ou=people,dc=riga,dc=lv" },
        }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, noGroups.StatusCode);
        var refused = await SignInAsync(tenant, "janis.berzins", "Directory-Password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("nav lomu", await refused.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Plain_ldap_needs_explicit_permission_and_an_unreachable_directory_leaves_local_accounts_working()
    {
        var tenant = await host.CreateTenantAsync("municipality-base");
        var admin = await host.AdminClientAsync(tenant);
        var plain = await admin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in", new { localAccounts = true, directory = Directory("none") }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("allowPlainLdap", await plain.Content.ReadAsStringAsync(Ct));
        var invalid = await admin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in", new { localAccounts = true, directory = new { host = "", port = 0, security = "tls", baseDn = "", userFilter = "uid=x" } }, Ct);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["directory.baseDn", "directory.host", "directory.port", "directory.security", "directory.userFilter"], errors);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in",
            new { localAccounts = true, directory = Directory("none", allowPlainLdap: true) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(tenant, "liga.kalnina", "Directory-Password-2")).StatusCode);

        // The server's certificate is checked: without the test CA the directory cannot be reached.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in",
            new { localAccounts = true, directory = new { host = "127.0.0.1", port = Ldap.TlsPort, security = "ldaps", baseDn = "ou=people,dc=riga,dc=lv" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(tenant, "liga.kalnina", "Directory-Password-2")).StatusCode);

        // Nothing answers on port 1: the directory is unavailable, local accounts still work, directory people wait.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in",
            new { localAccounts = true, directory = Directory("starttls", port: 1) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(tenant, WorkbenchFactory.AdminEmail, WorkbenchFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(tenant, "liga.kalnina", "Directory-Password-2")).StatusCode);
    }
}
