using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.DocumentRegister.Data;
using Workbench.Abstractions.Validation;

namespace Workbench.DocumentRegister.Domain;

/// <summary>A refusal that leaves everything as it was: the request is fine, but not now or not like this (409).</summary>
public sealed class DocumentConflictException(string message) : Workbench.Abstractions.ConflictException(message);

/// <summary>Registers with their numbering patterns, and the file plan (lietu nomenklatūra).</summary>
public sealed partial class RegisterService(DocumentRegisterDbContext db, IAuditLog audit, ITenantTransaction transaction, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static ValidationErrors Validate(RegisterInput input)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Code) || !CodeRegex().IsMatch(input.Code.Trim()))
            errors["code"] = ["Kods ir obligāts: 1–20 latīņu burti, cipari vai defise."];
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200) errors["name"] = ["Nosaukums ir obligāts, līdz 200 zīmēm."];
        if (string.IsNullOrWhiteSpace(input.Kind) || input.Kind.Length > 100) errors["kind"] = ["Dokumenta veids ir obligāts, līdz 100 zīmēm."];
        if (NumberingPattern.Parse(input.Pattern, input.RestartsYearly).Error is { } patternError) errors["pattern"] = [patternError];
        if ((input.Prefix?.Length ?? 0) > 20) errors["prefix"] = ["Prefikss līdz 20 zīmēm."];
        var unknown = (input.RequiredFields ?? []).Where(f => !DocumentFields.Optional.Contains(f)).ToList();
        if (unknown.Count > 0) errors["requiredFields"] = [$"Nezināmi lauki: {string.Join(", ", unknown)}; der {string.Join(", ", DocumentFields.Optional)}."];
        return errors;
    }

    public static ValidationErrors Validate(CaseFileInput input)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Index) || input.Index.Length > 30) errors["index"] = ["Lietas indekss ir obligāts, līdz 30 zīmēm."];
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300) errors["title"] = ["Lietas nosaukums ir obligāts, līdz 300 zīmēm."];
        if (input.RetentionYears is < 1 or > 200) errors["retentionYears"] = ["Glabāšanas termiņš ir 1–200 gadi vai tukšs — pastāvīgi."];
        if (string.IsNullOrWhiteSpace(input.ResponsibleUnit) || input.ResponsibleUnit.Length > 200) errors["responsibleUnit"] = ["Atbildīgā struktūrvienība ir obligāta."];
        return errors;
    }

    public Task<List<Register>> RegistersAsync(CancellationToken ct) => db.Registers.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);

    public Task<List<CaseFile>> FilePlanAsync(CancellationToken ct) => db.CaseFiles.AsNoTracking().OrderBy(c => c.Index).ToListAsync(ct);

    /// <summary>Creates the register, or (same code) changes it; the code, once numbers carry it, never changes.</summary>
    public Task<Register> SaveRegisterAsync(RegisterInput input, Guid? id, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var code = input.Code!.Trim().ToUpperInvariant();
        var register = id is { } existing ? await db.Registers.FindAsync([existing], ct) ?? throw new KeyNotFoundException("Nav tāda reģistra.")
            : await db.Registers.SingleOrDefaultAsync(r => r.Code == code, ct);
        if (register is not null && register.Code != code) throw new DocumentConflictException("Reģistra kodu mainīt nevar: tas ir reģistrācijas numuros.");
        if (register is null)
        {
            register = new Register { Id = Guid.NewGuid(), Code = code, Name = "", Kind = "", Pattern = "", CreatedUtc = Now };
            db.Registers.Add(register);
        }
        else if ((register.Pattern != input.Pattern!.Trim() || register.RestartsYearly != input.RestartsYearly) && await db.Documents.AnyAsync(d => d.RegisterId == register.Id, ct))
            // Another pattern counts in other scopes and would issue numbers already given.
            throw new DocumentConflictException("Numerāciju nemaina reģistram, kurā jau ir numuri; izveidojiet jaunu reģistru.");
        (register.Name, register.Kind, register.Direction, register.Prefix, register.Pattern, register.RestartsYearly, register.RequiredFields) =
            (input.Name!.Trim(), input.Kind!.Trim(), input.Direction, input.Prefix?.Trim() ?? "", input.Pattern!.Trim(), input.RestartsYearly, (input.RequiredFields ?? []).Distinct().ToList());
        if (input.InboxCaseFileId is { } inbox && !await db.CaseFiles.AnyAsync(c => c.Id == inbox, ct)) throw new KeyNotFoundException("Nav tādas lietas nomenklatūrā.");
        register.InboxCaseFileId = input.InboxCaseFileId;
        register.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.register.saved", code, new { register.Pattern, register.RestartsYearly }, ct);
        return register;
    }, ct);

    /// <summary>Creates the case file, or (same index) changes its title, retention and unit.</summary>
    public Task<CaseFile> SaveCaseFileAsync(CaseFileInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var index = input.Index!.Trim();
        var caseFile = await db.CaseFiles.SingleOrDefaultAsync(c => c.Index == index, ct);
        if (caseFile is null)
        {
            caseFile = new CaseFile { Id = Guid.NewGuid(), Index = index, Title = "", ResponsibleUnit = "", CreatedUtc = Now };
            db.CaseFiles.Add(caseFile);
        }
        (caseFile.Title, caseFile.RetentionYears, caseFile.ResponsibleUnit, caseFile.UpdatedUtc) = (input.Title!.Trim(), input.RetentionYears, input.ResponsibleUnit!.Trim(), Now);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.case-file.saved", index, null, ct);
        return caseFile;
    }, ct);

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex CodeRegex();
}
