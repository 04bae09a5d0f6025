using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Search;
using Workbench.Abstractions.Validation;

namespace Workbench.DocumentRegister.Domain;

/// <summary>
/// Registration (a number drawn atomically in the database, never repeated, never reused, never changed), its
/// validation, and corrections as new versions. Every write is all or nothing and audited.
/// </summary>
public sealed partial class DocumentRegistration(
    DocumentRegisterDbContext db, DocumentQueries queries, ICustomFieldService customFields, IAuditLog audit, ITenantTransaction transaction,
    ICurrentActor actor, ITenantContext tenant, TimeProvider clock, DocumentSearchSource search, DocumentEvents events, DocumentServiceCases serviceCases)
{
    public const string RecordType = "document";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every problem with the input, keyed by field; empty when it can be registered.</summary>
    public async Task<ValidationErrors> ValidateAsync(DocumentInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        void Add(string key, string message) => errors[key] = [.. errors.GetValueOrDefault(key) ?? [], message];
        var register = await db.Registers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == input.RegisterId, ct);
        if (register is null) Add("registerId", "Nav tāda reģistra.");
        if (!await db.CaseFiles.AnyAsync(c => c.Id == input.CaseFileId, ct)) Add("caseFileId", "Nav tādas lietas nomenklatūrā.");
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 500) Add("title", "Virsraksts ir obligāts, līdz 500 zīmēm.");
        foreach (var field in register?.RequiredFields ?? [])
            if (FieldValue(input, field) is null or "")
                Add(field, $"Šī veida dokumentam ({register!.Kind}) lauks ir obligāts.");
        if (input.Executor is { Length: > 0 } executor && !EmailRegex().IsMatch(executor)) Add("executor", "Izpildītāju norāda ar e-pasta adresi.");
        foreach (var (email, i) in (input.AccessList ?? []).Select((e, i) => (e, i)))
            if (!EmailRegex().IsMatch(email ?? "")) Add($"accessList[{i}]", "Piekļuves sarakstā norāda e-pasta adreses.");
        var visible = queries.Visible(user);
        foreach (var (link, i) in (input.Links ?? []).Select((l, i) => (l, i)))
            if (!await visible.AnyAsync(d => d.Id == link.DocumentId, ct)) Add($"links[{i}].documentId", "Nav tāda dokumenta.");
        foreach (var (i, problem) in (await serviceCases.ResolveAsync(input.ServiceCases, ct)).Problems) Add($"serviceCases[{i}]", problem);
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
        await events.RaiseAsync("document.registered", document, ct);
        return document;
    }, ct);

    /// <summary>A correction: the fields change, the earlier state stays as a version with who, when and why.</summary>
    public Task<Document> CorrectAsync(Guid id, DocumentInput input, string? reason, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000) throw new ArgumentException("Labojumam vajag pamatojumu, līdz 1000 zīmēm.");
        if (input.RegisterId != document.RegisterId || input.CaseFileId != document.CaseFileId)
            throw new DocumentConflictException("Reģistru un lietu reģistrētam dokumentam nemaina: numurs no tiem atkarīgs.");
        var before = await queries.ViewAsync(document, ct);
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
        document.ServiceCases = (await serviceCases.ResolveAsync(input.ServiceCases, ct)).References;
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
