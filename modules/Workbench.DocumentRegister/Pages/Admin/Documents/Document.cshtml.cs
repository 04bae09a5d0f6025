using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions;
using Workbench.Abstractions.Records;
using Workbench.Abstractions.Security;
using Workbench.DocumentRegister.Domain;
using Workbench.DocumentRegister.Integration;
using Workbench.Abstractions.Http;

namespace Workbench.DocumentRegister.Pages.Admin.Documents;

/// <summary>
/// One document: its record and versions, files, execution control (the head assigns, the executor completes or
/// registers the reply), approval and sending. A document the person may not see does not exist here (404).
/// </summary>
[Authorize]
public sealed class DocumentModel(
    DocumentQueries documents, DocumentAttachments attachments, DocumentServiceCases serviceCases, RegisterService registers, ExecutionControl execution, Approvals approvals, ElectronicDelivery delivery, IPermissionService permissions) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public bool IsError { get; set; }
    public DocumentView Record { get; private set; } = null!;
    public string Register { get; private set; } = "";
    public string CaseFile { get; private set; } = "";
    public List<Attachment> Attachments { get; private set; } = [];
    public List<ExecutionTask> Tasks { get; private set; } = [];
    public List<ApprovalStep> Route { get; private set; } = [];
    public List<DocumentVersion> Versions { get; private set; } = [];
    public Dictionary<Guid, string> Linked { get; private set; } = [];
    public List<(string Reference, ServiceCaseSummary? Case)> ServiceCases { get; private set; } = [];
    public string? Me => DocumentAccessRule.EmailOf(User);
    public bool CanRegister => permissions.HasPermission(User, DocumentRegisterManifest.RegisterDocuments);
    public bool CanAssign => permissions.HasPermission(User, DocumentRegisterManifest.AssignTasks);
    public bool MyTurnToApprove => Route.Count > 0 && Approvals.Waiting(Route.Where(s => s.Round == Route.Max(r => r.Round)).ToList()).Any(s => s.Approver == Me);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await documents.FindAsync(id, User, ct) is not { } document) return NotFound();
        Record = await documents.ViewAsync(document, ct);
        Register = (await registers.RegistersAsync(ct)).Single(r => r.Id == document.RegisterId).Name;
        CaseFile = (await registers.FilePlanAsync(ct)).Where(c => c.Id == document.CaseFileId).Select(c => $"{c.Index} {c.Title}").Single();
        Attachments = await attachments.AttachmentsAsync(id, ct);
        Tasks = await execution.TasksAsync(id, ct);
        Route = await approvals.RouteAsync(id, ct);
        Versions = await documents.VersionsAsync(id, ct);
        foreach (var link in Record.Links)
            if (await documents.FindAsync(link.DocumentId, User, ct) is { } target) Linked[target.Id] = $"{target.RegistrationNumber} {target.Title}";
        ServiceCases = await serviceCases.LinkedServiceCasesAsync(document, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? executor, string? instruction, DateOnly? dueDate, CancellationToken ct) =>
        ActAsync(id, CanAssign, async () => $"Nodots izpildei: {(await execution.AssignAsync(id, new TaskInput(executor, instruction, dueDate), ct)).Executor}.", ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, Guid taskId, string? result, CancellationToken ct) =>
        ActAsync(id, true, async () =>
        {
            await execution.CompleteAsync(taskId, result, User, permissions, ct);
            return "Uzdevums izpildīts.";
        }, ct);

    public Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken ct) =>
        ActAsync(id, CanRegister, async () =>
        {
            var (upload, problem) = await Uploads.ReadAsync(file, Attachment.MaxBytes, ct);
            if (upload is null) throw new ArgumentException(problem);
            var attachment = await attachments.AttachAsync(id, upload.FileName, upload.ContentType, upload.Content, ct);
            return attachment.Kind == AttachmentKind.SignedContainer ? $"Pievienots parakstīts konteiners; parakstījis: {attachment.Signers}." : $"Pievienota datne {attachment.FileName}.";
        }, ct);

    public Task<IActionResult> OnPostApprovalAsync(Guid id, ApprovalMode mode, string? approvers, CancellationToken ct) =>
        ActAsync(id, CanRegister, async () =>
        {
            var list = (approvers ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await approvals.StartAsync(id, new ApprovalInput(mode, list), ct);
            return "Nosūtīts saskaņošanai.";
        }, ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, string? comment, CancellationToken ct) =>
        ActAsync(id, true, async () => (await approvals.DecideAsync(id, User, approve, comment, ct)).Decision == ApprovalDecision.Approved ? "Saskaņots." : "Noraidīts.", ct);

    public Task<IActionResult> OnPostSendAsync(Guid id, DeliveryChannel channel, string? recipient, CancellationToken ct) =>
        ActAsync(id, CanRegister, async () =>
        {
            await delivery.SendAsync(id, new SendInput(channel, recipient), ct);
            return $"Nodots sūtīšanai ({channel}: {recipient}).";
        }, ct);

    /// <summary>Does the work on a document the person may see, and comes back with its outcome; a refusal changes nothing and says why.</summary>
    private async Task<IActionResult> ActAsync(Guid id, bool allowed, Func<Task<string>> work, CancellationToken ct)
    {
        if (await documents.FindAsync(id, User, ct) is null) return NotFound();
        if (!allowed) return Forbid();
        try { (Message, IsError) = (await work(), false); }
        catch (Exception refusal) when (Refusals.Is(refusal)) { (Message, IsError) = (refusal.Message, true); }
        return RedirectToPage(new { id });
    }
}
