using System.Security.Claims;

namespace Workbench.Abstractions.Modules;

/// <summary>The staff workplace menu of the current tenant: items of enabled features the user may open.</summary>
public interface IWorkplaceNavigation
{
    IReadOnlyList<NavigationItem> GetItems(ClaimsPrincipal user);

    /// <summary>Public-site links of the enabled features.</summary>
    IReadOnlyList<NavigationItem> GetPublicItems();
}
