using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Security;
using Workbench.CouncilSessions.Domain;
using Workbench.Abstractions.Http;

namespace Workbench.CouncilSessions.Api;

/// <summary>
/// REST API of the council secretariat: <c>/{tenant}/api/council</c>. Reading bodies and public, convened meetings
/// is open to anyone; closed meetings and non-public agenda items need ViewCouncil; changes need ManageCouncil.
/// </summary>
public static class CouncilApi
{
    public static IEndpointRouteBuilder MapCouncilApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/council").WithTags("Council").AuditRefusals();
        var manage = PermissionNames.Policy(CouncilSessionsManifest.ManageCouncil);
        api.MapGet("/bodies", (BodyService bodies, CancellationToken ct) => bodies.BodiesAsync(ct));
        api.MapPost("/bodies", CreateBody).RequireAuthorization(manage);
        api.MapGet("/bodies/{id:guid}/members", (Guid id, BodyService bodies, CancellationToken ct) => bodies.MembershipsAsync(id, ct));
        api.MapPost("/bodies/{id:guid}/members", AddMember).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/people", (BodyService bodies, CancellationToken ct) => bodies.PeopleAsync(ct)).RequireAuthorization(PermissionNames.Policy(CouncilSessionsManifest.ViewCouncil));
        api.MapPost("/people", CreatePerson).RequireAuthorization(manage);
        api.MapGet("/meetings", ListMeetings);
        api.MapGet("/meetings/{id:guid}", GetMeeting);
        api.MapPost("/meetings", CreateMeeting).RequireAuthorization(manage);
        api.MapPost("/meetings/{id:guid}/{action}", Transition).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("convene, open, close or sign-minutes; any other step from the current state is refused with 409");
        api.MapPost("/meetings/{id:guid}/agenda", AddAgendaItem).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/meetings/{id:guid}/agenda/order", Reorder).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Body: the ids of all items in their new order; they are renumbered 1..n");
        api.MapPost("/meetings/{id:guid}/guests", AddGuest).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Invites a person who is not a member (body {\"personId\"}): at once when convened, else at convening");
        api.MapGet("/meetings/{id:guid}/invitations", Invitations)
            .RequireAuthorization(PermissionNames.Policy(CouncilSessionsManifest.ViewCouncil)).WithSummary("Who was invited, which version they got, who acknowledged");
        api.MapPost("/agenda-items/{id:guid}/forward", Forward).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Forwards a committee item to the council's next open meeting (or body {\"meetingId\"})");
        api.MapGet("/agenda-items/{id:guid}/history", History).RequireAuthorization(PermissionNames.Policy(CouncilSessionsManifest.ViewCouncil))
            .WithSummary("The item and the committee items it came from, each with its meeting, body and votes");
        api.MapGet("/meetings/{id:guid}/minutes.html", MinutesHtml).Produces<string>(StatusCodes.Status200OK, "text/html").WithSummary("Minutes of a closed meeting (public edition unless ViewCouncil)");
        api.MapGet("/meetings/{id:guid}/minutes.docx", MinutesDocx).Produces<Stream>(StatusCodes.Status200OK, "application/vnd.openxmlformats-officedocument.wordprocessingml.document").WithSummary("The same minutes as a Word document");
        api.MapPost("/agenda-items/{id:guid}/attachments", Attach).RequireAuthorization(manage).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A file for the agenda item (multipart/form-data field \"file\", up to 20 MB) while its agenda can change");
        api.MapGet("/agenda-items/{id:guid}/attachments", Attachments).WithSummary("The item's files: public with a public item of a published meeting, else ViewCouncil");
        api.MapGet("/attachments/{id:guid}", Download).Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream");
        api.MapGet("/agenda-items/{id:guid}/decision.html", Decision).Produces<string>(StatusCodes.Status200OK, "text/html").WithSummary("An adopted decision on its own (public item of a public meeting once the minutes are signed, or ViewCouncil)");
        VotingApi.Map(api, manage);
        return routes;
    }

    internal static bool SeesInternal(ClaimsPrincipal user, IPermissionService permissions) => permissions.HasPermission(user, CouncilSessionsManifest.ViewCouncil);

    public sealed record InvitationView(Guid PersonId, string Email, int Sequence, DateTime SentUtc, DateTime? AcknowledgedUtc);
    public sealed record AttachmentView(Guid Id, Guid AgendaItemId, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedUtc, string Url)
    {
        public static AttachmentView Of(AgendaAttachment a) => new(a.Id, a.AgendaItemId, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedUtc, $"api/council/attachments/{a.Id}");
    }
    public sealed record MeetingDetails(Meeting Meeting, List<AgendaItem> Agenda);
    public sealed record MeetingSummary(Guid Id, int Number, int Year, DateTime StartsAt, MeetingState State);
    public sealed record BodySummary(Guid Id, string Name, BodyKind Kind);
    /// <summary>One step of an item's way through the bodies: the item there, its meeting and body, and its votes.</summary>
    public sealed record HistoryStep(AgendaItem Item, MeetingSummary Meeting, BodySummary Body, List<VoteEvent> Votes);

    private static async Task<Results<Ok<IEnumerable<InvitationView>>, NotFound>> Invitations(Guid id, MeetingService meetings, InvitationService invitations, CancellationToken ct) =>
        await meetings.MeetingAsync(id, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await invitations.ListAsync(id, ct)).Select(i => new InvitationView(i.PersonId, i.Email, i.Sequence, i.SentUtc, i.AcknowledgedUtc)));

    private static async Task<Results<ContentHttpResult, NotFound>> MinutesHtml(Guid id, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, MinutesService minutes, CancellationToken ct) =>
        await MinutesAsync(id, user, permissions, meetings, minutes, ct) is { } model
            ? TypedResults.Content(MinutesService.Html(model), "text/html; charset=utf-8")
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> MinutesDocx(Guid id, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, MinutesService minutes, CancellationToken ct) =>
        await MinutesAsync(id, user, permissions, meetings, minutes, ct) is { } model
            ? TypedResults.File(MinutesService.Docx(model), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"protokols-{id}.docx")
            : TypedResults.NotFound();

    /// <summary>The minutes the caller may read: the internal edition for ViewCouncil, else the public edition of a public meeting whose minutes are signed.</summary>
    private static async Task<MinutesModel?> MinutesAsync(Guid id, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, MinutesService minutes, CancellationToken ct)
    {
        var internalEdition = SeesInternal(user, permissions);
        if (!internalEdition && await meetings.MeetingAsync(id, ct) is not { IsPublic: true, State: MeetingState.MinutesSigned }) return null;
        return await minutes.BuildAsync(id, internalEdition, ct);
    }

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> Attach(Guid id, HttpRequest request, AgendaService agenda, CancellationToken ct)
    {
        var (file, problem) = await Uploads.ReadSingleFileAsync(request, AgendaAttachment.MaxBytes, ct);
        if (file is null) return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        var attachment = await agenda.AttachAsync(id, file.FileName, file.ContentType, file.Content, ct);
        return TypedResults.Created($"api/council/attachments/{attachment.Id}", AttachmentView.Of(attachment));
    }

    private static async Task<Results<Ok<IEnumerable<AttachmentView>>, NotFound>> Attachments(Guid id, ClaimsPrincipal user, IPermissionService permissions, AgendaService agenda, CancellationToken ct) =>
        await ItemVisibleAsync(id, user, permissions, agenda, ct)
            ? TypedResults.Ok((await agenda.AttachmentsAsync([id], ct))[id].Select(AttachmentView.Of))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, ClaimsPrincipal user, IPermissionService permissions, AgendaService agenda, CancellationToken ct) =>
        await agenda.AttachmentAsync(id, ct) is { } attachment && await ItemVisibleAsync(attachment.AgendaItemId, user, permissions, agenda, ct)
            ? TypedResults.File(await agenda.ContentAsync(attachment, ct), Uploads.SafeContentType(attachment.FileName), attachment.FileName)
            : TypedResults.NotFound();

    /// <summary>An agenda item the caller may see: a public item of a published meeting, or any item for ViewCouncil.</summary>
    private static async Task<bool> ItemVisibleAsync(Guid itemId, ClaimsPrincipal user, IPermissionService permissions, AgendaService agenda, CancellationToken ct) =>
        await agenda.AgendaItemAsync(itemId, ct) is var (item, meeting) && (SeesInternal(user, permissions) || item.IsPublic && meeting.IsPublished);

    private static async Task<Results<ContentHttpResult, NotFound>> Decision(Guid id, ClaimsPrincipal user, IPermissionService permissions, AgendaService agenda, MinutesService minutes, CancellationToken ct)
    {
        var internalEdition = SeesInternal(user, permissions);
        if (await agenda.AgendaItemAsync(id, ct) is not var (item, meeting) || meeting.State < MeetingState.Closed) return TypedResults.NotFound();
        // The public edition only of a public item of a public meeting whose minutes are signed.
        if (!internalEdition && (!item.IsPublic || meeting is not { IsPublic: true, State: MeetingState.MinutesSigned })) return TypedResults.NotFound();
        var model = await minutes.BuildAsync(meeting.Id, internalEdition, ct);
        return model.Items.SingleOrDefault(i => i.Number == item.Number) is { } decided && decided.Votes.LastOrDefault()?.Passed == true
            ? TypedResults.Content(MinutesService.DecisionHtml(model, decided), "text/html; charset=utf-8")
            : TypedResults.NotFound();
    }

    public sealed record ForwardInput(Guid? MeetingId);
    public sealed record GuestInput(Guid PersonId);

    private static async Task<NoContent> AddGuest(Guid id, GuestInput input, MeetingService meetings, InvitationService invitations, ITenantTransaction transaction, CancellationToken ct)
    {
        var meeting = await meetings.MeetingAsync(id, ct) ?? throw new KeyNotFoundException("Nav tādas sēdes.");
        await transaction.InTransactionAsync(async () => { await invitations.AddGuestAsync(meeting, input.PersonId, ct); return true; }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<AgendaItem>> Forward(Guid id, ForwardInput? input, AgendaService agenda, CancellationToken ct) =>
        TypedResults.Created($"api/council/agenda-items/{id}/history", await agenda.ForwardAsync(id, input?.MeetingId, ct));

    private static async Task<Results<Ok<List<HistoryStep>>, NotFound>> History(Guid id, AgendaService agenda, VotingService voting, CancellationToken ct)
    {
        var history = await agenda.HistoryAsync(id, ct);
        if (history.Count == 0) return TypedResults.NotFound();
        var steps = new List<HistoryStep>();
        foreach (var (item, meeting, body) in history)
            steps.Add(new HistoryStep(item, new MeetingSummary(meeting.Id, meeting.Number, meeting.Year, meeting.StartsAt, meeting.State), new BodySummary(body.Id, body.Name, body.Kind),
                await voting.ItemVotesAsync(item.Id, ct)));
        return TypedResults.Ok(steps);
    }

    private static async Task<Results<Created<Body>, ValidationProblem>> CreateBody(BodyInput input, BodyService bodies, CancellationToken ct) =>
        BodyService.Validate(input) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Created("api/council/bodies", await bodies.CreateBodyAsync(input, ct));

    private static async Task<Results<Created<Person>, ValidationProblem>> CreatePerson(PersonInput input, BodyService bodies, CancellationToken ct) =>
        BodyService.Validate(input) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Created("api/council/people", await bodies.CreatePersonAsync(input, ct));

    private static async Task<Created<Membership>> AddMember(Guid id, MembershipInput input, BodyService bodies, CancellationToken ct) =>
        TypedResults.Created($"api/council/bodies/{id}/members", await bodies.AddMemberAsync(id, input, ct));

    private static async Task<Ok<List<Meeting>>> ListMeetings(ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.MeetingsAsync(SeesInternal(user, permissions), ct));

    private static async Task<Results<Ok<MeetingDetails>, NotFound>> GetMeeting(Guid id, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, AgendaService agenda, CancellationToken ct)
    {
        var seesInternal = SeesInternal(user, permissions);
        // A meeting the caller may not see does not exist for them.
        if (await meetings.MeetingAsync(id, ct) is not { } meeting || !seesInternal && !meeting.IsPublished) return TypedResults.NotFound();
        return TypedResults.Ok(new MeetingDetails(meeting, await agenda.AgendaAsync(id, seesInternal, ct)));
    }

    private static async Task<Results<Created<Meeting>, ValidationProblem>> CreateMeeting(MeetingInput input, MeetingService meetings, CancellationToken ct)
    {
        input = await meetings.WithTemplateAsync(input, ct);
        return MeetingService.Validate(input) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created("api/council/meetings", await meetings.CreateMeetingAsync(input, ct));
    }

    private static async Task<Ok<Meeting>> Transition(Guid id, string action, MeetingService meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.TransitionAsync(id, action, ct));

    private static async Task<Results<Created<AgendaItem>, ValidationProblem>> AddAgendaItem(Guid id, AgendaItemInput input, AgendaService agenda, CancellationToken ct) =>
        AgendaService.Validate(input) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"api/council/meetings/{id}", await agenda.AddAgendaItemAsync(id, input, ct));

    private static async Task<Ok<List<AgendaItem>>> Reorder(Guid id, List<Guid> order, AgendaService agenda, CancellationToken ct) =>
        TypedResults.Ok(await agenda.ReorderAsync(id, order, ct));
}
