using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Recipes;

/// <summary>
/// <c>{"name": "council", "people": [{"key": "p1", "name": "…", "email": "…", "affiliation": "…"}],
/// "bodies": [{"name": "…", "kind": "Council", "rule": "MajorityOfPresent", "members": [{"person": "p1", "role": "Chair",
/// "votingRight": true, "start": "2025-07-01"}]}]}</c>: people are named by a key local to the step.
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
            if (string.IsNullOrWhiteSpace(person.Key) || !keys.Add(person.Key)) context.Error($"$.people[{i}].key", "Atslēga ir obligāta un unikāla (a unique key is required).");
            foreach (var (field, messages) in CouncilService.Validate(new PersonInput(person.Name, person.Email, person.Affiliation)))
                context.Error($"$.people[{i}].{field}", messages[0]);
        }
        foreach (var (body, b) in (model.Bodies ?? []).Select((x, i) => (x, i)))
        {
            foreach (var (field, messages) in CouncilService.Validate(new BodyInput(body.Name, body.ShortName, body.Kind, body.Rule)))
                context.Error($"$.bodies[{b}].{field}", messages[0]);
            foreach (var (member, m) in (body.Members ?? []).Select((x, i) => (x, i)))
                if (!keys.Contains(member.Person ?? ""))
                    context.Error($"$.bodies[{b}].members[{m}].person", $"Nav personas ar atslēgu \"{member.Person}\" (no person with this key in people).");
        }
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var council = context.Services.GetRequiredService<CouncilService>();
        var model = context.Read<Model>()!;
        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var person in model.People ?? [])
            people[person.Key!] = (await council.CreatePersonAsync(new PersonInput(person.Name, person.Email, person.Affiliation), ct)).Id;
        foreach (var body in model.Bodies ?? [])
        {
            var created = await council.CreateBodyAsync(new BodyInput(body.Name, body.ShortName, body.Kind, body.Rule), ct);
            foreach (var member in body.Members ?? [])
                await council.AddMemberAsync(created.Id, new MembershipInput(people[member.Person!], member.Role, member.VotingRight, member.Start, member.End), ct);
        }
    }

    private sealed record Model(List<PersonItem>? People, List<BodyItem>? Bodies);
    private sealed record PersonItem(string? Key, string? Name, string? Email, string? Affiliation);
    private sealed record BodyItem(string? Name, string? ShortName, BodyKind Kind, DecisionRule Rule, List<MemberItem>? Members);
    private sealed record MemberItem(string? Person, MemberRole Role = MemberRole.Member, bool VotingRight = true, DateOnly? Start = null, DateOnly? End = null);
}
