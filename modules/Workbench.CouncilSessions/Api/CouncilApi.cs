using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions;
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
        api.MapGet("/bodies", (CouncilService council, CancellationToken ct) => council.BodiesAsync(ct));
        api.MapPost("/bodies", CreateBody).RequireAuthorization(manage);
        api.MapGet("/bodies/{id:guid}/members", (Guid id, CouncilService council, CancellationToken ct) => council.MembershipsAsync(id, ct));
        api.MapPost("/bodies/{id:guid}/members", AddMember).RequireAuthorization(manage);
        api.MapGet("/people", (CouncilService council, CancellationToken ct) => council.PeopleAsync(ct)).RequireAuthorization(PermissionNames.Policy(CouncilSessionsManifest.ViewCouncil));
        api.MapPost("/people", CreatePerson).RequireAuthorization(manage);
        api.MapGet("/meetings", ListMeetings);
        api.MapGet("/meetings/{id:guid}", GetMeeting);
        api.MapPost("/meetings", CreateMeeting).RequireAuthorization(manage);
        api.MapPost("/meetings/{id:guid}/{action}", Transition).RequireAuthorization(manage)
            .WithSummary("convene, open, close or sign-minutes; any other step from the current state is refused with 409");
        api.MapPost("/meetings/{id:guid}/agenda", AddAgendaItem).RequireAuthorization(manage);
        api.MapPut("/meetings/{id:guid}/agenda/order", Reorder).RequireAuthorization(manage)
            .WithSummary("Body: the ids of all items in their new order; they are renumbered 1..n");
        api.MapPost("/meetings/{id:guid}/guests", AddGuest).RequireAuthorization(manage)
            .WithSummary("Invites a person who is not a member (body {\"personId\"}): at once when convened, else at convening");
        api.MapGet("/meetings/{id:guid}/invitations", async (Guid id, CouncilService council, InvitationService invitations, CancellationToken ct) =>
                await council.MeetingAsync(id, ct) is null
                    ? Results.NotFound()
                    : Results.Ok((await invitations.ListAsync(id, ct)).Select(i => new { i.PersonId, i.Email, i.Sequence, i.SentUtc, i.AcknowledgedUtc })))
            .RequireAuthorization(PermissionNames.Policy(CouncilSessionsManifest.ViewCouncil)).WithSummary("Who was invited, which version they got, who acknowledged");
        api.MapPost("/agenda-items/{id:guid}/forward", Forward).RequireAuthorization(manage)
            .WithSummary("Forwards a committee item to the council's next open meeting (or body {\"meetingId\"})");
        api.MapGet("/agenda-items/{id:guid}/history", History).RequireAuthorization(PermissionNames.Policy(CouncilSessionsManifest.ViewCouncil))
            .WithSummary("The item and the committee items it came from, each with its meeting, body and votes");
        api.MapGet("/meetings/{id:guid}/minutes.html", Minutes(html: true)).WithSummary("Minutes of a closed meeting (public edition unless ViewCouncil)");
        api.MapGet("/meetings/{id:guid}/minutes.docx", Minutes(html: false)).WithSummary("The same minutes as a Word document");
        api.MapPost("/agenda-items/{id:guid}/attachments", Attach).RequireAuthorization(manage).DisableAntiforgery()
            .WithSummary("A file for the agenda item (multipart/form-data field \"file\", up to 20 MB) while its agenda can change");
        api.MapGet("/agenda-items/{id:guid}/attachments", Attachments).WithSummary("The item's files: public with a public item of a published meeting, else ViewCouncil");
        api.MapGet("/attachments/{id:guid}", Download);
        api.MapGet("/agenda-items/{id:guid}/decision.html", Decision).WithSummary("An adopted decision on its own (public item of a public meeting once the minutes are signed, or ViewCouncil)");
        VotingApi.Map(api, manage);
        return routes;
    }

    internal static bool SeesInternal(ClaimsPrincipal user, IPermissionService permissions) => permissions.HasPermission(user, CouncilSessionsManifest.ViewCouncil);

    private static Func<Guid, ClaimsPrincipal, IPermissionService, CouncilService, MinutesService, CancellationToken, Task<IResult>> Minutes(bool html) =>
        (id, user, permissions, council, minutes, ct) => Refusals.AsProblemAsync(async () =>
        {
            var internalEdition = SeesInternal(user, permissions);
            // The public edition only of a public meeting whose minutes are signed.
            if (!internalEdition && await council.MeetingAsync(id, ct) is not { IsPublic: true, State: MeetingState.MinutesSigned }) return Results.NotFound();
            var model = await minutes.BuildAsync(id, internalEdition, ct);
            return html
                ? Results.Content(MinutesService.Html(model), "text/html; charset=utf-8")
                : Results.File(MinutesService.Docx(model), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"protokols-{id}.docx");
        });

    private static async Task<IResult> Attach(Guid id, HttpRequest request, CouncilService council, CancellationToken ct)
    {
        var (file, problem) = await Uploads.ReadSingleFileAsync(request, AgendaAttachment.MaxBytes, ct);
        if (file is null) return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        return await Refusals.AsProblemAsync(async () =>
        {
            var attachment = await council.AttachAsync(id, file.FileName, file.ContentType, file.Content, ct);
            return Results.Created($"api/council/attachments/{attachment.Id}", AttachmentView(attachment));
        });
    }

    private static async Task<IResult> Attachments(Guid id, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, CancellationToken ct) =>
        await ItemVisibleAsync(id, user, permissions, council, ct)
            ? Results.Ok((await council.AttachmentsAsync([id], ct))[id].Select(AttachmentView))
            : Results.NotFound();

    private static async Task<IResult> Download(Guid id, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, CancellationToken ct) =>
        await council.AttachmentAsync(id, ct) is { } attachment && await ItemVisibleAsync(attachment.AgendaItemId, user, permissions, council, ct)
            ? Results.File(attachment.Content, Uploads.SafeContentType(attachment.FileName), attachment.FileName)
            : Results.NotFound();

    internal static object AttachmentView(AgendaAttachment a) => new { a.Id, a.AgendaItemId, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedUtc, url = $"api/council/attachments/{a.Id}" };

    /// <summary>An agenda item the caller may see: a public item of a published meeting, or any item for ViewCouncil.</summary>
    private static async Task<bool> ItemVisibleAsync(Guid itemId, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, CancellationToken ct) =>
        await council.AgendaItemAsync(itemId, ct) is var (item, meeting) && (SeesInternal(user, permissions) || item.IsPublic && meeting.IsPublished);

    private static async Task<IResult> Decision(Guid id, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, MinutesService minutes, CancellationToken ct)
    {
        var internalEdition = SeesInternal(user, permissions);
        if (await council.AgendaItemAsync(id, ct) is not var (item, meeting) || meeting.State < MeetingState.Closed) return Results.NotFound();
        // The public edition only of a public item of a public meeting whose minutes are signed.
        if (!internalEdition && (!item.IsPublic || meeting is not { IsPublic: true, State: MeetingState.MinutesSigned })) return Results.NotFound();
        var model = await minutes.BuildAsync(meeting.Id, internalEdition, ct);
        return model.Items.SingleOrDefault(i => i.Number == item.Number) is { } decided && decided.Votes.LastOrDefault()?.Passed == true
            ? Results.Content(MinutesService.DecisionHtml(model, decided), "text/html; charset=utf-8")
            : Results.NotFound();
    }

    public sealed record ForwardInput(Guid? MeetingId);
    public sealed record GuestInput(Guid PersonId);

    private static Task<IResult> AddGuest(Guid id, GuestInput input, CouncilService council, InvitationService invitations, ITenantTransaction transaction, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () =>
        {
            var meeting = await council.MeetingAsync(id, ct) ?? throw new KeyNotFoundException("Nav tādas sēdes (no such meeting).");
            await transaction.InTransactionAsync(async () => { await invitations.AddGuestAsync(meeting, input.PersonId, ct); return true; }, ct);
            return Results.NoContent();
        });

    private static Task<IResult> Forward(Guid id, ForwardInput? input, CouncilService council, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () => Results.Created($"api/council/agenda-items/{id}/history", await council.ForwardAsync(id, input?.MeetingId, ct)));

    private static Task<IResult> History(Guid id, CouncilService council, VotingService voting, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () =>
        {
            var history = await council.HistoryAsync(id, ct);
            if (history.Count == 0) return Results.NotFound();
            var steps = new List<object>();
            foreach (var (item, meeting, body) in history)
                steps.Add(new { item, meeting = new { meeting.Id, meeting.Number, meeting.Year, meeting.StartsAt, meeting.State }, body = new { body.Id, body.Name, body.Kind },
                    votes = await voting.ItemVotesAsync(item.Id, ct) });
            return Results.Ok(steps);
        });

    private static async Task<IResult> CreateBody(BodyInput input, CouncilService council, CancellationToken ct) =>
        CouncilService.Validate(input) is { Count: > 0 } errors ? Results.ValidationProblem(errors) : Results.Created("api/council/bodies", await council.CreateBodyAsync(input, ct));

    private static async Task<IResult> CreatePerson(PersonInput input, CouncilService council, CancellationToken ct) =>
        CouncilService.Validate(input) is { Count: > 0 } errors ? Results.ValidationProblem(errors) : Results.Created("api/council/people", await council.CreatePersonAsync(input, ct));

    private static Task<IResult> AddMember(Guid id, MembershipInput input, CouncilService council, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () => Results.Created($"api/council/bodies/{id}/members", await council.AddMemberAsync(id, input, ct)));

    private static async Task<IResult> ListMeetings(ClaimsPrincipal user, IPermissionService permissions, CouncilService council, CancellationToken ct) =>
        Results.Ok(await council.MeetingsAsync(SeesInternal(user, permissions), ct));

    private static async Task<IResult> GetMeeting(Guid id, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, CancellationToken ct)
    {
        var seesInternal = SeesInternal(user, permissions);
        // A meeting the caller may not see does not exist for them.
        if (await council.MeetingAsync(id, ct) is not { } meeting || !seesInternal && !meeting.IsPublished) return Results.NotFound();
        return Results.Ok(new { meeting, agenda = await council.AgendaAsync(id, seesInternal, ct) });
    }

    private static async Task<IResult> CreateMeeting(MeetingInput input, CouncilService council, CancellationToken ct)
    {
        input = await council.WithTemplateAsync(input, ct);
        return CouncilService.Validate(input) is { Count: > 0 } errors ? Results.ValidationProblem(errors)
            : await Refusals.AsProblemAsync(async () => Results.Created("api/council/meetings", await council.CreateMeetingAsync(input, ct)));
    }

    private static Task<IResult> Transition(Guid id, string action, CouncilService council, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () => Results.Ok(await council.TransitionAsync(id, action, ct)));

    private static Task<IResult> AddAgendaItem(Guid id, AgendaItemInput input, CouncilService council, CancellationToken ct) =>
        CouncilService.Validate(input) is { Count: > 0 } errors ? Task.FromResult(Results.ValidationProblem(errors))
            : Refusals.AsProblemAsync(async () => Results.Created($"api/council/meetings/{id}", await council.AddAgendaItemAsync(id, input, ct)));

    private static Task<IResult> Reorder(Guid id, List<Guid> order, CouncilService council, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () => Results.Ok(await council.ReorderAsync(id, order, ct)));
}
