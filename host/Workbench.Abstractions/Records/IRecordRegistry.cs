namespace Workbench.Abstractions.Records;

/// <summary>
/// How one module registers a finished record in the tenant's document register without knowing its tables — the
/// council's signed minutes and each adopted decision. Implemented by the document register module; reached through
/// <see cref="IModuleContract{TContract}"/>, which has none where that module is not enabled in the tenant (or not
/// installed): the caller carries on without registering.
/// </summary>
public interface IRecordRegistry
{
    /// <summary>
    /// Registers the record in the register of its <see cref="RecordToRegister.Kind"/> (once per
    /// <see cref="RecordToRegister.SourceKey"/>: a repeat returns the first registration), in the caller's transaction.
    /// </summary>
    Task<RegisteredRecord?> RegisterAsync(RecordToRegister record, CancellationToken cancellationToken = default);
}

/// <param name="Kind">The document kind whose register takes it, e.g. "Protokols", "Lēmums".</param>
/// <param name="SourceKey">Identifies the record in its module, e.g. "council:minutes:{meeting id}".</param>
/// <param name="Restricted">Not for everyone who reads the register (e.g. minutes of a closed meeting): only whoever registers it sees it.</param>
public sealed record RecordToRegister(
    string Kind, string Title, string? Summary, string? Author, DateOnly? DocumentDate, string SourceKey, IReadOnlyList<RecordFile> Files, bool Restricted = false);

public sealed record RecordFile(string Name, string ContentType, byte[] Content);

/// <param name="Url">Tenant-relative address of the registered document in the staff workplace.</param>
public sealed record RegisteredRecord(Guid Id, string RegistrationNumber, string Url);

/// <summary>The register cannot take the record as it is configured (e.g. no register for its kind); nothing was registered.</summary>
public sealed class RecordRegistryException(string message) : Exception(message);
