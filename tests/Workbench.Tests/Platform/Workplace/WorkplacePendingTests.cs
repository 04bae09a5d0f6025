using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;

namespace Workbench.Tests.Platform.Workplace;

/// <summary>The universal workplace: other municipal applications in the menu, with pending counts asked over HTTP.</summary>
public sealed class WorkplacePendingTests
{
    [Fact]
    public async Task The_workplace_lists_the_applications_serving_the_municipality_with_counts_from_their_documented_endpoint()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var issuer = host.BaseAddress.ToString().TrimEnd('/') + "/competence-centre";
        await using var cemetery = await PendingApp.StartAsync(issuer, "cemetery-register", count: 4);

        using var provider = SingleSignOnTests.Browser(host);
        (await provider.PostAsJsonAsync("/competence-centre/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        async Task RegisterAsync(string clientId, string name, string tenant, string? pendingUrl, string workplaceUrl) =>
            (await provider.PutAsJsonAsync($"/competence-centre/api/admin/openid/applications/{clientId}", new
            {
                displayName = name, type = "confidential", clientSecret = "a-machine-secret-a-machine-secret-a-machine",
                allowedFlows = new[] { "client_credentials" }, scopes = new[] { "api" },
                tenantRoles = new Dictionary<string, string[]> { [tenant] = ["Viewer"] }, workplaceUrl, pendingUrl,
            }, ct)).EnsureSuccessStatusCode();
        await RegisterAsync("cemetery-register", "Kapsētu reģistrs", "riga", cemetery.Url + "/pending", cemetery.Url + "/");
        await RegisterAsync("fleet", "Autoparks", "riga", "http://127.0.0.1:1/pending", "https://fleet.riga.lv/");
        await RegisterAsync("ventspils-port", "Ostas pārvalde", "ventspils", null, "https://port.ventspils.lv/");

        using var staff = SingleSignOnTests.Browser(host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/riga/api/workplace/pending", ct)).StatusCode);
        (await staff.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        var items = (await staff.GetFromJsonAsync<JsonElement>("/riga/api/workplace/pending", ct)).GetProperty("items").EnumerateArray().ToList();

        var fromCemetery = Assert.Single(items, i => i.GetProperty("app").GetString() == "Kapsētu reģistrs");
        Assert.Equal(4, fromCemetery.GetProperty("count").GetInt32());
        Assert.Equal(cemetery.Url + "/", fromCemetery.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, Assert.Single(items, i => i.GetProperty("app").GetString() == "Autoparks").GetProperty("count").ValueKind);
        Assert.DoesNotContain(items, i => i.GetProperty("app").GetString() == "Ostas pārvalde");
        var reviews = Assert.Single(items, i => i.GetProperty("url").GetString() == "admin/service-cards");
        Assert.True(reviews.GetProperty("count").GetInt32() >= 0);

        // The application saw who asked, for which municipality, in a token it could check with the provider's keys.
        var asked = Assert.Single(cemetery.Requests);
        Assert.Equal(("riga", WorkbenchFactory.AdminEmail, true), (asked.Tenant, asked.Email, asked.TokenValid));

        var workplace = await staff.GetStringAsync("/riga/admin", ct);
        Assert.Contains($"href=\"{cemetery.Url}/\"", workplace);
        Assert.Contains("Citas lietotnes", WebUtility.HtmlDecode(workplace));
        Assert.DoesNotContain("port.ventspils.lv", workplace);
    }

    /// <summary>Another municipal application: answers its pending count only to a valid token from the Workbench provider.</summary>
    private sealed class PendingApp : IAsyncDisposable
    {
        private readonly WebApplication _app;
        public string Url { get; private set; } = "";
        public ConcurrentQueue<(string Tenant, string Email, bool TokenValid)> Requests { get; } = new();

        private PendingApp(WebApplication app) => _app = app;

        public static async Task<PendingApp> StartAsync(string issuer, string clientId, int count)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var stub = new PendingApp(app);
            app.MapGet("/pending", async (HttpRequest request, string tenant, string email) =>
            {
                using var http = new HttpClient();
                var discovery = await http.GetFromJsonAsync<JsonElement>(issuer + "/.well-known/openid-configuration");
                var keys = new JsonWebKeySet(await http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString())).GetSigningKeys();
                var result = await new JsonWebTokenHandler().ValidateTokenAsync(request.Headers.Authorization.ToString()["Bearer ".Length..], new TokenValidationParameters
                {
                    ValidIssuer = issuer, ValidAudience = clientId, IssuerSigningKeys = keys,
                });
                var valid = result.IsValid && (string)result.Claims["tenant"] == tenant && (string)result.Claims["sub"] == email;
                stub.Requests.Enqueue((tenant, email, valid));
                return valid ? Results.Json(new { count }) : Results.Unauthorized();
            });
            await app.StartAsync();
            stub.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return stub;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
