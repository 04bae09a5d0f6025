using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Workbench.CouncilSessions.Data;

namespace Workbench.CouncilSessions.Domain;

/// <summary>What the minutes (protokols) say: the meeting, who attended, each item with its votes and every member's vote.</summary>
public sealed record MinutesModel(
    string Body, string Title, DateTime StartsAt, string? Place, string? RemoteLink, string? Chair, string? MinuteTaker,
    IReadOnlyList<MinutesAttendance> Attendance, IReadOnlyList<MinutesItem> Items);

public sealed record MinutesAttendance(string Name, AttendanceMode Mode, DateTime? Joined, DateTime? Left);

public sealed record MinutesItem(int Number, string Title, bool IsAdditional, string? DraftDecision, IReadOnlyList<MinutesVote> Votes);

public sealed record MinutesVote(string Motion, int For, int Against, int Abstain, bool Passed, IReadOnlyList<(string Name, VoteChoice Choice, DateTime At, string Channel)> Ballots);

/// <summary>
/// Minutes of a closed meeting, generated from its records as DOCX (Open XML) and HTML. Non-public items appear only
/// in the internal edition.
/// </summary>
public sealed class MinutesService(CouncilDbContext db)
{
    public async Task<MinutesModel> BuildAsync(Guid meetingId, bool internalEdition, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new KeyNotFoundException("Nav tādas sēdes.");
        if (meeting.State is not (MeetingState.Closed or MeetingState.MinutesSigned))
            throw new CouncilConflictException("Protokolu veido slēgtai sēdei.");
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        var names = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        string? Name(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : null;
        var attendance = (await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(ct))
            .Select(a => new MinutesAttendance(Name(a.PersonId) ?? "?", a.Mode, a.JoinedUtc, a.LeftUtc)).OrderBy(a => a.Name, StringComparer.Create(new CultureInfo("lv-LV"), false)).ToList();
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId && (internalEdition || i.IsPublic)).OrderBy(i => i.Number).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var votes = await db.VoteEvents.AsNoTracking().Where(v => itemIds.Contains(v.AgendaItemId) && v.State == VoteEventState.Closed).OrderBy(v => v.OpenedUtc).ToListAsync(ct);
        var voteIds = votes.Select(v => v.Id).ToList();
        var ballots = (await db.Votes.AsNoTracking().Where(v => voteIds.Contains(v.VoteEventId)).ToListAsync(ct)).ToLookup(v => v.VoteEventId);
        return new MinutesModel(
            body.Name, $"Sēdes protokols Nr. {meeting.Number}/{meeting.Year}", meeting.StartsAt, meeting.Place, meeting.RemoteLink, Name(meeting.ChairId), Name(meeting.MinuteTakerId),
            attendance,
            items.Select(i => new MinutesItem(i.Number, i.Title, i.IsAdditional, i.DraftDecision,
                votes.Where(v => v.AgendaItemId == i.Id).Select(v => new MinutesVote(v.Motion, v.For, v.Against, v.Abstain, v.Passed == true,
                    ballots[v.Id].OrderBy(b => Name(b.PersonId), StringComparer.Ordinal).Select(b => (Name(b.PersonId) ?? "?", b.Choice, b.CastUtc, b.Channel)).ToList())).ToList())).ToList());
    }

    public static string Html(MinutesModel m)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"lv\"><head><meta charset=\"utf-8\"><title>{E(m.Title)}</title></head><body><main>");
        html.Append($"<h1>{E(m.Body)}: {E(m.Title)}</h1><p>{m.StartsAt:dd.MM.yyyy HH:mm} UTC{(m.Place is null ? "" : ", " + E(m.Place))}</p>");
        html.Append($"<p>Sēdi vada: {E(m.Chair ?? "—")}. Protokolē: {E(m.MinuteTaker ?? "—")}.</p><h2>Klātesošie</h2><ul>");
        foreach (var a in m.Attendance) html.Append($"<li>{E(a.Name)} — {E(Labels.Of(a.Mode))}</li>");
        html.Append("</ul><h2>Darba kārtība</h2>");
        foreach (var item in m.Items)
        {
            html.Append($"<h3>{item.Number}. {E(item.Title)}{(item.IsAdditional ? " (papildu jautājums)" : "")}</h3>");
            if (item.DraftDecision is { Length: > 0 }) html.Append($"<p>Lēmuma projekts: {E(item.DraftDecision)}</p>");
            foreach (var vote in item.Votes)
            {
                html.Append($"<p>Balsojums: {E(vote.Motion)} — par {vote.For}, pret {vote.Against}, atturas {vote.Abstain}: <strong>{(vote.Passed ? "pieņemts" : "noraidīts")}</strong>.</p><table><thead><tr><th scope=\"col\">Deputāts</th><th scope=\"col\">Balss</th><th scope=\"col\">Laiks</th></tr></thead><tbody>");
                foreach (var (name, choice, at, channel) in vote.Ballots) html.Append($"<tr><td>{E(name)}</td><td>{Labels.Of(choice)}</td><td>{at:HH:mm:ss} ({E(channel)})</td></tr>");
                html.Append("</tbody></table>");
            }
        }
        return html.Append("</main></body></html>").ToString();
    }

    /// <summary>One adopted decision as its own page: the body, the meeting, the item, the decision text and its votes.</summary>
    public static string DecisionHtml(MinutesModel m, MinutesItem item)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"lv\"><head><meta charset=\"utf-8\"><title>Lēmums: {E(item.Title)}</title></head><body><main>");
        html.Append($"<h1>{E(m.Body)}: lēmums</h1><p>{E(m.Title)}, {m.StartsAt:dd.MM.yyyy}, {item.Number}. jautājums</p><h2>{E(item.Title)}</h2>");
        if (item.DraftDecision is { Length: > 0 }) html.Append($"<p>{E(item.DraftDecision)}</p>");
        foreach (var vote in item.Votes)
            html.Append($"<p>Balsojums: {E(vote.Motion)} — par {vote.For}, pret {vote.Against}, atturas {vote.Abstain}: <strong>{(vote.Passed ? "pieņemts" : "noraidīts")}</strong>.</p>");
        return html.Append("</main></body></html>").ToString();
    }

    public static byte[] Docx(MinutesModel m)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            void Paragraph(string text, bool bold = false, string? size = null)
            {
                var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                if (bold || size is not null) run.RunProperties = new RunProperties { Bold = bold ? new Bold() : null, FontSize = size is null ? null : new FontSize { Val = size } };
                body.Append(new Paragraph(run));
            }
            Paragraph($"{m.Body}", bold: true, size: "28");
            Paragraph(m.Title, bold: true, size: "32");
            Paragraph($"{m.StartsAt:dd.MM.yyyy HH:mm} UTC{(m.Place is null ? "" : ", " + m.Place)}");
            Paragraph($"Sēdi vada: {m.Chair ?? "—"}. Protokolē: {m.MinuteTaker ?? "—"}.");
            Paragraph("Klātesošie", bold: true);
            foreach (var a in m.Attendance) Paragraph($"{a.Name} — {Labels.Of(a.Mode)}");
            Paragraph("Darba kārtība", bold: true);
            foreach (var item in m.Items)
            {
                Paragraph($"{item.Number}. {item.Title}{(item.IsAdditional ? " (papildu jautājums)" : "")}", bold: true);
                if (item.DraftDecision is { Length: > 0 }) Paragraph($"Lēmuma projekts: {item.DraftDecision}");
                foreach (var vote in item.Votes)
                {
                    Paragraph($"Balsojums: {vote.Motion} — par {vote.For}, pret {vote.Against}, atturas {vote.Abstain}: {(vote.Passed ? "pieņemts" : "noraidīts")}.");
                    var table = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 })));
                    foreach (var (name, choice, at, channel) in vote.Ballots)
                        table.Append(new TableRow(
                            new TableCell(new Paragraph(new Run(new Text(name)))),
                            new TableCell(new Paragraph(new Run(new Text(Labels.Of(choice))))),
                            new TableCell(new Paragraph(new Run(new Text($"{at:HH:mm:ss} ({channel})"))))));
                    body.Append(table);
                }
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

}
