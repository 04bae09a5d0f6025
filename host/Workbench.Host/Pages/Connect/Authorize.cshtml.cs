using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Workbench.Abstractions.Modules;
using Workbench.Platform.OpenId.Api;
using Workbench.Platform;
using Workbench.Platform.ExternalSignIn;
using Workbench.Platform.OpenId;
using Workbench.Platform.Security;

namespace Workbench.Host.Pages.Connect;

/// <summary>
/// OpenID Connect authorization endpoint (code flow). A person not signed in to the competence centre goes to its
/// sign-in page and comes back here; errors about the client or its redirect URI are shown, never redirected.
/// </summary>
[RequiresFeature(PlatformManifest.OpenIdServer)]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class AuthorizeModel(OpenIdServer server, StaffSignIn signIn, TimeProvider clock) : PageModel
{
    public OAuthError? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => HandleAsync(Request.Query.ToDictionary(q => q.Key, q => q.Value.Count == 1 ? q.Value[0] : null), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await HandleAsync((await Request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.Count == 1 ? f.Value[0] : null), ct);

    private async Task<IActionResult> HandleAsync(Dictionary<string, string?> parameters, CancellationToken ct)
    {
        var issuer = OpenIdServerApi.Issuer(HttpContext);
        var (request, error, redirectable) = await server.ValidateAuthorizationAsync(parameters, issuer, ct);
        if (error is not null && !redirectable)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (error is not null)
            return Back(parameters["redirect_uri"]!, new() { ["error"] = error.Error, ["error_description"] = error.Description, ["state"] = parameters.GetValueOrDefault("state"), ["iss"] = issuer });

        var prompts = (request!.Prompt ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var userId = session.Succeeded ? session.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value : null;
        if (userId is null || prompts.Contains("login"))
        {
            if (prompts.Contains("none"))
                return Back(request.RedirectUri, new() { ["error"] = "login_required", ["state"] = request.State, ["iss"] = issuer });
            if (userId is not null) await signIn.SignOutAsync();
            // Back here after signing in; prompt=login must not loop.
            parameters.Remove("prompt");
            var returnUrl = QueryHelpers.AddQueryString(Request.PathBase + Request.Path, parameters);
            return LocalRedirect(QueryHelpers.AddQueryString(Url.Content("~/signin"), "returnUrl", returnUrl));
        }
        var authTime = session.Properties?.IssuedUtc?.UtcDateTime ?? clock.GetUtcNow().UtcDateTime;
        var code = await server.IssueCodeAsync(request, userId, authTime, ct);
        return Back(request.RedirectUri, new() { ["code"] = code, ["state"] = request.State, ["iss"] = issuer });
    }

    private RedirectResult Back(string redirectUri, Dictionary<string, string?> values) =>
        Redirect(QueryHelpers.AddQueryString(redirectUri, values.Where(v => v.Value is not null)!));
}
