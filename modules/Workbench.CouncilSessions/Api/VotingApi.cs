using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workbench.Abstractions;
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
        api.MapPut("/meetings/{id:guid}/attendance/{personId:guid}", SetAttendance).RequireAuthorization(manage);
        api.MapPost("/meetings/{id:guid}/attendance/{personId:guid}/leave", Leave).RequireAuthorization(manage);
        api.MapGet("/meetings/{id:guid}/quorum", Quorum).RequireAuthorization(PermissionNames.Policy(CouncilSessionsManifest.ViewCouncil));
        api.MapPost("/meetings/{id:guid}/votes", Open).RequireAuthorization().WithSummary("Opens a vote: the secretariat or the meeting's chair; refused without quorum");
        api.MapPost("/votes/{id:guid}/close", Close).RequireAuthorization().WithSummary("Closes a vote and computes the result: the secretariat or the chair");
        api.MapPost("/votes/{id:guid}/ballot", Cast).RequireAuthorization().WithSummary("The signed-in member's own vote: For, Against or Abstain, once");
        api.MapGet("/votes/{id:guid}", Get).WithSummary("The tally; once closed, each member's vote (public meetings to anyone)");
        api.MapGet("/votes/{id:guid}/stream", Stream).WithSummary("Server-sent events: the tally now and after every change");
        api.MapGet("/meetings/{id:guid}/votes/stream", MeetingVotesStream).WithSummary("Server-sent events: the meeting's current vote now, then every vote's tally as it opens, changes and closes");
        api.MapGet("/meetings/{id:guid}/quorum/stream", QuorumStream).WithSummary("Server-sent events: the quorum now and after every arrival or departure");
    }

    private static Task<IResult> SetAttendance(Guid id, Guid personId, AttendanceInput input, VotingService voting, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () => Results.Ok(await voting.SetAttendanceAsync(id, personId, input.Mode, ct)));

    private static Task<IResult> Leave(Guid id, Guid personId, VotingService voting, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () => Results.Ok(await voting.LeaveAsync(id, personId, ct)));

    private static Task<IResult> Quorum(Guid id, VotingService voting, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () =>
        {
            var (members, present, quorum) = await voting.QuorumAsync(id, ct);
            return Results.Ok(new { votingMembers = members, present, quorum });
        });

    private static Task<IResult> Open(Guid id, OpenVoteInput input, ClaimsPrincipal user, IPermissionService permissions, VotingService voting, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () =>
        {
            if (!await voting.MayConductAsync(id, user, permissions, ct)) return Results.Forbid();
            return Results.Created($"api/council/votes", await voting.OpenAsync(id, input.AgendaItemId, input.Motion, ct));
        });

    private static Task<IResult> Close(Guid id, ClaimsPrincipal user, IPermissionService permissions, VotingService voting, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () =>
        {
            var vote = await voting.FindAsync(id, ct) ?? throw new KeyNotFoundException("Nav tāda balsojuma (no such vote).");
            if (!await voting.MayConductAsync(vote.MeetingId, user, permissions, ct)) return Results.Forbid();
            return Results.Ok(await voting.CloseAsync(id, ct));
        });

    private static Task<IResult> Cast(Guid id, BallotInput input, ClaimsPrincipal user, VotingService voting, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () =>
        {
            var person = await voting.PersonByEmailAsync(user.FindFirstValue(ClaimTypes.Email), ct);
            if (person is null) return Results.Problem("Jūsu konts nav sasaistīts ar institūcijas locekli (your account is not a member of any body).", statusCode: StatusCodes.Status403Forbidden);
            var channel = input.Channel is "room" or "remote" ? input.Channel : "device";
            return Results.Ok(await voting.CastAsync(id, person.Id, input.Choice, channel, ct));
        });

    private static Task<IResult> Get(Guid id, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, VotingService voting, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () =>
        {
            var vote = await voting.FindAsync(id, ct);
            if (vote is null || !await VoteVisibleAsync(vote, user, permissions, council, ct)) return Results.NotFound();
            var votes = vote.State == VoteEventState.Closed ? await voting.VotesAsync(id, ct) : [];
            return Results.Ok(new { vote.Motion, vote.AgendaItemId, tally = await voting.TallyAsync(id, ct), votes = votes.Select(v => new { v.PersonId, v.Choice, v.CastUtc, v.Channel }) });
        });

    /// <summary>The tally at once, then after every vote and at the close; the stream ends when the vote is closed.</summary>
    private static async Task Stream(Guid id, HttpContext http, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, VotingService voting, LiveFeed<Tally> tallies)
    {
        var vote = await voting.FindAsync(id, http.RequestAborted);
        if (vote is null || !await VoteVisibleAsync(vote, user, permissions, council, http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await StreamAsync(http, "tally", tallies, id, async () => await voting.TallyAsync(id, http.RequestAborted), tally => tally?.State == VoteEventState.Closed);
    }

    /// <summary>The meeting's current vote (or null) at once, then every tally of any of its votes, until the watcher leaves.</summary>
    private static async Task MeetingVotesStream(Guid id, HttpContext http, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, VotingService voting, LiveFeed<Tally> tallies)
    {
        if (!await VisibleAsync(id, user, permissions, council, http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        // The public follows the votes on public items only; a vote on a closed item does not reach their screens.
        var internalEdition = CouncilApi.SeesInternal(user, permissions);
        async Task<bool> Shown(Tally tally) =>
            internalEdition || await voting.FindAsync(tally.VoteEventId, http.RequestAborted) is { } vote && await VoteVisibleAsync(vote, user, permissions, council, http.RequestAborted);
        await StreamAsync(http, "tally", tallies, id, async () =>
            await voting.CurrentVoteAsync(id, http.RequestAborted) is { } vote ? await voting.TallyAsync(vote.Id, http.RequestAborted) : null, _ => false, Shown);
    }

    /// <summary>The quorum at once, then after every arrival or departure, until the watcher leaves.</summary>
    private static async Task QuorumStream(Guid id, HttpContext http, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, VotingService voting, LiveFeed<QuorumStatus> quorums)
    {
        if (!await VisibleAsync(id, user, permissions, council, http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await StreamAsync(http, "quorum", quorums, id, async () => await voting.QuorumStatusAsync(id, http.RequestAborted), _ => false);
    }

    /// <summary>Server-sent events: the current value, then each newer one, until <paramref name="last"/> says it is final.</summary>
    /// <param name="shown">Which values this watcher may see (others are skipped); all when null.</param>
    private static async Task StreamAsync<T>(HttpContext http, string name, LiveFeed<T> feed, Guid subject, Func<Task<T?>> current, Func<T?, bool> last, Func<T, Task<bool>>? shown = null) where T : class
    {
        var ct = http.RequestAborted;
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        // Watch before reading the current value, so that nothing between the two is missed.
        var (reader, subscription) = feed.Watch(subject);
        using (subscription)
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-store";
            // A reverse proxy passes each event on at once (nginx reads this even where buffering is on).
            http.Response.Headers["X-Accel-Buffering"] = "no";
            var value = await current();
            if (value is not null && shown is not null && !await shown(value)) value = null;
            await WriteAsync(http, name, value, json, ct);
            try
            {
                while (!last(value) && await reader.WaitToReadAsync(ct))
                    while (reader.TryRead(out var next))
                    {
                        if (shown is not null && !await shown(next)) continue;
                        value = next;
                        await WriteAsync(http, name, value, json, ct);
                    }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { /* the screen went away */ }
        }
    }

    private static async Task WriteAsync<T>(HttpContext http, string name, T value, JsonSerializerOptions json, CancellationToken ct)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(value, json)}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }

    /// <summary>The meeting exists, and is published or the caller is staff.</summary>
    private static async Task<bool> VisibleAsync(Guid meetingId, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, CancellationToken ct) =>
        await council.MeetingAsync(meetingId, ct) is { } meeting && (meeting.IsPublished || CouncilApi.SeesInternal(user, permissions));

    /// <summary>A vote is public when its meeting is published and its agenda item is public; staff see every vote.</summary>
    private static async Task<bool> VoteVisibleAsync(VoteEvent vote, ClaimsPrincipal user, IPermissionService permissions, CouncilService council, CancellationToken ct) =>
        CouncilApi.SeesInternal(user, permissions)
        || await council.MeetingAsync(vote.MeetingId, ct) is { IsPublished: true } && await council.AgendaItemAsync(vote.AgendaItemId, ct) is { Item.IsPublic: true };
}
