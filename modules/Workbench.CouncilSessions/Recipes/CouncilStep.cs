using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Recipes;

/// <summary>
/// <c>{"name": "council", "people": [{"key": "p1", "name": "…", "email": "…", "affiliation": "…"}],
/// "bodies": [{"name": "…", "kind": "Council", "rule": "MajorityOfPresent", "members": [{"person": "p1", "role": "Chair",
/// "votingRight": true, "start": "2025-07-01"}]}], "meetings": [{"body": "…", "startsAt": "…", "place": "…", "agenda": [{"title": "…",
/// "draftDecision": "…", "vote": {"motion": "…", "for": ["p1"], "against": [], "abstain": []}}]}]}</c>: people are named
/// by a key local to the step, bodies by name. A meeting in the past is held as recorded: every member present,
/// each vote cast, the minutes signed.
/// </summary>
public sealed class CouncilStep : IRecipeStepHandler
{
    public string StepName => "council";
    public string? RequiredFeature => CouncilSessionsManifest.Feature;

    public Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        if (context.Read<Model>() is not { } model) return Task.CompletedTask;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (person, i) in (model.People ?? []).Select((p, i) => (p, i)))
        {
            if (string.IsNullOrWhiteSpace(person.Key) || !keys.Add(person.Key)) context.Error($"$.people[{i}].key", "Atslēga ir obligāta un unikāla.");
            foreach (var (field, messages) in BodyService.Validate(new PersonInput(person.Name, person.Email, person.Affiliation)))
                context.Error($"$.people[{i}].{field}", messages[0]);
        }
        foreach (var (meeting, m) in (model.Meetings ?? []).Select((x, i) => (x, i)))
        {
            var body = (model.Bodies ?? []).FirstOrDefault(b => b.Name == meeting.Body);
            if (body is null) context.Error($"$.meetings[{m}].body", $"Nav institūcijas \"{meeting.Body}\" šajā solī.");
            if (meeting.StartsAt is null) context.Error($"$.meetings[{m}].startsAt", "Sēdes laiks ir obligāts.");
            var seats = (body?.Members ?? []).Where(x => x.VotingRight).Select(x => x.Person).ToHashSet(StringComparer.Ordinal);
            foreach (var (item, i) in (meeting.Agenda ?? []).Select((x, i) => (x, i)))
                foreach (var voter in item.Vote is { } vote ? (vote.For ?? []).Concat(vote.Against ?? []).Concat(vote.Abstain ?? []) : [])
                    if (!seats.Contains(voter)) context.Error($"$.meetings[{m}].agenda[{i}].vote", $"\"{voter}\" nav šīs institūcijas balsstiesīgs loceklis.");
        }
        foreach (var (body, b) in (model.Bodies ?? []).Select((x, i) => (x, i)))
        {
            foreach (var (field, messages) in BodyService.Validate(new BodyInput(body.Name, body.ShortName, body.Kind, body.Rule, body.Template)))
                context.Error($"$.bodies[{b}].{field}", messages[0]);
            foreach (var (member, m) in (body.Members ?? []).Select((x, i) => (x, i)))
                if (!keys.Contains(member.Person ?? ""))
                    context.Error($"$.bodies[{b}].members[{m}].person", $"Nav personas ar atslēgu \"{member.Person}\".");
        }
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var bodyService = context.Services.GetRequiredService<BodyService>();
        var model = context.Read<Model>()!;
        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var bodies = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var person in model.People ?? [])
            people[person.Key!] = (await bodyService.CreatePersonAsync(new PersonInput(person.Name, person.Email, person.Affiliation), ct)).Id;
        foreach (var body in model.Bodies ?? [])
        {
            var created = await bodyService.CreateBodyAsync(new BodyInput(body.Name, body.ShortName, body.Kind, body.Rule, body.Template), ct);
            bodies[created.Name] = created.Id;
            foreach (var member in body.Members ?? [])
                await bodyService.AddMemberAsync(created.Id, new MembershipInput(people[member.Person!], member.Role, member.VotingRight, member.Start, member.End), ct);
        }
        foreach (var meeting in model.Meetings ?? []) await HoldAsync(context.Services, meeting, bodies[meeting.Body!], people, ct);
    }

    /// <summary>A past meeting as it happened: convened, every member present, each recorded vote cast, closed, minutes signed.</summary>
    private static async Task HoldAsync(IServiceProvider services, MeetingItem recorded, Guid bodyId, Dictionary<string, Guid> people, CancellationToken ct)
    {
        var (bodies, meetings, agenda) = (services.GetRequiredService<BodyService>(), services.GetRequiredService<MeetingService>(), services.GetRequiredService<AgendaService>());
        var voting = services.GetRequiredService<VotingService>();
        var meeting = await meetings.CreateMeetingAsync(new MeetingInput(bodyId, recorded.StartsAt, Place: recorded.Place ?? "Sēžu zāle"), ct);
        var items = new List<(AgendaItem Item, VoteItem? Vote)>();
        foreach (var entry in recorded.Agenda ?? [])
            items.Add((await agenda.AddAgendaItemAsync(meeting.Id, new AgendaItemInput(entry.Title, DraftDecision: entry.DraftDecision), ct), entry.Vote));
        await meetings.TransitionAsync(meeting.Id, "convene", ct);
        await meetings.TransitionAsync(meeting.Id, "open", ct);
        foreach (var member in await bodies.MembershipsAsync(bodyId, ct)) await voting.SetAttendanceAsync(meeting.Id, member.PersonId, AttendanceMode.InRoom, ct);
        foreach (var (item, vote) in items.Where(i => i.Vote is not null))
        {
            var opened = await voting.OpenAsync(meeting.Id, item.Id, vote!.Motion ?? item.Title, ct);
            foreach (var (keys, choice) in new[] { (vote.For, VoteChoice.For), (vote.Against, VoteChoice.Against), (vote.Abstain, VoteChoice.Abstain) })
                foreach (var key in keys ?? []) await voting.CastAsync(opened.Id, people[key], choice, "room", ct);
            await voting.CloseAsync(opened.Id, ct);
        }
        await meetings.TransitionAsync(meeting.Id, "close", ct);
        await meetings.TransitionAsync(meeting.Id, "sign-minutes", ct);
    }

    private sealed record Model(List<PersonItem>? People, List<BodyItem>? Bodies, List<MeetingItem>? Meetings);
    private sealed record MeetingItem(string? Body, DateTime? StartsAt, string? Place, List<AgendaEntry>? Agenda);
    private sealed record AgendaEntry(string? Title, string? DraftDecision, VoteItem? Vote);
    private sealed record VoteItem(string? Motion, List<string>? For, List<string>? Against, List<string>? Abstain);
    private sealed record PersonItem(string? Key, string? Name, string? Email, string? Affiliation);
    private sealed record BodyItem(string? Name, string? ShortName, BodyKind Kind, DecisionRule Rule, List<MemberItem>? Members, MeetingTemplate? Template = null);
    private sealed record MemberItem(string? Person, MemberRole Role = MemberRole.Member, bool VotingRight = true, DateOnly? Start = null, DateOnly? End = null);
}
