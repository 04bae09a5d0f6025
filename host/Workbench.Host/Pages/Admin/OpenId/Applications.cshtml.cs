using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform;
using Workbench.Platform.OpenId;

namespace Workbench.Host.Pages.Admin.OpenId;

/// <summary>Register, change and remove the identity provider's clients (the same rules as the API and recipe step).</summary>
[Authorize(Policy = "permission:" + PermissionNames.ManageOpenIdApplications)]
[RequiresFeature(PlatformManifest.OpenIdServer)]
public sealed class ApplicationsModel(OpenIdApplications applications) : AdminPageModel
{
    public IReadOnlyList<OpenIdApplication> Clients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Clients = await applications.ListAsync(ct);

    /// <param name="tenantRoles">One line per municipality: <c>riga: Editor, Viewer</c>.</param>
    public async Task<IActionResult> OnPostSaveAsync(string clientId, string? displayName, string type, string? redirectUris, string? postLogoutRedirectUris,
        string[] flows, string[] scopes, string? tenantRoles, string? workplaceUrl, string? pendingUrl, CancellationToken ct)
    {
        var isNew = await applications.FindAsync(clientId, ct) is null;
        var secret = type == OpenIdApplications.Confidential && isNew ? OpenIdApplications.NewSecret() : null;
        var request = new OpenIdApplicationRequest(clientId?.Trim() ?? "", displayName, type, secret, Lines(redirectUris), Lines(postLogoutRedirectUris), flows, scopes,
            Lines(tenantRoles).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => (IReadOnlyList<string>)p[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            string.IsNullOrWhiteSpace(workplaceUrl) ? null : workplaceUrl.Trim(), string.IsNullOrWhiteSpace(pendingUrl) ? null : pendingUrl.Trim());
        var errors = await applications.ValidateAsync(request, ct);
        if (!errors.IsValid) return Done(errors.Summary, error: true);
        await applications.SaveAsync(request, ct);
        return Done(secret is null
            ? $"Klients \"{request.ClientId}\" saglabāts."
            : $"Klients \"{request.ClientId}\" reģistrēts. Noslēpums (parādīts tikai tagad, saglabājiet to): {secret}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string clientId, CancellationToken ct) =>
        await applications.DeleteAsync(clientId, ct) ? Done($"Klients \"{clientId}\" dzēsts.") : Done($"Nav klienta \"{clientId}\".", error: true);

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
