using System.Globalization;
using System.Text;

namespace Workbench.Abstractions.Exports;

/// <summary>
/// Every CSV export the same way: RFC 4180 quoting, UTF-8 with a byte-order mark (spreadsheets then read Latvian letters),
/// and no formula injection — a cell a spreadsheet would run as a formula (<c>= + - @</c>, tab, carriage return first)
/// starts with an apostrophe, which <see cref="Restore"/> takes off again on import.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";
    private const string FormulaStarts = "=+-@\t\r";

    public static byte[] Write<T>(IEnumerable<T> rows, char separator, params (string Header, Func<T, object?> Value)[] columns)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(separator, columns.Select(c => Cell(c.Header, separator))).Append("\r\n");
        foreach (var row in rows)
            csv.AppendJoin(separator, columns.Select(c => Cell(Convert.ToString(c.Value(row), CultureInfo.InvariantCulture), separator))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Cell(string? value, char separator)
    {
        value ??= "";
        if (value.Length > 0 && FormulaStarts.Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    /// <summary>A cell as it was before <see cref="Cell"/> guarded it.</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;
}
