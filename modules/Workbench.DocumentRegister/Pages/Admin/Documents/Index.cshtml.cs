using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Security;
using Workbench.DocumentRegister.Domain;

namespace Workbench.DocumentRegister.Pages.Admin.Documents;

/// <summary>
/// The register's desk: the documents the person may see, newest first, and the registration form. Opened with
/// <c>?replyTo=</c> it prepares the reply to a document: the outgoing register, the same case file and correspondent,
/// the link, and (for its executor) completing the task with it.
/// </summary>
[Authorize]
public sealed class IndexModel(
    DocumentQueries documents, DocumentRegistration registration, RegisterService registers, ExecutionControl execution, IPermissionService permissions, ITenantTransaction transaction) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public bool IsError { get; set; }
    public List<Register> Registers { get; private set; } = [];
    public List<CaseFile> FilePlan { get; private set; } = [];
    public List<Document> Documents { get; private set; } = [];
    public int Total { get; private set; }
    public Document? ReplyTo { get; private set; }
    [BindProperty(SupportsGet = true)] public Guid? Register { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentStatus? Status { get; set; }
    public bool CanRegister => permissions.HasPermission(User, DocumentRegisterManifest.RegisterDocuments);

    public string RegisterName(Guid id) => Registers.FirstOrDefault(r => r.Id == id)?.Name ?? "?";

    public async Task<IActionResult> OnGetAsync(Guid? replyTo, CancellationToken ct)
    {
        Registers = await registers.RegistersAsync(ct);
        FilePlan = await registers.FilePlanAsync(ct);
        (Total, Documents) = await documents.ListAsync(User, new DocumentQueries.ListQuery(Register, Status, Take: 100), ct);
        if (replyTo is { } original && (ReplyTo = await documents.FindAsync(original, User, ct)) is null) return NotFound();
        return Page();
    }

    public sealed record RegistrationForm(
        Guid RegisterId, Guid CaseFileId, string? Title, string? Summary, string? Author, string? Correspondent, DateOnly? DocumentDate,
        string? Executor, DateOnly? DueDate, bool Restricted, string? AccessList, string? ServiceCases, Guid? ReplyTo, bool CompleteMyTask);

    public async Task<IActionResult> OnPostRegisterAsync(RegistrationForm form, CancellationToken ct)
    {
        if (!CanRegister) return Forbid();
        var input = new DocumentInput(form.RegisterId, form.CaseFileId, form.Title, form.Summary, form.Author, form.Correspondent, form.DocumentDate,
            form.Executor, form.DueDate, form.Restricted,
            (form.AccessList ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            form.ReplyTo is { } original ? [new LinkInput(original, LinkKind.ReplyTo)] : null,
            (form.ServiceCases ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (await registration.ValidateAsync(input, User, ct) is { Count: > 0 } errors)
        {
            (Message, IsError) = (string.Join(" ", errors.SelectMany(e => e.Value)), true);
            return RedirectToPage(new { replyTo = form.ReplyTo });
        }
        try
        {
            // The reply and the completed task stand or fall together.
            var document = await transaction.InTransactionAsync(async () =>
            {
                var registered = await registration.RegisterAsync(input, null, ct);
                if (form.CompleteMyTask && form.ReplyTo is { } answered)
                    foreach (var task in (await execution.TasksAsync(answered, ct)).Where(t => t.CompletedOn is null && t.Executor == DocumentAccessRule.EmailOf(User)))
                        await execution.CompleteAsync(task.Id, $"Atbilde {registered.RegistrationNumber}", User, permissions, ct);
                return registered;
            }, ct);
            (Message, IsError) = ($"Reģistrēts ar numuru {document.RegistrationNumber}.", false);
            return RedirectToPage("Document", new { id = document.Id });
        }
        catch (Exception refusal) when (Refusals.Is(refusal))
        {
            (Message, IsError) = (refusal.Message, true);
            return RedirectToPage(new { replyTo = form.ReplyTo });
        }
    }
}
