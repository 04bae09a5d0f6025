using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Records;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Abstractions.Workflows;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Search;
using Workbench.Abstractions.Validation;

namespace Workbench.DocumentRegister.Domain;

/// <summary>
/// Registration (a number drawn atomically in the database, never repeated, never reused, never changed), corrections
/// as new versions, attachments stored once by hash, and closing. Every write is all or nothing and audited.
/// </summary>
public sealed partial class DocumentService(
    DocumentRegisterDbContext db, DocumentAccessRule access, ICustomFieldService customFields, IAuditLog audit, ITenantTransaction transaction,
    ICurrentActor actor, ITenantContext tenant, TimeProvider clock, DocumentSearchSource search, IWorkflowEvents events,
    IModuleContract<IServiceCaseDirectory> serviceCases)
{
    public const string RecordType = "document";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every problem with the input, keyed by field; empty when it can be registered.</summary>
    public async Task<ValidationErrors> ValidateAsync(DocumentInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        void Add(string key, string message) => errors[key] = [.. errors.GetValueOrDefault(key) ?? [], message];
        var register = await db.Registers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == input.RegisterId, ct);
        if (register is null) Add("registerId", "Nav tāda reģistra (no such register).");
        if (!await db.CaseFiles.AnyAsync(c => c.Id == input.CaseFileId, ct)) Add("caseFileId", "Nav tādas lietas nomenklatūrā (no such case file in the file plan).");
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 500) Add("title", "Virsraksts ir obligāts, līdz 500 zīmēm (the title is required, up to 500 characters).");
        foreach (var field in register?.RequiredFields ?? [])
            if (FieldValue(input, field) is null or "")
                Add(field, $"Šī veida dokumentam ({register!.Kind}) lauks ir obligāts (a {register.Kind} needs this field).");
        if (input.Executor is { Length: > 0 } executor && !EmailRegex().IsMatch(executor)) Add("executor", "Izpildītāju norāda ar e-pasta adresi (the executor is given by e-mail address).");
        foreach (var (email, i) in (input.AccessList ?? []).Select((e, i) => (e, i)))
            if (!EmailRegex().IsMatch(email ?? "")) Add($"accessList[{i}]", "Piekļuves sarakstā norāda e-pasta adreses (the access list holds e-mail addresses).");
        var visible = access.Visible(user);
        foreach (var (link, i) in (input.Links ?? []).Select((l, i) => (l, i)))
            if (!await visible.AnyAsync(d => d.Id == link.DocumentId, ct)) Add($"links[{i}].documentId", "Nav tāda dokumenta (no such document).");
        foreach (var (i, problem) in (await ServiceCasesAsync(input.ServiceCases, ct)).Problems) Add($"serviceCases[{i}]", problem);
        foreach (var (key, message) in (await customFields.ValidateAsync(RecordType, input.CustomFields, ct)).Errors) Add($"customFields.{key}", message);
        return errors;
    }

    /// <summary>Registers the document under the next number of its register; the caller has validated the input.</summary>
    /// <param name="externalId">For an item received electronically, its channel and message id.</param>
    public Task<Document> RegisterAsync(DocumentInput input, string? externalId, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var register = await db.Registers.AsNoTracking().SingleAsync(r => r.Id == input.RegisterId, ct);
        var caseFile = await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == input.CaseFileId, ct);
        var (pattern, error) = NumberingPattern.Parse(register.Pattern, register.RestartsYearly);
        if (pattern is null) throw new DocumentConflictException($"Reģistra {register.Code} numerācijas šablons nav derīgs: {error}");
        var year = tenant.Required.Settings.Today().Year;
        var document = new Document
        {
            Id = Guid.NewGuid(), RegisterId = register.Id, CaseFileId = caseFile.Id, RegistrationNumber = "",
            RegisteredUtc = Now, RegisteredBy = actor.Name, Direction = register.Direction, Kind = register.Kind, Title = "", Status = DocumentStatus.Registered, UpdatedUtc = Now,
            ExternalId = externalId,
        };
        await ApplyAsync(document, input, ct);
        // The number last: on PostgreSQL the counter's row stays locked until commit, so the less after it, the better.
        document.Sequence = await NextSequenceAsync($"{register.Id:N}|{pattern.CounterScope(register.RestartsYearly, year, caseFile.Index)}", ct);
        document.RegistrationNumber = pattern.Format(register.Prefix, register.Code, year, caseFile.Index, document.Sequence);
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.registered", document.RegistrationNumber, new { document.Id, register = register.Code }, ct);
        await search.IndexAsync(document.Id, ct);
        await RaiseAsync("document.registered", document, ct);
        return document;
    }, ct);

    /// <summary>A correction: the fields change, the earlier state stays as a version with who, when and why.</summary>
    public Task<Document> CorrectAsync(Guid id, DocumentInput input, string? reason, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta (no such document).");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000) throw new ArgumentException("Labojumam vajag pamatojumu, līdz 1000 zīmēm (a correction needs a reason, up to 1000 characters).");
        if (input.RegisterId != document.RegisterId || input.CaseFileId != document.CaseFileId)
            throw new DocumentConflictException("Reģistru un lietu reģistrētam dokumentam nemaina: numurs no tiem atkarīgs (a registered document keeps its register and case file).");
        var before = await ViewAsync(document, ct);
        db.Versions.Add(new DocumentVersion
        {
            Id = Guid.NewGuid(), DocumentId = id, Version = document.Version, Snapshot = JsonSerializer.Serialize(before, JsonSerializerOptions.Web),
            ChangedBy = actor.Name, ChangedUtc = Now, Reason = reason.Trim(),
        });
        // Whoever the document's own work involves (its registrar, task executors and assigners, approvers) keeps access
        // whatever the corrected list says; the rest of the list is replaced.
        var involved = (await db.Tasks.Where(t => t.DocumentId == id).Select(t => new[] { t.Executor, t.AssignedBy }).ToListAsync(ct)).SelectMany(p => p)
            .Concat(await db.Approvals.Where(a => a.DocumentId == id).Select(a => a.Approver).ToListAsync(ct))
            .Append(document.RegisteredBy).Select(e => e.ToLowerInvariant()).Where(e => e.Contains('@')).ToHashSet();
        db.Access.RemoveRange(await db.Access.Where(a => a.DocumentId == id).ToListAsync(ct));
        db.Links.RemoveRange(await db.Links.Where(l => l.DocumentId == id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        await ApplyAsync(document, input, ct, input.Restricted ? involved : []);
        document.Version++;
        document.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.corrected", document.RegistrationNumber, new { version = document.Version, reason }, ct);
        await search.IndexAsync(id, ct);
        return document;
    }, ct);

    public Task<Document?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        access.Visible(user).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);

    public async Task<DocumentView> ViewAsync(Document d, CancellationToken ct)
    {
        var accessList = await db.Access.AsNoTracking().Where(a => a.DocumentId == d.Id).Select(a => a.Email).OrderBy(e => e).ToListAsync(ct);
        var links = await db.Links.AsNoTracking().Where(l => l.DocumentId == d.Id).Select(l => new LinkInput(l.TargetId, l.Kind)).ToListAsync(ct);
        return new DocumentView(d.Id, d.RegistrationNumber, d.RegisteredUtc, d.RegisteredBy, d.Direction, d.Kind, d.Status, d.Version, d.RegisterId, d.CaseFileId,
            d.Title, d.Summary, d.Author, d.Correspondent, d.DocumentDate, d.Executor, d.DueDate, d.Restricted, accessList, links, d.ServiceCases, d.CustomFields);
    }

    public sealed record ListQuery(Guid? RegisterId = null, DocumentStatus? Status = null, Direction? Direction = null, DateOnly? From = null, DateOnly? Until = null, int Skip = 0, int Take = 50);

    /// <summary>The documents the person may see, newest first, with how many there are in all.</summary>
    public async Task<(int Total, List<Document> Page)> ListAsync(ClaimsPrincipal user, ListQuery query, CancellationToken ct)
    {
        var documents = access.Visible(user).AsNoTracking();
        if (query.RegisterId is { } register) documents = documents.Where(d => d.RegisterId == register);
        if (query.Status is { } status) documents = documents.Where(d => d.Status == status);
        if (query.Direction is { } direction) documents = documents.Where(d => d.Direction == direction);
        if (query.From is { } from) documents = documents.Where(d => d.RegisteredUtc >= from.ToDateTime(TimeOnly.MinValue));
        if (query.Until is { } until) documents = documents.Where(d => d.RegisteredUtc < until.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var total = await documents.CountAsync(ct);
        var page = await documents.OrderByDescending(d => d.RegisteredUtc).ThenByDescending(d => d.Sequence).Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
        return (total, page);
    }

    public Task<List<DocumentVersion>> VersionsAsync(Guid id, CancellationToken ct) =>
        db.Versions.AsNoTracking().Where(v => v.DocumentId == id).OrderBy(v => v.Version).ToListAsync(ct);

    public Task<List<Attachment>> AttachmentsAsync(Guid id, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.DocumentId == id).OrderBy(a => a.AddedUtc).ToListAsync(ct);

    /// <summary>Attaches a file (its content stored once per hash); a signed container only once its structure checks out.</summary>
    public Task<Attachment> AttachAsync(Guid id, string fileName, string contentType, byte[] content, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta (no such document).");
        if (content.Length == 0) throw new ArgumentException("Datne ir tukša (the file is empty).");
        var name = Path.GetFileName(fileName.Trim());
        if (name.Length is 0 or > 255) throw new ArgumentException("Datnes nosaukums ir obligāts, līdz 255 zīmēm (the file name is required, up to 255 characters).");
        var kind = AttachmentKind.File;
        string? signers = null;
        if (SignedContainer.LooksLikeOne(name, contentType))
        {
            var check = SignedContainer.Check(content);
            if (check.Error is not null) throw new ArgumentException(check.Error);
            (kind, signers) = (AttachmentKind.SignedContainer, string.Join("; ", check.Signers));
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!await db.Files.AnyAsync(f => f.Hash == hash, ct)) db.Files.Add(new StoredFile { Hash = hash, Content = content, Size = content.Length });
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(), DocumentId = id, FileName = name, ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
            Hash = hash, Size = content.Length, Kind = kind, Signers = signers, AddedBy = actor.Name, AddedUtc = Now,
        };
        db.Attachments.Add(attachment);
        document.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.attached", document.RegistrationNumber, new { attachment.FileName, hash, kind }, ct);
        await search.IndexAsync(id, ct);
        return attachment;
    }, ct);

    public async Task<(Attachment Attachment, byte[] Content)?> AttachmentAsync(Guid documentId, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DocumentId == documentId, ct);
        if (attachment is null) return null;
        return (attachment, (await db.Files.AsNoTracking().SingleAsync(f => f.Hash == attachment.Hash, ct)).Content);
    }

    /// <summary>Indexes the document again, e.g. when its readers change (the search shows it only to them).</summary>
    public Task ReindexAsync(Guid id, CancellationToken ct) => search.IndexAsync(id, ct);

    /// <summary>Sets the status (the execution control closes a document when its last task is done).</summary>
    public async Task SetStatusAsync(Guid id, DocumentStatus status, CancellationToken ct)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta (no such document).");
        if (document.Status == status) return;
        var from = document.Status;
        document.Status = status;
        document.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.status", document.RegistrationNumber, new { from, to = status }, ct);
        await search.IndexAsync(id, ct);
        await RaiseAsync("document.status-changed", document, ct);
        if (status == DocumentStatus.Closed) await RaiseAsync("document.closed", document, ct);
    }

    /// <summary>
    /// Tells workflows what happened to the document (<c>document.registered</c>, <c>document.assigned</c>,
    /// <c>document.status-changed</c>, <c>document.closed</c>), with its fields for start filters, conditions and texts.
    /// </summary>
    public async Task RaiseAsync(string eventName, Document d, CancellationToken ct)
    {
        var register = await db.Registers.AsNoTracking().SingleAsync(r => r.Id == d.RegisterId, ct);
        // A restricted document's content stays out of workflow variables, which workflow administrators read.
        var fields = new JsonObject
        {
            ["id"] = d.Id.ToString(), ["registrationNumber"] = d.RegistrationNumber, ["register"] = register.Code, ["kind"] = d.Kind, ["direction"] = d.Direction.ToString(),
            ["title"] = d.Restricted ? "(ierobežotas pieejamības dokuments)" : d.Title, ["correspondent"] = d.Restricted ? null : d.Correspondent,
            ["executor"] = d.Executor, ["registeredBy"] = d.RegisteredBy, ["status"] = d.Status.ToString(),
            ["dueDate"] = d.DueDate?.ToString("O"), ["restricted"] = d.Restricted, ["today"] = tenant.Required.Settings.Today().ToString("O"),
        };
        await events.PublishAsync(eventName, "document", d.Id.ToString(), fields, ct);
    }

    /// <summary>
    /// The next number of one counter, in the caller's transaction: one upsert creates the row at 1 or increments it in
    /// place, so concurrent registrations queue on its row lock (PostgreSQL) or on the database's write lock (SQLite),
    /// and a rolled-back registration gives its number back: no duplicates, no gaps.
    /// </summary>
    private async Task<long> NextSequenceAsync(string key, CancellationToken ct) =>
        (await db.Database.SqlQuery<long>($"""
            INSERT INTO "DocReg_Counters" ("Key", "Value") VALUES ({key}, 1)
            ON CONFLICT ("Key") DO UPDATE SET "Value" = "DocReg_Counters"."Value" + 1 RETURNING "Value"
            """).ToListAsync(ct)).Single();

    /// <summary>
    /// The service cases a document refers to. Where the tenant keeps its cases in the service cards module, each
    /// reference (case id or client reference) must name exactly one case and is kept as that case's id; elsewhere
    /// references are kept as given.
    /// </summary>
    private async Task<(List<string> References, Dictionary<int, string> Problems)> ServiceCasesAsync(IReadOnlyList<string>? given, CancellationToken ct)
    {
        var directory = serviceCases.Current;
        var (references, problems) = (new List<string>(), new Dictionary<int, string>());
        foreach (var (reference, i) in (given ?? []).Select((r, i) => (r?.Trim(), i)))
        {
            if (reference is not { Length: > 0 and <= 100 })
                problems[i] = "Pakalpojuma lietas atsauce ir 1–100 zīmes (a service case reference is 1–100 characters).";
            else if (directory is null)
                references.Add(reference);
            else if (await directory.FindAsync(reference, ct) is var found && found.Count == 1)
                references.Add(found[0].Id.ToString());
            else
                problems[i] = found.Count == 0
                    ? $"Nav pakalpojuma lietas \"{reference}\" (no such service case)."
                    : $"Atsauce \"{reference}\" ir vairākām lietām; norādiet lietas id (several cases have this client reference: give the case id).";
        }
        return (references.Distinct().ToList(), problems);
    }

    /// <summary>The document's service cases as the service cards module describes them (null where it cannot).</summary>
    public async Task<List<(string Reference, ServiceCaseSummary? Case)>> LinkedServiceCasesAsync(Document d, CancellationToken ct)
    {
        var directory = serviceCases.Current;
        var linked = new List<(string, ServiceCaseSummary?)>();
        foreach (var reference in d.ServiceCases)
            linked.Add((reference, directory is null ? null : (await directory.FindAsync(reference, ct)).FirstOrDefault()));
        return linked;
    }

    /// <param name="alsoReaders">People who keep access to a restricted document whatever its access list says.</param>
    private async Task ApplyAsync(Document document, DocumentInput input, CancellationToken ct, IEnumerable<string>? alsoReaders = null)
    {
        document.Title = input.Title!.Trim();
        document.Summary = Trimmed(input.Summary);
        document.Author = Trimmed(input.Author);
        document.Correspondent = Trimmed(input.Correspondent);
        document.DocumentDate = input.DocumentDate;
        document.Executor = Trimmed(input.Executor)?.ToLowerInvariant();
        document.DueDate = input.DueDate;
        document.Restricted = input.Restricted;
        document.ServiceCases = (await ServiceCasesAsync(input.ServiceCases, ct)).References;
        document.CustomFields = (await customFields.ValidateAsync(RecordType, input.CustomFields, ct)).Values;
        // Whoever registers or executes a restricted document must still see it.
        var readers = (input.AccessList ?? []).Select(e => e.Trim().ToLowerInvariant())
            .Concat(input.Restricted ? [actor.Name.ToLowerInvariant(), .. document.Executor is { } executor ? [executor] : Array.Empty<string>()] : [])
            .Concat(alsoReaders ?? [])
            .Where(e => e.Contains('@')).Distinct();
        foreach (var email in readers) db.Access.Add(new DocumentAccess { DocumentId = document.Id, Email = email });
        foreach (var link in (input.Links ?? []).DistinctBy(l => l.DocumentId)) db.Links.Add(new DocumentLink { DocumentId = document.Id, TargetId = link.DocumentId, Kind = link.Kind });
    }

    private static string? FieldValue(DocumentInput input, string field) => field switch
    {
        "summary" => input.Summary, "author" => input.Author, "correspondent" => input.Correspondent, "documentDate" => input.DocumentDate?.ToString("O"),
        "executor" => input.Executor, "dueDate" => input.DueDate?.ToString("O"), _ => null,
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailRegex();
}
