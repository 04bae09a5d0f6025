using Microsoft.EntityFrameworkCore;
using Workbench.CouncilSessions.Data;
using Workbench.Abstractions.Validation;

namespace Workbench.CouncilSessions.Domain;

/// <summary>The council's bodies, the people in them and their memberships (who has a voting right on a day).</summary>
public sealed class BodyService(CouncilDbContext db, TimeProvider clock, CouncilWriter writer)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static ValidationErrors Validate(BodyInput input) => CouncilValidation.Errors(
        (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200, "name", "Nosaukums ir obligāts, līdz 200 zīmēm."),
        (input.ShortName is { Length: > 40 }, "shortName", "Īsais nosaukums līdz 40 zīmēm."),
        (input.Template?.Place is { Length: > 300 }, "template.place", "Vieta līdz 300 zīmēm."),
        (input.Template?.RemoteLink is { Length: > 0 } link && !Uri.TryCreate(link, UriKind.Absolute, out _), "template.remoteLink", "Saitei jābūt pilnai adresei."),
        ((input.Template?.StandingItems ?? []) is var items && (items.Count > 20 || items.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 500)),
            "template.standingItems", "Līdz 20 pastāvīgiem jautājumiem, katrs 1–500 zīmes."));

    public static ValidationErrors Validate(PersonInput input) => CouncilValidation.Errors(
        (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200, "name", "Vārds ir obligāts, līdz 200 zīmēm."),
        (input.Email is { Length: > 0 } email && !System.Net.Mail.MailAddress.TryCreate(email, out _), "email", "Nederīga e-pasta adrese."));

    public async Task<Body> CreateBodyAsync(BodyInput input, CancellationToken ct)
    {
        var body = new Body { Id = Guid.NewGuid(), Name = input.Name!.Trim(), ShortName = input.ShortName?.Trim(), Kind = input.Kind, Rule = input.Rule, Template = input.Template, CreatedUtc = Now, UpdatedUtc = Now };
        return await writer.SaveAsync(body, db.Bodies, "council.body.created", body.Name, ct);
    }

    public async Task<Person> CreatePersonAsync(PersonInput input, CancellationToken ct)
    {
        var person = new Person { Id = Guid.NewGuid(), Name = input.Name!.Trim(), Email = input.Email?.Trim(), Affiliation = input.Affiliation?.Trim(), CreatedUtc = Now, UpdatedUtc = Now };
        return await writer.SaveAsync(person, db.People, "council.person.created", person.Name, ct);
    }

    public async Task<Membership> AddMemberAsync(Guid bodyId, MembershipInput input, CancellationToken ct)
    {
        _ = await db.Bodies.FindAsync([bodyId], ct) ?? throw new KeyNotFoundException("Nav tādas institūcijas.");
        _ = await db.People.FindAsync([input.PersonId], ct) ?? throw new KeyNotFoundException("Nav tādas personas.");
        var start = input.Start ?? DateOnly.FromDateTime(Now);
        if (input.End is { } end && end <= start) throw new CouncilConflictException("Dalības beigas jābūt pēc sākuma.");
        var overlapping = await db.Memberships.AnyAsync(m => m.BodyId == bodyId && m.PersonId == input.PersonId &&
            (m.End == null || m.End > start) && (input.End == null || m.Start < input.End), ct);
        if (overlapping) throw new CouncilConflictException("Personai šajā laikā jau ir dalība šajā institūcijā.");
        var membership = new Membership { Id = Guid.NewGuid(), BodyId = bodyId, PersonId = input.PersonId, Role = input.Role, VotingRight = input.VotingRight, Start = start, End = input.End, CreatedUtc = Now, UpdatedUtc = Now };
        return await writer.SaveAsync(membership, db.Memberships, "council.membership.added", $"{bodyId}/{input.PersonId}", ct);
    }

    public Task<List<Body>> BodiesAsync(CancellationToken ct) => db.Bodies.AsNoTracking().OrderBy(b => b.Kind).ThenBy(b => b.Name).ToListAsync(ct);

    public Task<List<Person>> PeopleAsync(CancellationToken ct) => db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    public Task<List<Membership>> MembershipsAsync(Guid bodyId, CancellationToken ct) =>
        db.Memberships.AsNoTracking().Where(m => m.BodyId == bodyId).OrderBy(m => m.Role).ThenBy(m => m.Start).ToListAsync(ct);

    /// <summary>Members with voting right on a day: the basis of quorum and results.</summary>
    public async Task<List<Membership>> VotingMembersAsync(Guid bodyId, DateOnly day, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking().Where(m => m.BodyId == bodyId && m.VotingRight).ToListAsync(ct)).Where(m => m.IsActiveOn(day)).ToList();
}
