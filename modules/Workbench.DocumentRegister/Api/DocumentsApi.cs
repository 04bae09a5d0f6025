using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Workbench.Abstractions.Exports;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Security;
using Workbench.DocumentRegister.Domain;
using Workbench.DocumentRegister.Integration;

namespace Workbench.DocumentRegister.Api;

/// <summary>
/// REST API of the document register: <c>/{tenant}/api/document-registers</c> (registers, file plan, reports) and
/// <c>/{tenant}/api/documents</c> (documents and everything done with them). A document the caller may not see does
/// not exist for them (404), in lists, counts and exports too.
/// </summary>
public static class DocumentsApi
{
    private static string Policy(string permission) => PermissionNames.Policy(permission);

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var registers = routes.MapGroup("/api/document-registers").WithTags("Documents").RequireAuthorization(Policy(DocumentRegisterManifest.ViewDocuments));
        var manage = Policy(DocumentRegisterManifest.ManageRegisters);
        registers.MapGet("/", async (RegisterService service, CancellationToken ct) => TypedResults.Ok(await service.RegistersAsync(ct)));
        registers.MapPost("/", CreateRegister).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        registers.MapPut("/{id:guid}", UpdateRegister).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        registers.MapGet("/file-plan", async (RegisterService service, CancellationToken ct) => TypedResults.Ok(await service.FilePlanAsync(ct)));
        registers.MapPost("/file-plan", SaveCaseFile).RequireAuthorization(manage);
        registers.MapGet("/reports/registered", Registered).WithSummary("Registered per register per month of ?year= (default this year); ?format=csv for a spreadsheet");
        registers.MapGet("/reports/overdue", Overdue).WithSummary("Overdue tasks per unit; ?format=csv for a spreadsheet");

        var documents = routes.MapGroup("/api/documents").WithTags("Documents");
        var register = Policy(DocumentRegisterManifest.RegisterDocuments);
        documents.MapGet("/", List).RequireAuthorization();
        documents.MapGet("/export.csv", Export).RequireAuthorization().Produces<string>(StatusCodes.Status200OK, "text/csv");
        documents.MapPost("/", Create).RequireAuthorization(register).ProducesProblem(StatusCodes.Status409Conflict);
        documents.MapGet("/{id:guid}", Get).RequireAuthorization();
        documents.MapPut("/{id:guid}", Correct).RequireAuthorization(register).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("A correction: the body of create plus \"reason\"; the earlier state becomes a version");
        documents.MapGet("/{id:guid}/versions", Versions).RequireAuthorization();
        documents.MapGet("/{id:guid}/attachments", Attachments).RequireAuthorization();
        documents.MapPost("/{id:guid}/attachments", Attach).RequireAuthorization(register).DisableAntiforgery().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("multipart/form-data with \"file\"; an .edoc/.asice is checked (ZIP, mimetype, signature, matching digests) before it is attached");
        documents.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download).RequireAuthorization().Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream");
        documents.MapGet("/{id:guid}/tasks", Tasks).RequireAuthorization();
        documents.MapPost("/{id:guid}/tasks", Assign).RequireAuthorization(Policy(DocumentRegisterManifest.AssignTasks)).ProducesProblem(StatusCodes.Status409Conflict);
        documents.MapPost("/tasks/{taskId:guid}/complete", Complete).RequireAuthorization().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The executor's result; the document closes when its last task is done");
        documents.MapGet("/tasks/overdue", OverdueTasks).RequireAuthorization();
        documents.MapGet("/tasks/mine", MyTasks).RequireAuthorization();
        documents.MapGet("/{id:guid}/approval", Route).RequireAuthorization();
        documents.MapPost("/{id:guid}/approval", StartApproval).RequireAuthorization(register).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("{\"mode\": \"Sequential\"|\"Parallel\", \"approvers\": [e-mail, …]}");
        documents.MapPost("/{id:guid}/approval/decision", Decide).RequireAuthorization().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The signed-in approver: {\"approve\": true|false, \"comment\"}");
        documents.MapPost("/{id:guid}/send", Send).RequireAuthorization(register).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("{\"channel\": \"Depp\"|\"Div\", \"recipient\"}: queued in the outbox");
        documents.MapPost("/inbox/{channel}", Receive).AllowAnonymous().DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("DEPP or DIV delivers an item (bearer Workbench:Integrations:{Depp|Div}:InboundToken); it is registered in the inbox register once per messageId");
        return routes;
    }

    public sealed record DecisionInput(bool Approve, string? Comment);
    public sealed record CompleteInput(string? Result);

    /// <summary>A document in lists: what identifies it and where it stands.</summary>
    public sealed record DocumentSummary(
        Guid Id, string RegistrationNumber, DateTime RegisteredUtc, Direction Direction, string Kind, string Title, string? Correspondent, string? Executor,
        DateOnly? DueDate, DocumentStatus Status, bool Restricted)
    {
        public static DocumentSummary Of(Document d) =>
            new(d.Id, d.RegistrationNumber, d.RegisteredUtc, d.Direction, d.Kind, d.Title, d.Correspondent, d.Executor, d.DueDate, d.Status, d.Restricted);
    }

    /// <summary>One page of the documents the caller may see, and how many there are in all.</summary>
    public sealed record DocumentPage(int Total, IEnumerable<DocumentSummary> Items);

    /// <summary>The state a document had before a correction (<c>document</c>: as the API returned it then).</summary>
    public sealed record DocumentVersionView(int Version, string ChangedBy, DateTime ChangedUtc, string Reason, JsonNode? Document);

    public sealed record TaskWithDocument(ExecutionTask Task, DocumentSummary Document);

    /// <summary>The document an incoming item was registered as.</summary>
    public sealed record ReceivedDocument(Guid Id, string RegistrationNumber);

    private static async Task<Results<Created<Register>, ValidationProblem>> CreateRegister(RegisterInput input, RegisterService service, CancellationToken ct) =>
        RegisterService.Validate(input) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created("api/document-registers", await service.SaveRegisterAsync(input, null, ct));

    private static async Task<Results<Ok<Register>, ValidationProblem>> UpdateRegister(Guid id, RegisterInput input, RegisterService service, CancellationToken ct) =>
        RegisterService.Validate(input) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await service.SaveRegisterAsync(input, id, ct));

    private static async Task<Results<Created<CaseFile>, ValidationProblem>> SaveCaseFile(CaseFileInput input, RegisterService service, CancellationToken ct) =>
        RegisterService.Validate(input) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Created("api/document-registers/file-plan", await service.SaveCaseFileAsync(input, ct));

    private static async Task<Results<Ok<List<Reports.RegisteredRow>>, FileContentHttpResult>> Registered(int? year, string? format, ClaimsPrincipal user, Reports reports, TimeProvider clock, CancellationToken ct)
    {
        var rows = await reports.RegisteredAsync(user, year ?? clock.GetUtcNow().Year, ct);
        return format == "csv"
            ? CsvFile(Csv.Write(rows, ',', ("register", r => r.Register), ("month", r => r.Month), ("documents", r => r.Documents)), "registered.csv")
            : TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<List<Reports.OverdueRow>>, FileContentHttpResult>> Overdue(string? format, ClaimsPrincipal user, Reports reports, CancellationToken ct)
    {
        var rows = await reports.OverdueAsync(user, ct);
        return format == "csv"
            ? CsvFile(Csv.Write(rows, ',', ("unit", r => r.Unit), ("overdueTasks", r => r.Tasks), ("oldestDaysLate", r => r.OldestDaysLate)), "overdue.csv")
            : TypedResults.Ok(rows);
    }

    private static async Task<Ok<DocumentPage>> List([AsParameters] ListParameters query, ClaimsPrincipal user, DocumentQueries documents, CancellationToken ct)
    {
        var (total, page) = await documents.ListAsync(user, query.ToQuery(), ct);
        return TypedResults.Ok(new DocumentPage(total, page.Select(DocumentSummary.Of)));
    }

    private static async Task<FileContentHttpResult> Export([AsParameters] ListParameters query, ClaimsPrincipal user, DocumentQueries documents, CancellationToken ct)
    {
        // Every row the person may see, read a page at a time.
        var rows = new List<Document>();
        for (var skip = 0; ; skip += 500)
        {
            var (_, page) = await documents.ListAsync(user, query.ToQuery() with { Skip = skip, Take = 500 }, ct);
            rows.AddRange(page);
            if (page.Count < 500) break;
        }
        return CsvFile(Csv.Write(rows, ',', ("registrationNumber", d => d.RegistrationNumber), ("registered", d => d.RegisteredUtc.ToString("yyyy-MM-dd HH:mm")), ("direction", d => d.Direction),
            ("kind", d => d.Kind), ("title", d => d.Title), ("correspondent", d => d.Correspondent), ("executor", d => d.Executor), ("dueDate", d => d.DueDate), ("status", d => d.Status)), "documents.csv");
    }

    private static async Task<Results<Created<DocumentView>, ValidationProblem>> Create(DocumentInput input, ClaimsPrincipal user, DocumentQueries documents, DocumentRegistration registration, CancellationToken ct)
    {
        if (await registration.ValidateAsync(input, user, ct) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var document = await registration.RegisterAsync(input, null, ct);
        return TypedResults.Created($"api/documents/{document.Id}", await documents.ViewAsync(document, ct));
    }

    private static Task<Results<Ok<DocumentView>, NotFound>> Get(Guid id, ClaimsPrincipal user, DocumentQueries documents, CancellationToken ct) =>
        Visible(id, user, documents, ct, async document => TypedResults.Ok(await documents.ViewAsync(document, ct)));

    private static async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> Correct(Guid id, JsonObject body, ClaimsPrincipal user, DocumentQueries documents, DocumentRegistration registration, CancellationToken ct)
    {
        if (await documents.FindAsync(id, user, ct) is null) return TypedResults.NotFound();
        DocumentInput input;
        try { input = body.Deserialize<DocumentInput>(RecipeStepContext.JsonOptions) ?? throw new JsonException("empty body"); }
        catch (JsonException ex) { return TypedResults.Problem($"Nederīgs dokuments: {ex.Message}", statusCode: StatusCodes.Status400BadRequest); }
        if (await registration.ValidateAsync(input, user, ct) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await documents.ViewAsync(await registration.CorrectAsync(id, input, (string?)body["reason"], ct), ct));
    }

    private static Task<Results<Ok<List<DocumentVersionView>>, NotFound>> Versions(Guid id, ClaimsPrincipal user, DocumentQueries documents, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => TypedResults.Ok((await documents.VersionsAsync(id, ct))
            .Select(v => new DocumentVersionView(v.Version, v.ChangedBy, v.ChangedUtc, v.Reason, JsonNode.Parse(v.Snapshot))).ToList()));

    private static Task<Results<Ok<List<Attachment>>, NotFound>> Attachments(Guid id, ClaimsPrincipal user, DocumentQueries documents, DocumentAttachments attachments, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => TypedResults.Ok(await attachments.AttachmentsAsync(id, ct)));

    private static async Task<Results<Created<Attachment>, ProblemHttpResult, NotFound>> Attach(Guid id, HttpRequest request, ClaimsPrincipal user, DocumentQueries documents, DocumentAttachments attachments, CancellationToken ct)
    {
        if (await documents.FindAsync(id, user, ct) is null) return TypedResults.NotFound();
        var (file, problem) = await Uploads.ReadSingleFileAsync(request, Attachment.MaxBytes, ct);
        if (file is null) return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        return TypedResults.Created($"api/documents/{id}/attachments", await attachments.AttachAsync(id, file.FileName, file.ContentType, file.Content, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, Guid attachmentId, ClaimsPrincipal user, DocumentQueries documents, DocumentAttachments attachments, CancellationToken ct) =>
        await documents.FindAsync(id, user, ct) is not null && await attachments.AttachmentAsync(id, attachmentId, ct) is { } found
            ? TypedResults.File(found.Content, Uploads.SafeContentType(found.Attachment.FileName), found.Attachment.FileName)
            : TypedResults.NotFound();

    private static Task<Results<Ok<List<ExecutionTask>>, NotFound>> Tasks(Guid id, ClaimsPrincipal user, DocumentQueries documents, ExecutionControl execution, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => TypedResults.Ok(await execution.TasksAsync(id, ct)));

    private static Task<Results<Created<ExecutionTask>, NotFound>> Assign(Guid id, TaskInput input, ClaimsPrincipal user, DocumentQueries documents, ExecutionControl execution, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => TypedResults.Created($"api/documents/{id}/tasks", await execution.AssignAsync(id, input, ct)));

    private static async Task<Ok<ExecutionTask>> Complete(Guid taskId, CompleteInput input, ClaimsPrincipal user, IPermissionService permissions, ExecutionControl execution, CancellationToken ct) =>
        TypedResults.Ok(await execution.CompleteAsync(taskId, input.Result, user, permissions, ct));

    private static async Task<Ok<List<TaskWithDocument>>> OverdueTasks(ClaimsPrincipal user, ExecutionControl execution, CancellationToken ct) =>
        TypedResults.Ok((await execution.OverdueAsync(user, ct)).Select(r => new TaskWithDocument(r.Task, DocumentSummary.Of(r.Document))).ToList());

    private static async Task<Ok<List<TaskWithDocument>>> MyTasks(ClaimsPrincipal user, ExecutionControl execution, CancellationToken ct) =>
        TypedResults.Ok((await execution.OpenForAsync(user, ct)).Select(r => new TaskWithDocument(r.Task, DocumentSummary.Of(r.Document))).ToList());

    private static Task<Results<Ok<List<ApprovalStep>>, NotFound>> Route(Guid id, ClaimsPrincipal user, DocumentQueries documents, Approvals approvals, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => TypedResults.Ok(await approvals.RouteAsync(id, ct)));

    private static Task<Results<Created<List<ApprovalStep>>, NotFound>> StartApproval(Guid id, ApprovalInput input, ClaimsPrincipal user, DocumentQueries documents, Approvals approvals, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => TypedResults.Created($"api/documents/{id}/approval", await approvals.StartAsync(id, input, ct)));

    private static Task<Results<Ok<ApprovalStep>, NotFound>> Decide(Guid id, DecisionInput input, ClaimsPrincipal user, DocumentQueries documents, Approvals approvals, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => TypedResults.Ok(await approvals.DecideAsync(id, user, input.Approve, input.Comment, ct)));

    private static Task<Results<Accepted, NotFound>> Send(Guid id, SendInput input, ClaimsPrincipal user, DocumentQueries documents, ElectronicDelivery delivery, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ =>
        {
            await delivery.SendAsync(id, input, ct);
            return TypedResults.Accepted($"api/documents/{id}");
        });

    private static async Task<Results<Created<ReceivedDocument>, Ok<ReceivedDocument>, ProblemHttpResult, NotFound>> Receive(
        string channel, IncomingItem item, HttpRequest request, IConfiguration configuration, ElectronicDelivery delivery, CancellationToken ct)
    {
        if (!Enum.TryParse<DeliveryChannel>(channel, ignoreCase: true, out var parsed)) return TypedResults.NotFound();
        var expected = configuration[$"Workbench:Integrations:{parsed}:InboundToken"];
        var given = request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return TypedResults.Problem("Nederīga piegādātāja atslēga.", statusCode: StatusCodes.Status401Unauthorized);
        var (document, created) = await delivery.ReceiveAsync(parsed, item, ct);
        var body = new ReceivedDocument(document.Id, document.RegistrationNumber);
        return created ? TypedResults.Created($"api/documents/{document.Id}", body) : TypedResults.Ok(body);
    }

    public sealed record ListParameters(Guid? RegisterId, DocumentStatus? Status, Direction? Direction, DateOnly? From, DateOnly? Until, int? Skip, int? Take)
    {
        public DocumentQueries.ListQuery ToQuery() => new(RegisterId, Status, Direction, From, Until, Math.Max(0, Skip ?? 0), Take ?? 50);
    }

    private static FileContentHttpResult CsvFile(byte[] csv, string name) => TypedResults.File(csv, Csv.ContentType, name);

    /// <summary>Runs <paramref name="work"/> on a document the caller may see; any other is 404, as if it did not exist.</summary>
    private static async Task<Results<TResult, NotFound>> Visible<TResult>(Guid id, ClaimsPrincipal user, DocumentQueries documents, CancellationToken ct, Func<Document, Task<TResult>> work)
        where TResult : IResult =>
        await documents.FindAsync(id, user, ct) is { } document ? await work(document) : TypedResults.NotFound();
}
