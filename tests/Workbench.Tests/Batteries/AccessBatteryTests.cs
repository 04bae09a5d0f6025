using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Security;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;

namespace Workbench.Tests.Batteries;

/// <summary>
/// Every operation of the OpenAPI document, called by every kind of principal, against what the endpoint declares
/// (its authorization metadata, read from the running host, so a new endpoint is covered without a line here):
/// nobody gets a success they are not entitled to, and a staff cookie of another municipality opens nothing.
/// </summary>
public sealed class AccessBatteryTests(BatteryHost host) : IClassFixture<BatteryHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="Here">Signed in to the tenant under test (false: anonymous, or a cookie of another tenant).</param>
    /// <param name="Permissions">What the principal's roles grant here; null for the Administrator role, which holds every permission.</param>
    private sealed record Principal(string Name, HttpClient Client, bool Here, IReadOnlySet<string>? Permissions)
    {
        public bool Holds(string permission) => Permissions?.Contains(permission) ?? true;
    }

    /// <param name="Authenticated">The endpoint needs a signed-in principal of the tenant.</param>
    private sealed record Declared(bool Authenticated, IReadOnlyList<string> Permissions);

    [Fact]
    public async Task Every_operation_answers_each_principal_as_its_endpoint_declares()
    {
        var declared = DeclaredAccess();
        int requests = 0, successes = 0, operations = 0;
        var problems = new List<string>();
        foreach (var tenant in new[] { host.Tenant, BatteryHost.CompetenceCentre })
        {
            var admin = await host.AdminClientAsync(tenant);
            var principals = await PrincipalsAsync(tenant, admin);
            // Signing out ends the principal's session, so it comes last.
            var tenantOperations = host.Operations.All.Where(o => !BatteryHost.IsHostLevel(o) && host.TenantFor(o) == tenant)
                .OrderBy(o => o.Path == "/api/session" && o.Method == "DELETE").ToList();
            operations += tenantOperations.Count;
            foreach (var operation in tenantOperations)
            {
                if (!declared.TryGetValue(operation.ToString(), out var rule)) { problems.Add($"{operation}: no endpoint found for it"); continue; }
                // Reads go to existing records; changes to ids that do not exist (authorization comes before the lookup).
                var path = operation.Method == "GET" ? await host.ConcretePathAsync(operation, admin) : host.PathWithoutRecords(operation);
                foreach (var principal in principals)
                {
                    var status = await SendAsync(principal.Client, operation, path);
                    requests++;
                    if (status is >= 200 and < 300) successes++;
                    var entitled = !rule.Authenticated || (principal.Here && rule.Permissions.All(principal.Holds));
                    if (status >= 500) problems.Add($"{operation} as {principal.Name} in {tenant}: {status}");
                    else if (!operation.Declares(status)) problems.Add($"{operation} as {principal.Name} in {tenant}: {status}, which its OpenAPI responses do not declare");
                    else if (status is >= 200 and < 300 && !entitled)
                        problems.Add($"{operation} as {principal.Name} in {tenant}: {status}, but it needs {(rule.Permissions.Count > 0 ? string.Join(", ", rule.Permissions) : "a signed-in person")}");
                }
            }
        }
        var crossTenant = problems.Count(p => p.Contains(" as administrator of another tenant ", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"access: {operations} operations × 8 principals = {requests} requests, {successes} successes, {problems.Count} violations, {crossTenant} cross-tenant reads");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(60)));
    }

    private static async Task<int> SendAsync(HttpClient client, ApiOperation operation, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.BodySchema is not null) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            return 200; // a stream that stays open answered
        }
    }

    private async Task<List<Principal>> PrincipalsAsync(string tenant, HttpClient admin)
    {
        var roles = (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/admin/roles", Ct))!
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => (IReadOnlySet<string>)r.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToHashSet());
        var unique = Guid.NewGuid().ToString("N")[..8];
        var principals = new List<Principal>
        {
            new("anonymous", host.AnonymousClient(), false, new HashSet<string>()),
            new("no permissions", await host.UserClientAsync(tenant, $"none-{unique}@{tenant}.lv"), true, new HashSet<string>()),
        };
        foreach (var role in new[] { "Viewer", "Specialist", "Editor" })
            principals.Add(new(role, await host.UserClientAsync(tenant, $"{role.ToLowerInvariant()}-{unique}@{tenant}.lv", role), true, roles[role]));
        principals.Add(new("Administrator", admin, true, null));
        principals.Add(new("machine client (Editor)", await OidcScenario.MachineClientAsync(host, new() { [tenant] = ["Editor"] }), true, roles["Editor"]));
        principals.Add(new("administrator of another tenant", await ForeignCookieClientAsync(tenant == "ventspils" ? "riga" : "ventspils"), false, new HashSet<string>()));
        return principals;
    }

    /// <summary>A client that sends another tenant's staff cookie with every request (a browser would not: the cookie's path is that tenant's).</summary>
    private async Task<HttpClient> ForeignCookieClientAsync(string otherTenant)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", await JsonApi.StaffCookieAsync(client, otherTenant));
        return client;
    }

    /// <summary>What each endpoint declares, keyed like the OpenAPI operations ("GET /api/notices/{id}").</summary>
    private Dictionary<string, Declared> DeclaredAccess()
    {
        var result = new Dictionary<string, Declared>();
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!.Trim('/'), @"\{([^}:?=]+)[^}]*\}", "{$1}");
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authenticated = !anonymous && (authorize.Count > 0 || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null);
            var permissions = authorize.Select(a => a.Policy).OfType<string>().Where(p => p.StartsWith(PermissionNames.Policy(""), StringComparison.Ordinal))
                .Select(p => p[PermissionNames.Policy("").Length..]).ToList();
            foreach (var method in methods) result[$"{method} {path}"] = new Declared(authenticated, permissions);
        }
        return result;
    }
}
