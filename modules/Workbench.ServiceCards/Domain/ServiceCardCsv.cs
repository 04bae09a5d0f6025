using System.Globalization;
using System.Text;
using Workbench.Abstractions.Exports;

namespace Workbench.ServiceCards.Domain;

/// <summary>
/// The catalogue as CSV (UTF-8 with BOM, ';', lists joined with ", "): the columns editors maintain in a spreadsheet.
/// Import reads the same columns; an existing <c>id</c> or <c>identifier</c> updates that card's working copy.
/// </summary>
public static class ServiceCardCsv
{
    public static byte[] Write(IEnumerable<(Guid Id, ServiceCardInput Card)> cards) =>
        Csv.Write(cards, ';',
            ("id", c => c.Id), ("identifier", c => c.Card.Identifier), ("name", c => c.Card.Name), ("state", c => c.Card.State), ("owner", c => c.Card.Owner),
            ("channels", c => string.Join(", ", c.Card.Channels)), ("eServiceUrl", c => c.Card.EServiceUrl), ("inPersonOnly", c => c.Card.InPersonOnly ? "jā" : "nē"),
            ("themes", c => string.Join(", ", c.Card.Themes)), ("lifeSituations", c => string.Join(", ", c.Card.LifeSituations)),
            ("nextReviewDate", c => c.Card.NextReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>RFC 4180 records with ';' (quoted fields may hold ';', quotes doubled, line breaks), each with its first line number.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int line = 1, start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ';': fields.Add(Csv.Restore(field.ToString().Trim())); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || field.Length > 0) { fields.Add(Csv.Restore(field.ToString().Trim())); yield return (start, fields); }
                    fields = []; field.Clear(); any = false; line++; start = line;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0) { fields.Add(Csv.Restore(field.ToString().Trim())); yield return (start, fields); }
    }

    public sealed record Row(int Line, Guid? Id, ServiceCardContent Content, IReadOnlyList<string> Errors);

    /// <summary>Reads every row; a row that cannot be read carries its errors (with the line number) instead of failing the whole read.</summary>
    public static IReadOnlyList<Row> Read(string text)
    {
        var records = Records(text.TrimStart('\uFEFF')).ToList();
        if (records.Count == 0) return [];
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var missing = new[] { "identifier", "name" }.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return [new Row(1, null, new ServiceCardContent(), [$"Trūkst kolonnu: {string.Join(", ", missing)}"])];
        var rows = new List<Row>();
        foreach (var (line, values) in records.Skip(1))
        {
            var errors = new List<string>();
            string? Field(string name) => header.IndexOf(name) is >= 0 and var index && index < values.Count && values[index].Length > 0 ? values[index] : null;
            List<string> List(string name) => (Field(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            Guid? id = null;
            if (Field("id") is { } idText)
            {
                if (Guid.TryParse(idText, out var parsed)) id = parsed;
                else errors.Add($"id \"{idText}\" nav derīgs");
            }
            var channels = new List<Channel>();
            foreach (var channel in List("channels"))
                if (Enum.TryParse<Channel>(channel, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) channels.Add(parsed);
                else errors.Add($"kanāls \"{channel}\" nav zināms; der {string.Join(", ", Enum.GetNames<Channel>())}");
            DateOnly? review = null;
            if (Field("nextReviewDate") is { } date)
            {
                if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) review = parsed;
                else errors.Add($"datums \"{date}\" nav formā GGGG-MM-DD");
            }
            var inPerson = Field("inPersonOnly")?.ToLowerInvariant() is "jā" or "ja" or "true" or "1";
            rows.Add(new Row(line, id, new ServiceCardContent
            {
                Identifier = Field("identifier"), Name = Field("name"), Owner = Field("owner"), Channels = channels, EServiceUrl = Field("eServiceUrl"),
                InPersonOnly = inPerson, Themes = List("themes"), LifeSituations = List("lifeSituations"), NextReviewDate = review,
            }, errors));
        }
        return rows;
    }
}
