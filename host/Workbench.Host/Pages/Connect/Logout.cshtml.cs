using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Workbench.Abstractions.Modules;
using Workbench.Platform.OpenId.Api;
using Workbench.Platform;
using Workbench.Platform.ExternalSignIn;
using Workbench.Platform.OpenId;

namespace Workbench.Host.Pages.Connect;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). With a valid id_token_hint naming the signed-in
/// person they are signed out at once and sent to a registered post-logout URI; otherwise they confirm first, so
/// that a foreign page cannot sign them out.
/// </summary>
[RequiresFeature(PlatformManifest.OpenIdServer)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class LogoutModel(OpenIdServer server, OpenIdApplications applications, StaffSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id_token_hint")] public string? IdTokenHint { get; set; }
    [BindProperty(SupportsGet = true, Name = "post_logout_redirect_uri")] public string? PostLogoutRedirectUri { get; set; }
    [BindProperty(SupportsGet = true, Name = "client_id")] public string? ClientId { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }
    public string? Error { get; private set; }
    public bool SignedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (hinted, subject) = await server.HintAsync(IdTokenHint, OpenIdServerApi.Issuer(HttpContext), ct);
        if (IdTokenHint is not null && hinted is null) return Refuse("id_token_hint nav derīgs.");
        if (hinted is not null && ClientId is not null && hinted != ClientId) return Refuse("client_id neatbilst id_token_hint.");
        var target = await TargetAsync(hinted ?? ClientId, ct);
        if (PostLogoutRedirectUri is not null && target is null) return Refuse("post_logout_redirect_uri nav reģistrēta.");
        // Straight out only for the person the hint names: someone else's (or an attacker's own) token asks first.
        var current = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (hinted is null || (current is not null && current != subject)) return Page();
        return await SignOutAndLeaveAsync(target);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await SignOutAndLeaveAsync(await TargetAsync(ClientId, ct));

    private async Task<IActionResult> SignOutAndLeaveAsync(string? target)
    {
        await signIn.SignOutAsync();
        if (target is not null) return Redirect(State is null ? target : QueryHelpers.AddQueryString(target, "state", State));
        SignedOut = true;
        return Page();
    }

    private async Task<string?> TargetAsync(string? clientId, CancellationToken ct)
    {
        if (PostLogoutRedirectUri is null || await applications.FindAsync(clientId, ct) is not { } client) return null;
        return OpenIdApplicationJson.IsRegistered(client.PostLogoutRedirectUris(), PostLogoutRedirectUri, OpenIdServerApi.Issuer(HttpContext)) ? PostLogoutRedirectUri : null;
    }

    private PageResult Refuse(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
