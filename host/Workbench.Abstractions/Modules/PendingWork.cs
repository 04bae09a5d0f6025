using System.Security.Claims;

namespace Workbench.Abstractions.Modules;

/// <summary>What waits for the signed-in person in one module (cards to review, cases due), for the workplace bar.</summary>
public interface IPendingWorkSource
{
    /// <summary>Asked only while this feature is enabled in the tenant.</summary>
    string Feature { get; }

    /// <returns>null when the person may not act here.</returns>
    Task<PendingWork?> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <param name="App">Name shown to the person.</param>
/// <param name="Count">Items waiting; null when an external application did not answer.</param>
/// <param name="Url">Tenant-relative for modules, absolute for external applications.</param>
public sealed record PendingWork(string App, int? Count, string Url);
