using System.Security.Claims;

namespace Workbench.Abstractions.Modules;

/// <summary>The staff workplace menu of the current tenant: items of enabled features the user may open.</summary>
public interface IWorkplaceNavigation
{
    IReadOnlyList<NavigationItem> GetItems(ClaimsPrincipal user);

    /// <summary>Public-site links of the enabled features.</summary>
    IReadOnlyList<NavigationItem> GetPublicItems();

    /// <summary>Other municipal applications (clients of the Workbench provider) that serve this municipality.</summary>
    Task<IReadOnlyList<WorkplaceApplication>> GetApplicationsAsync(CancellationToken cancellationToken);
}

/// <param name="Url">Absolute address of the application's start page.</param>
public sealed record WorkplaceApplication(string Name, string Url);
