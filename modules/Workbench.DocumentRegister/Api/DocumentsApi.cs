using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Workbench.Abstractions;
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
        registers.MapGet("/", (RegisterService service, CancellationToken ct) => service.RegistersAsync(ct));
        registers.MapPost("/", (RegisterInput input, RegisterService service, CancellationToken ct) => SaveRegister(input, null, service, ct)).RequireAuthorization(manage);
        registers.MapPut("/{id:guid}", (Guid id, RegisterInput input, RegisterService service, CancellationToken ct) => SaveRegister(input, id, service, ct)).RequireAuthorization(manage);
        registers.MapGet("/file-plan", (RegisterService service, CancellationToken ct) => service.FilePlanAsync(ct));
        registers.MapPost("/file-plan", SaveCaseFile).RequireAuthorization(manage);
        registers.MapGet("/reports/registered", Registered).WithSummary("Registered per register per month of ?year= (default this year); ?format=csv for a spreadsheet");
        registers.MapGet("/reports/overdue", Overdue).WithSummary("Overdue tasks per unit; ?format=csv for a spreadsheet");

        var documents = routes.MapGroup("/api/documents").WithTags("Documents");
        var register = Policy(DocumentRegisterManifest.RegisterDocuments);
        documents.MapGet("/", List).RequireAuthorization();
        documents.MapGet("/export.csv", Export).RequireAuthorization();
        documents.MapPost("/", Create).RequireAuthorization(register);
        documents.MapGet("/{id:guid}", Get).RequireAuthorization();
        documents.MapPut("/{id:guid}", Correct).RequireAuthorization(register).WithSummary("A correction: the body of create plus \"reason\"; the earlier state becomes a version");
        documents.MapGet("/{id:guid}/versions", Versions).RequireAuthorization();
        documents.MapGet("/{id:guid}/attachments", Attachments).RequireAuthorization();
        documents.MapPost("/{id:guid}/attachments", Attach).RequireAuthorization(register).DisableAntiforgery()
            .WithSummary("multipart/form-data with \"file\"; an .edoc/.asice is checked (ZIP, mimetype, signature, matching digests) before it is attached");
        documents.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download).RequireAuthorization();
        documents.MapGet("/{id:guid}/tasks", Tasks).RequireAuthorization();
        documents.MapPost("/{id:guid}/tasks", Assign).RequireAuthorization(Policy(DocumentRegisterManifest.AssignTasks));
        documents.MapPost("/tasks/{taskId:guid}/complete", Complete).RequireAuthorization().WithSummary("The executor's result; the document closes when its last task is done");
        documents.MapGet("/tasks/overdue", OverdueTasks).RequireAuthorization();
        documents.MapGet("/tasks/mine", MyTasks).RequireAuthorization();
        documents.MapGet("/{id:guid}/approval", Route).RequireAuthorization();
        documents.MapPost("/{id:guid}/approval", StartApproval).RequireAuthorization(register).WithSummary("{\"mode\": \"Sequential\"|\"Parallel\", \"approvers\": [e-mail, …]}");
        documents.MapPost("/{id:guid}/approval/decision", Decide).RequireAuthorization().WithSummary("The signed-in approver: {\"approve\": true|false, \"comment\"}");
        documents.MapPost("/{id:guid}/send", Send).RequireAuthorization(register).WithSummary("{\"channel\": \"Depp\"|\"Div\", \"recipient\"}: queued in the outbox");
        documents.MapPost("/inbox/{channel}", Receive).AllowAnonymous().DisableAntiforgery()
            .WithSummary("DEPP or DIV delivers an item (bearer Workbench:Integrations:{Depp|Div}:InboundToken); it is registered in the inbox register once per messageId");
        return routes;
    }

    public sealed record DecisionInput(bool Approve, string? Comment);
    public sealed record CompleteInput(string? Result);

    private static Task<IResult> SaveRegister(RegisterInput input, Guid? id, RegisterService service, CancellationToken ct) =>
        RegisterService.Validate(input) is { Count: > 0 } errors ? Task.FromResult(Results.ValidationProblem(errors))
            : Refusals.AsProblemAsync(async () => id is null ? Results.Created("api/document-registers", await service.SaveRegisterAsync(input, null, ct)) : Results.Ok(await service.SaveRegisterAsync(input, id, ct)));

    private static async Task<IResult> SaveCaseFile(CaseFileInput input, RegisterService service, CancellationToken ct) =>
        RegisterService.Validate(input) is { Count: > 0 } errors ? Results.ValidationProblem(errors) : Results.Created("api/document-registers/file-plan", await service.SaveCaseFileAsync(input, ct));

    private static async Task<IResult> Registered(int? year, string? format, ClaimsPrincipal user, Reports reports, TimeProvider clock, CancellationToken ct)
    {
        var rows = await reports.RegisteredAsync(user, year ?? clock.GetUtcNow().Year, ct);
        return format == "csv"
            ? CsvFile(Csv.Write(rows, ',', ("register", r => r.Register), ("month", r => r.Month), ("documents", r => r.Documents)), "registered.csv")
            : Results.Ok(rows);
    }

    private static async Task<IResult> Overdue(string? format, ClaimsPrincipal user, Reports reports, CancellationToken ct)
    {
        var rows = await reports.OverdueAsync(user, ct);
        return format == "csv"
            ? CsvFile(Csv.Write(rows, ',', ("unit", r => r.Unit), ("overdueTasks", r => r.Tasks), ("oldestDaysLate", r => r.OldestDaysLate)), "overdue.csv")
            : Results.Ok(rows);
    }

    private static async Task<IResult> List([AsParameters] ListParameters query, ClaimsPrincipal user, DocumentService documents, CancellationToken ct)
    {
        var (total, page) = await documents.ListAsync(user, query.ToQuery(), ct);
        return Results.Ok(new { total, items = page.Select(Summary) });
    }

    private static async Task<IResult> Export([AsParameters] ListParameters query, ClaimsPrincipal user, DocumentService documents, CancellationToken ct)
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

    private static async Task<IResult> Create(DocumentInput input, ClaimsPrincipal user, DocumentService documents, CancellationToken ct)
    {
        if (await documents.ValidateAsync(input, user, ct) is { Count: > 0 } errors) return Results.ValidationProblem(errors);
        return await Refusals.AsProblemAsync(async () =>
        {
            var document = await documents.RegisterAsync(input, null, ct);
            return Results.Created($"api/documents/{document.Id}", await documents.ViewAsync(document, ct));
        });
    }

    private static Task<IResult> Get(Guid id, ClaimsPrincipal user, DocumentService documents, CancellationToken ct) =>
        Visible(id, user, documents, ct, async document => Results.Ok(await documents.ViewAsync(document, ct)));

    private static Task<IResult> Correct(Guid id, JsonObject body, ClaimsPrincipal user, DocumentService documents, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ =>
        {
            DocumentInput input;
            try { input = body.Deserialize<DocumentInput>(RecipeStepContext.JsonOptions) ?? throw new JsonException("empty body"); }
            catch (JsonException ex) { return Results.Problem($"Nederīgs dokuments (invalid document): {ex.Message}", statusCode: StatusCodes.Status400BadRequest); }
            if (await documents.ValidateAsync(input, user, ct) is { Count: > 0 } errors) return Results.ValidationProblem(errors);
            return await Refusals.AsProblemAsync(async () => Results.Ok(await documents.ViewAsync(await documents.CorrectAsync(id, input, (string?)body["reason"], ct), ct)));
        });

    private static Task<IResult> Versions(Guid id, ClaimsPrincipal user, DocumentService documents, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => Results.Ok((await documents.VersionsAsync(id, ct)).Select(v => new
        {
            v.Version, v.ChangedBy, v.ChangedUtc, v.Reason, document = JsonNode.Parse(v.Snapshot),
        })));

    private static Task<IResult> Attachments(Guid id, ClaimsPrincipal user, DocumentService documents, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => Results.Ok(await documents.AttachmentsAsync(id, ct)));

    private static Task<IResult> Attach(Guid id, HttpRequest request, ClaimsPrincipal user, DocumentService documents, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ =>
        {
            var (file, problem) = await Uploads.ReadSingleFileAsync(request, Attachment.MaxBytes, ct);
            if (file is null) return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
            return await Refusals.AsProblemAsync(async () => Results.Created($"api/documents/{id}/attachments", await documents.AttachAsync(id, file.FileName, file.ContentType, file.Content, ct)));
        });

    private static Task<IResult> Download(Guid id, Guid attachmentId, ClaimsPrincipal user, DocumentService documents, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => await documents.AttachmentAsync(id, attachmentId, ct) is { } found
            ? Results.File(found.Content, Uploads.SafeContentType(found.Attachment.FileName), found.Attachment.FileName)
            : Results.NotFound());

    private static Task<IResult> Tasks(Guid id, ClaimsPrincipal user, DocumentService documents, ExecutionControl execution, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => Results.Ok(await execution.TasksAsync(id, ct)));

    private static Task<IResult> Assign(Guid id, TaskInput input, ClaimsPrincipal user, DocumentService documents, ExecutionControl execution, CancellationToken ct) =>
        Visible(id, user, documents, ct, _ => Refusals.AsProblemAsync(async () => Results.Created($"api/documents/{id}/tasks", await execution.AssignAsync(id, input, ct))));

    private static Task<IResult> Complete(Guid taskId, CompleteInput input, ClaimsPrincipal user, IPermissionService permissions, ExecutionControl execution, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () => Results.Ok(await execution.CompleteAsync(taskId, input.Result, user, permissions, ct)));

    private static async Task<IResult> OverdueTasks(ClaimsPrincipal user, ExecutionControl execution, CancellationToken ct) =>
        Results.Ok((await execution.OverdueAsync(user, ct)).Select(r => new { task = r.Task, document = Summary(r.Document) }));

    private static async Task<IResult> MyTasks(ClaimsPrincipal user, ExecutionControl execution, CancellationToken ct) =>
        Results.Ok((await execution.OpenForAsync(user, ct)).Select(r => new { task = r.Task, document = Summary(r.Document) }));

    private static Task<IResult> Route(Guid id, ClaimsPrincipal user, DocumentService documents, Approvals approvals, CancellationToken ct) =>
        Visible(id, user, documents, ct, async _ => Results.Ok(await approvals.RouteAsync(id, ct)));

    private static Task<IResult> StartApproval(Guid id, ApprovalInput input, ClaimsPrincipal user, DocumentService documents, Approvals approvals, CancellationToken ct) =>
        Visible(id, user, documents, ct, _ => Refusals.AsProblemAsync(async () => Results.Created($"api/documents/{id}/approval", await approvals.StartAsync(id, input, ct))));

    private static Task<IResult> Decide(Guid id, DecisionInput input, ClaimsPrincipal user, DocumentService documents, Approvals approvals, CancellationToken ct) =>
        Visible(id, user, documents, ct, _ => Refusals.AsProblemAsync(async () => Results.Ok(await approvals.DecideAsync(id, user, input.Approve, input.Comment, ct))));

    private static Task<IResult> Send(Guid id, SendInput input, ClaimsPrincipal user, DocumentService documents, ElectronicDelivery delivery, CancellationToken ct) =>
        Visible(id, user, documents, ct, _ => Refusals.AsProblemAsync(async () =>
        {
            await delivery.SendAsync(id, input, ct);
            return Results.Accepted($"api/documents/{id}");
        }));

    private static async Task<IResult> Receive(string channel, IncomingItem item, HttpRequest request, IConfiguration configuration, ElectronicDelivery delivery, CancellationToken ct)
    {
        if (!Enum.TryParse<DeliveryChannel>(channel, ignoreCase: true, out var parsed)) return Results.NotFound();
        var expected = configuration[$"Workbench:Integrations:{parsed}:InboundToken"];
        var given = request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return Results.Problem("Nederīga piegādātāja atslēga (invalid inbound token).", statusCode: StatusCodes.Status401Unauthorized);
        return await Refusals.AsProblemAsync(async () =>
        {
            var (document, created) = await delivery.ReceiveAsync(parsed, item, ct);
            var body = new { document.Id, document.RegistrationNumber };
            return created ? Results.Created($"api/documents/{document.Id}", body) : Results.Ok(body);
        });
    }

    public sealed record ListParameters(Guid? RegisterId, DocumentStatus? Status, Direction? Direction, DateOnly? From, DateOnly? Until, int? Skip, int? Take)
    {
        public DocumentService.ListQuery ToQuery() => new(RegisterId, Status, Direction, From, Until, Math.Max(0, Skip ?? 0), Take ?? 50);
    }

    private static object Summary(Document d) => new
    {
        d.Id, d.RegistrationNumber, d.RegisteredUtc, d.Direction, d.Kind, d.Title, d.Correspondent, d.Executor, d.DueDate, d.Status, d.Restricted,
    };

    private static IResult CsvFile(byte[] csv, string name) => Results.File(csv, Csv.ContentType, name);

    /// <summary>Runs <paramref name="work"/> on a document the caller may see; any other is 404, as if it did not exist.</summary>
    private static async Task<IResult> Visible(Guid id, ClaimsPrincipal user, DocumentService documents, CancellationToken ct, Func<Document, Task<IResult>> work) =>
        await documents.FindAsync(id, user, ct) is { } document ? await work(document) : Results.NotFound();
}
