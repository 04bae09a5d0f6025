using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Tenants;
using Workbench.CouncilSessions.Data;

namespace Workbench.CouncilSessions.Domain;

/// <summary>A guest (uzaicinātā persona) of one meeting: invited with the members, without a seat or a vote.</summary>
public sealed class MeetingGuest
{
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
}

/// <summary>An invitation (uzaicinājums) to one person: sent at convening, sent again (next sequence) when the agenda changes.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public required string Email { get; set; }
    /// <summary>Secret in the acknowledgement link (only its hash is kept).</summary>
    public required string TokenHash { get; set; }
    /// <summary>The iCalendar SEQUENCE of the last invitation sent: 0 at convening, +1 for each agenda change.</summary>
    public int Sequence { get; set; }
    public DateTime SentUtc { get; set; }
    public DateTime? AcknowledgedUtc { get; set; }
}

/// <summary>
/// Invitations to the members of the meeting's body by e-mail (through the outbox and SMTP) with an iCalendar
/// request, plus an in-app notice for those with a staff account; acknowledgements by a link in the e-mail.
/// </summary>
public sealed class InvitationService(CouncilDbContext db, IOutbox outbox, INotifications notifications, IAuditLog audit, ITenantContext tenant, ITenantTransaction transaction, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>At convening: one invitation per member sitting on the meeting's day and per guest, each with an e-mail address.</summary>
    public async Task InviteAsync(Meeting meeting, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(meeting.StartsAt);
        var seats = (await db.Memberships.AsNoTracking().Where(m => m.BodyId == meeting.BodyId).ToListAsync(ct)).Where(m => m.IsActiveOn(day)).Select(m => m.PersonId);
        var guests = await db.Guests.AsNoTracking().Where(g => g.MeetingId == meeting.Id).Select(g => g.PersonId).ToListAsync(ct);
        var invited = seats.Concat(guests).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => invited.Contains(p.Id) && p.Email != null && p.Email != "").ToListAsync(ct);
        foreach (var person in people) await InvitePersonAsync(meeting, person, ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.invitations.sent", meeting.Id.ToString(), new { count = people.Count }, ct);
    }

    /// <summary>
    /// Adds a guest: invited at once when the meeting is already convened, otherwise with everyone at convening.
    /// A guest needs an e-mail address; a member is invited anyway.
    /// </summary>
    public async Task AddGuestAsync(Meeting meeting, Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct) ?? throw new KeyNotFoundException("Nav tādas personas.");
        if (string.IsNullOrWhiteSpace(person.Email) || !System.Net.Mail.MailAddress.TryCreate(person.Email, out _))
            throw new ArgumentException("Viesim vajag derīgu e-pasta adresi uzaicinājumam.");
        if (!MeetingStates.AgendaOpen(meeting.State)) throw new CouncilConflictException("Slēgtai sēdei viesus neaicina.");
        if (await db.Guests.AnyAsync(g => g.MeetingId == meeting.Id && g.PersonId == personId, ct) || await db.Invitations.AnyAsync(i => i.MeetingId == meeting.Id && i.PersonId == personId, ct))
            throw new CouncilConflictException("Persona jau ir uzaicināta.");
        db.Guests.Add(new MeetingGuest { MeetingId = meeting.Id, PersonId = personId });
        if (meeting.State != MeetingState.Planned) await InvitePersonAsync(meeting, person, ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.guest.added", $"{meeting.Id}/{personId}", null, ct);
    }

    private async Task InvitePersonAsync(Meeting meeting, Person person, CancellationToken ct)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var invitation = new Invitation { Id = Guid.NewGuid(), MeetingId = meeting.Id, PersonId = person.Id, Email = person.Email!, TokenHash = Hash(token), Sequence = 0, SentUtc = Now };
        db.Invitations.Add(invitation);
        await SendAsync(meeting, invitation, token, "Uzaicinājums", ct);
    }

    /// <summary>After convening, a changed agenda is announced again with the next iCalendar sequence.</summary>
    public async Task AnnounceChangeAsync(Meeting meeting, CancellationToken ct)
    {
        var invitations = await db.Invitations.Where(i => i.MeetingId == meeting.Id).ToListAsync(ct);
        foreach (var invitation in invitations)
        {
            invitation.Sequence++;
            invitation.SentUtc = Now;
            // A fresh link: the old one still acknowledges the earlier version, the new one this one.
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            invitation.TokenHash = Hash(token);
            invitation.AcknowledgedUtc = null;
            await SendAsync(meeting, invitation, token, "Darba kārtība mainīta", ct);
        }
        await db.SaveChangesAsync(ct);
        if (invitations.Count > 0) await audit.AppendAsync("council.invitations.updated", meeting.Id.ToString(), new { count = invitations.Count }, ct);
    }

    /// <summary>The invitation behind an acknowledgement link, or null when the link is unknown or outdated.</summary>
    public Task<Invitation?> FindAsync(string? token, CancellationToken ct) =>
        string.IsNullOrEmpty(token) ? Task.FromResult<Invitation?>(null) : db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == Hash(token), ct);

    public async Task<Invitation?> AcknowledgeAsync(string? token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } invitation) return null;
        if (invitation.AcknowledgedUtc is null)
        {
            invitation.AcknowledgedUtc = Now;
            await transaction.InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                await audit.AppendAsync("council.invitation.acknowledged", $"{invitation.MeetingId}/{invitation.PersonId}", new { invitation.Sequence }, ct);
            }, ct);
        }
        return invitation;
    }

    public Task<List<Invitation>> ListAsync(Guid meetingId, CancellationToken ct) =>
        db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId).OrderBy(i => i.Email).ToListAsync(ct);

    private async Task SendAsync(Meeting meeting, Invitation invitation, string token, string reason, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        var agenda = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meeting.Id).OrderBy(i => i.Number).ToListAsync(ct);
        var title = $"{body.Name}: sēde Nr. {meeting.Number}/{meeting.Year}";
        var site = tenant.Required.Settings.SiteName;
        var ackPath = $"council/invitations/{token}";
        var text = new StringBuilder()
            .AppendLine($"{reason}: {title}")
            .AppendLine($"{meeting.StartsAt:dd.MM.yyyy HH:mm} UTC, {meeting.Place ?? meeting.RemoteLink}")
            .AppendLine().AppendLine("Darba kārtība:");
        foreach (var item in agenda) text.AppendLine($"{item.Number}. {item.Title}{(item.IsAdditional ? " (papildu jautājums)" : "")}");
        text.AppendLine().AppendLine($"Lūdzam apstiprināt saņemšanu: /{tenant.Required.Name}/{ackPath}").AppendLine().Append(site);
        // The organizer (RFC 5546 wants one in a REQUEST) is the person who chairs the meeting, where we know their address.
        var chair = meeting.ChairId is { } chairId ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == chairId, ct) : null;
        var ics = ICalendar.Request(meeting, title, agenda.Select(i => $"{i.Number}. {i.Title}"), invitation.Email, invitation.Sequence, Now,
            chair is { Email: { } chairEmail } ? (chair.Name, chairEmail) : null);
        await outbox.EnqueueAsync(Email.OutboxAdapter, $"council-invitation:{invitation.Id}:{invitation.Sequence}",
            new EmailMessage([invitation.Email], $"{reason}: {title}", text.ToString(), [new EmailAttachment("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", ics)]), ct);
        await notifications.NotifyAsync(invitation.Email, $"council-invitation:{invitation.Id}:{invitation.Sequence}", $"{reason}: {title}", ackPath, ct);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>iCalendar (RFC 5545) meeting requests: one VEVENT, UTC times, escaped text, lines folded at 75 octets.</summary>
public static class ICalendar
{
    public static string Request(Meeting meeting, string title, IEnumerable<string> agenda, string attendee, int sequence, DateTime stamp, (string Name, string Email)? organizer = null)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Workbench//Council sessions//LV", "METHOD:REQUEST", "BEGIN:VEVENT",
            $"UID:{meeting.Id}@workbench", $"SEQUENCE:{sequence}", $"DTSTAMP:{Utc(stamp)}", $"DTSTART:{Utc(meeting.StartsAt)}", $"DTEND:{Utc(meeting.StartsAt.AddHours(2))}",
            $"SUMMARY:{Escape(title)}", $"LOCATION:{Escape(meeting.Place ?? meeting.RemoteLink ?? "")}",
            $"DESCRIPTION:{Escape(string.Join('\n', agenda))}",
        };
        if (meeting.RemoteLink is { } link) lines.Add($"URL:{link}");
        if (organizer is { } o) lines.Add($"ORGANIZER;CN=\"{o.Name.Replace("\"", "")}\":mailto:{o.Email}");
        lines.Add($"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{attendee}");
        lines.AddRange(["END:VEVENT", "END:VCALENDAR"]);
        return string.Concat(lines.Select(l => Fold(l) + "\r\n"));
    }

    private static string Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.</summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75) { folded.Append("\r\n "); octets = 1; }
            folded.Append(rune.ToString());
            octets += size;
        }
        return folded.ToString();
    }
}
