namespace Workbench.Abstractions.Records;

/// <summary>
/// How another module (the document register linking a letter to the service case it belongs to) finds service cases
/// without knowing the service-cards tables. Implemented by the service cards module; where that module is not
/// enabled in the tenant (or not installed), there is nothing to check against and references are kept as given.
/// </summary>
public interface IServiceCaseDirectory
{
    /// <summary>Whether the tenant keeps service cases here (the module is enabled).</summary>
    bool Available { get; }

    /// <summary>The cases a reference names: the case id, or the client's reference (which several cases may share).</summary>
    Task<IReadOnlyList<ServiceCaseSummary>> FindAsync(string reference, CancellationToken cancellationToken = default);
}

public sealed record ServiceCaseSummary(Guid Id, string ClientReference, string ServiceName, string Status);
