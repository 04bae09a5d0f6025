namespace Workbench.Abstractions.Records;

/// <summary>
/// How another module (the document register linking a letter to the service case it belongs to) finds service cases
/// without knowing the service-cards tables. Implemented by the service cards module; reached through
/// <see cref="IModuleContract{TContract}"/>, which has none where that module is not enabled in the tenant (or not
/// installed): there is nothing to check against and references are kept as given.
/// </summary>
public interface IServiceCaseDirectory
{
    /// <summary>Always true: a directory obtained through <see cref="IModuleContract{TContract}"/> is there.</summary>
    [Obsolete("IModuleContract<IServiceCaseDirectory>.Current is null where service cases are not kept; removed with host API 2.0.")]
    bool Available => true;

    /// <summary>The cases a reference names: the case id, or the client's reference (which several cases may share).</summary>
    Task<IReadOnlyList<ServiceCaseSummary>> FindAsync(string reference, CancellationToken cancellationToken = default);
}

public sealed record ServiceCaseSummary(Guid Id, string ClientReference, string ServiceName, string Status);
