using System.Text;
using Workbench.Abstractions.Exports;

namespace Workbench.Cemetery.Domain;

/// <summary>RFC 4180 reading of an uploaded register: UTF-8 only (a spreadsheet's other encodings are refused with a reason), separator ; or , taken from the header.</summary>
public static class CsvReader
{
    public static List<string[]> Read(byte[] content)
    {
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content); }
        catch (DecoderFallbackException)
        {
            throw new ArgumentException("Datne nav UTF-8 kodējumā; saglabājiet to kā \"CSV UTF-8\".");
        }
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == separator) { row.Add(Csv.Restore(cell.ToString())); cell.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(Csv.Restore(cell.ToString())); cell.Clear();
                if (row.Count > 1 || row[0].Length > 0) rows.Add([.. row]);
                row.Clear();
            }
            else cell.Append(c);
        }
        if (quoted) throw new ArgumentException("Datnes beigās neaizvērtas pēdiņas.");
        if (cell.Length > 0 || row.Count > 0) { row.Add(Csv.Restore(cell.ToString())); rows.Add([.. row]); }
        return rows;
    }
}
