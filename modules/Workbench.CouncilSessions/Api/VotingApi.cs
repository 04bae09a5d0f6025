using Workbench.Abstractions.Data;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Security;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Api;

/// <summary>
/// Attendance and electronic voting: the secretariat (or the meeting's chair) records attendance and opens and
/// closes votes; each member votes from their own signed-in device; every screen follows the tally live
/// (<c>text/event-stream</c>).
/// </summary>
internal static class VotingApi
{
    public sealed record AttendanceInput(AttendanceMode Mode);
    public sealed record OpenVoteInput(Guid AgendaItemId, string? Motion);
    public sealed record BallotInput(VoteChoice Choice, string? Channel);

    public static void Map(RouteGroupBuilder api, string manage)
    {
        api.MapPut("/meetings/{id:guid}/attendance/{personId:guid}", SetAttendance).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/meetings/{id:guid}/attendance/{personId:guid}/leave", Leave).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/meetings/{id:guid}/quorum", Quorum).RequireAuthorization(PermissionNames.Policy(CouncilSessionsManifest.ViewCouncil));
        api.MapPost("/meetings/{id:guid}/votes", Open).RequireAuthorization().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Opens a vote: the secretariat or the meeting's chair; refused without quorum");
        api.MapPost("/votes/{id:guid}/close", Close).RequireAuthorization().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Closes a vote and computes the result: the secretariat or the chair");
        api.MapPost("/votes/{id:guid}/ballot", Cast).RequireAuthorization().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The signed-in member's own vote: For, Against or Abstain, once");
        api.MapGet("/votes/{id:guid}", Get).WithSummary("The tally; once closed, each member's vote (public meetings to anyone)");
        api.MapGet("/votes/{id:guid}/stream", Stream).WithSummary("Server-sent events: the tally now and after every change");
        api.MapGet("/meetings/{id:guid}/votes/stream", MeetingVotesStream).WithSummary("Server-sent events: the meeting's current vote now, then every vote's tally as it opens, changes and closes");
        api.MapGet("/meetings/{id:guid}/quorum/stream", QuorumStream).WithSummary("Server-sent events: the quorum now and after every arrival or departure");
    }

    /// <summary>How many members may vote, how many are present, and whether that is a quorum.</summary>
    public sealed record QuorumView(int VotingMembers, int Present, bool Quorum);
    public sealed record CastVote(Guid PersonId, VoteChoice Choice, DateTime CastUtc, string Channel);
    /// <summary>A vote's tally; once closed, each member's vote.</summary>
    public sealed record VoteDetails(string? Motion, Guid AgendaItemId, Tally Tally, IEnumerable<CastVote> Votes);

    private static async Task<Ok<Attendance>> SetAttendance(Guid id, Guid personId, AttendanceInput input, VotingService voting, CancellationToken ct) =>
        TypedResults.Ok(await voting.SetAttendanceAsync(id, personId, input.Mode, ct));

    private static async Task<Ok<Attendance>> Leave(Guid id, Guid personId, VotingService voting, CancellationToken ct) =>
        TypedResults.Ok(await voting.LeaveAsync(id, personId, ct));

    private static async Task<Ok<QuorumView>> Quorum(Guid id, VotingService voting, CancellationToken ct)
    {
        var (members, present, quorum) = await voting.QuorumAsync(id, ct);
        return TypedResults.Ok(new QuorumView(members, present, quorum));
    }

    private static async Task<Results<Created<VoteEvent>, ForbidHttpResult>> Open(Guid id, OpenVoteInput input, ClaimsPrincipal user, IPermissionService permissions, VotingService voting, CancellationToken ct)
    {
        if (!await voting.MayConductAsync(id, user, permissions, ct)) return TypedResults.Forbid();
        return TypedResults.Created("api/council/votes", await voting.OpenAsync(id, input.AgendaItemId, input.Motion, ct));
    }

    private static async Task<Results<Ok<Tally>, ForbidHttpResult>> Close(Guid id, ClaimsPrincipal user, IPermissionService permissions, VotingService voting, CancellationToken ct)
    {
        var vote = await voting.FindAsync(id, ct) ?? throw new KeyNotFoundException("Nav tāda balsojuma.");
        if (!await voting.MayConductAsync(vote.MeetingId, user, permissions, ct)) return TypedResults.Forbid();
        return TypedResults.Ok(await voting.CloseAsync(id, ct));
    }

    private static async Task<Ok<Tally>> Cast(Guid id, BallotInput input, ClaimsPrincipal user, VotingService voting, CancellationToken ct)
    {
        var person = await voting.PersonByEmailAsync(user.FindFirstValue(ClaimTypes.Email), ct)
            ?? throw new UnauthorizedAccessException("Jūsu konts nav sasaistīts ar institūcijas locekli.");
        var channel = input.Channel is "room" or "remote" ? input.Channel : "device";
        return TypedResults.Ok(await voting.CastAsync(id, person.Id, input.Choice, channel, ct));
    }

    private static async Task<Results<Ok<VoteDetails>, NotFound>> Get(Guid id, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, AgendaService agenda, VotingService voting, CancellationToken ct)
    {
        var vote = await voting.FindAsync(id, ct);
        if (vote is null || !await VoteVisibleAsync(vote, user, permissions, meetings, agenda, ct)) return TypedResults.NotFound();
        var votes = vote.State == VoteEventState.Closed ? await voting.VotesAsync(id, ct) : [];
        return TypedResults.Ok(new VoteDetails(vote.Motion, vote.AgendaItemId, await voting.TallyAsync(id, ct), votes.Select(v => new CastVote(v.PersonId, v.Choice, v.CastUtc, v.Channel))));
    }

    /// <summary>The tally at once, then after every vote and at the close; the stream ends when the vote is closed.</summary>
    private static async Task<Results<ServerSentEventsResult<Tally?>, NotFound>> Stream(Guid id, HttpContext http, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, AgendaService agenda, VotingService voting, IChangeSignals signals, CancellationToken ct)
    {
        var vote = await voting.FindAsync(id, ct);
        if (vote is null || !await VoteVisibleAsync(vote, user, permissions, meetings, agenda, ct)) return TypedResults.NotFound();
        return Events(http, "tally", signals.Watch(LiveTopics.Tally, id), async () => await voting.TallyAsync(id, ct), tally => tally?.State == VoteEventState.Closed, null, ct);
    }

    /// <summary>The meeting's current vote (or null) at once, then every tally of any of its votes, until the watcher leaves.</summary>
    private static async Task<Results<ServerSentEventsResult<Tally?>, NotFound>> MeetingVotesStream(Guid id, HttpContext http, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, AgendaService agenda, VotingService voting, IChangeSignals signals, CancellationToken ct)
    {
        if (!await VisibleAsync(id, user, permissions, meetings, ct)) return TypedResults.NotFound();
        // The public follows the votes on public items only; a vote on a closed item does not reach their screens.
        var internalEdition = CouncilApi.SeesInternal(user, permissions);
        async Task<bool> Shown(Tally tally) =>
            internalEdition || await voting.FindAsync(tally.VoteEventId, ct) is { } vote && await VoteVisibleAsync(vote, user, permissions, meetings, agenda, ct);
        return Events(http, "tally", signals.Watch(LiveTopics.MeetingVotes, id), async () =>
            await voting.CurrentVoteAsync(id, ct) is { } vote ? await voting.TallyAsync(vote.Id, ct) : null, _ => false, Shown, ct);
    }

    /// <summary>The quorum at once, then after every arrival or departure, until the watcher leaves.</summary>
    private static async Task<Results<ServerSentEventsResult<QuorumStatus?>, NotFound>> QuorumStream(Guid id, HttpContext http, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, VotingService voting, IChangeSignals signals, CancellationToken ct)
    {
        if (!await VisibleAsync(id, user, permissions, meetings, ct)) return TypedResults.NotFound();
        return Events(http, "quorum", signals.Watch(LiveTopics.Quorum, id), async () => await voting.QuorumStatusAsync(id, ct), _ => false, null, ct);
    }

    /// <summary>Server-sent events named <paramref name="name"/>: the current value, then the new current value after each change, until <paramref name="last"/> says it is final.</summary>
    /// <param name="watch">The subject's change signals, watched before the first read so that nothing between the two is missed; ended with the stream.</param>
    /// <param name="shown">Which values this watcher may see (others are skipped); all when null.</param>
    private static ServerSentEventsResult<T?> Events<T>(HttpContext http, string name, ChangeWatch watch, Func<Task<T?>> current, Func<T?, bool> last, Func<T, Task<bool>>? shown, CancellationToken ct) where T : class
    {
        // A reverse proxy passes each event on at once (nginx reads this even where buffering is on).
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Values(watch, current, last, shown, ct), name);
    }

    private static async IAsyncEnumerable<T?> Values<T>(ChangeWatch watch, Func<Task<T?>> current, Func<T?, bool> last, Func<T, Task<bool>>? shown, [EnumeratorCancellation] CancellationToken ct) where T : class
    {
        using (watch)
        {
            var value = await current();
            if (value is not null && shown is not null && !await shown(value)) value = null;
            yield return value;
            // Each wake-up (from this node or another) reads the state as it is now; an unchanged or hidden one is not sent.
            while (!last(value) && await WaitAsync(watch.Changes, ct))
            {
                while (watch.Changes.TryRead(out _)) { }
                var next = await current();
                if (next is null || Equals(next, value) || shown is not null && !await shown(next)) continue;
                value = next;
                yield return value;
            }
        }
    }

    /// <summary>Whether another value can come: false when the feed ends or the screen went away.</summary>
    private static async Task<bool> WaitAsync<T>(ChannelReader<T> reader, CancellationToken ct)
    {
        try { return await reader.WaitToReadAsync(ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return false; }
    }

    /// <summary>The meeting exists, and is published or the caller is staff.</summary>
    private static async Task<bool> VisibleAsync(Guid meetingId, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, CancellationToken ct) =>
        await meetings.MeetingAsync(meetingId, ct) is { } meeting && (meeting.IsPublished || CouncilApi.SeesInternal(user, permissions));

    /// <summary>A vote is public when its meeting is published and its agenda item is public; staff see every vote.</summary>
    private static async Task<bool> VoteVisibleAsync(VoteEvent vote, ClaimsPrincipal user, IPermissionService permissions, MeetingService meetings, AgendaService agenda, CancellationToken ct) =>
        CouncilApi.SeesInternal(user, permissions)
        || await meetings.MeetingAsync(vote.MeetingId, ct) is { IsPublished: true } && await agenda.AgendaItemAsync(vote.AgendaItemId, ct) is { Item.IsPublic: true };
}
