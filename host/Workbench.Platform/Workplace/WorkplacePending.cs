using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.ExternalSignIn;
using Workbench.Platform.OpenId;

namespace Workbench.Platform.Workplace;

/// <summary>
/// What waits for the person: each enabled module's count, and each external application's, asked in parallel at
/// its PendingUrl (<c>GET {PendingUrl}?tenant=…&amp;email=…</c> with a one-minute bearer token from the provider whose
/// audience is the application's client id; answer <c>{"count": N}</c>). An application that does not answer in
/// two seconds is listed without a count.
/// </summary>
public sealed class WorkplacePending(
    IEnumerable<IPendingWorkSource> sources,
    ITenantContext tenant,
    WorkplaceApplications applications,
    OpenIdKeyRing keys,
    ExternalSignInSchemes schemes,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    ILogger<WorkplacePending> logger)
{
    public const string HttpClientName = "workplace-pending";
    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<IReadOnlyList<PendingWork>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var items = new List<PendingWork>();
        foreach (var source in sources.Where(s => tenant.Required.IsFeatureEnabled(s.Feature)))
            if (await source.CountAsync(user, ct) is { } work) items.Add(work);
        var email = user.FindFirstValue(ClaimTypes.Email);
        var external = await applications.ForTenantAsync(tenant.Required.Name, ct);
        items.AddRange(await Task.WhenAll(external.Select(a => ExternalAsync(a, email, ct))));
        return items;
    }

    private async Task<PendingWork> ExternalAsync(ExternalApplication application, string? email, CancellationToken ct)
    {
        if (application.PendingUrl is null || email is null) return new PendingWork(application.Name, null, application.Url);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var separator = application.PendingUrl.Contains('?') ? '&' : '?';
            using var request = new HttpRequestMessage(HttpMethod.Get,
                $"{application.PendingUrl}{separator}tenant={Uri.EscapeDataString(tenant.Required.Name)}&email={Uri.EscapeDataString(email)}");
            request.Headers.Authorization = new("Bearer", await TokenAsync(application.ClientId, email, ct));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            return new PendingWork(application.Name, answer.GetProperty("count").GetInt32(), application.Url);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            if (ct.IsCancellationRequested) throw;
            logger.LogInformation("Pending count of {ClientId} unavailable: {Error}", application.ClientId, ex.Message);
            return new PendingWork(application.Name, null, application.Url);
        }
    }

    /// <summary>Who is asking, for which municipality, signed by the provider: the application checks it with the JWKS.</summary>
    private async Task<string> TokenAsync(string clientId, string email, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = schemes.LocalIssuer(), Audience = clientId, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(1), TokenType = "workplace-pending+jwt",
            Claims = new Dictionary<string, object> { ["sub"] = email, ["email"] = email, ["tenant"] = tenant.Required.Name, ["scope"] = "workplace.pending" },
            SigningCredentials = await keys.SigningCredentialsAsync(ct),
        });
    }
}
