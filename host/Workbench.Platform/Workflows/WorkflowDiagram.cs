using System.Globalization;
using System.Net;
using System.Text;

namespace Workbench.Platform.Workflows;

/// <summary>
/// A workflow type drawn as SVG: activities in columns by their distance from the start, transitions as arrows
/// labelled with their outcome (a way back is drawn below the boxes). The page lists the same transitions as text.
/// </summary>
public static class WorkflowDiagram
{
    private const int Width = 170, Height = 52, ColumnGap = 70, RowGap = 40, Margin = 20;

    public static string Svg(WorkflowDefinition definition, string title, string? current = null)
    {
        var order = WorkflowDefinitions.Reachable(definition);
        var depth = new Dictionary<string, int> { [order[0]] = 0 };
        foreach (var id in order)
            foreach (var t in definition.Transitions!.Where(t => t.From == id && t.To is not null && !depth.ContainsKey(t.To)))
                depth[t.To!] = depth[id] + 1;
        var rows = new Dictionary<int, int>();
        var place = new Dictionary<string, (double X, double Y)>();
        foreach (var id in order)
        {
            var column = depth[id];
            var row = rows[column] = rows.GetValueOrDefault(column, -1) + 1;
            place[id] = (Margin + column * (Width + ColumnGap), Margin + row * (Height + RowGap));
        }
        var width = place.Values.Max(p => p.X) + Width + Margin;
        var height = place.Values.Max(p => p.Y) + Height + Margin + 40;
        var svg = new StringBuilder();
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="diagram-title" viewBox="0 0 {N(width)} {N(height)}" width="{N(width)}" height="{N(height)}" class="workflow-diagram">""");
        svg.Append($"""<title id="diagram-title">{WebUtility.HtmlEncode(title)}</title>""");
        svg.Append("""<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>""");
        foreach (var t in definition.Transitions!.Where(t => place.ContainsKey(t.From!) && place.ContainsKey(t.To!)))
        {
            var (fx, fy) = place[t.From!];
            var (tx, ty) = place[t.To!];
            string path;
            double lx, ly;
            if (tx > fx)
            {
                (double x1, double y1, double x2, double y2) = (fx + Width, fy + Height / 2.0, tx, ty + Height / 2.0);
                path = $"M{N(x1)},{N(y1)} C{N(x1 + ColumnGap / 2.0)},{N(y1)} {N(x2 - ColumnGap / 2.0)},{N(y2)} {N(x2)},{N(y2)}";
                (lx, ly) = ((x1 + x2) / 2, (y1 + y2) / 2 - 4);
            }
            else
            {
                // A way back (or a loop): below the boxes.
                var bottom = Math.Max(fy, ty) + Height + RowGap / 2.0 + 10;
                path = $"M{N(fx + Width / 2.0)},{N(fy + Height)} C{N(fx + Width / 2.0)},{N(bottom)} {N(tx + Width / 2.0)},{N(bottom)} {N(tx + Width / 2.0)},{N(ty + Height)}";
                (lx, ly) = ((fx + tx + Width) / 2, bottom - 6);
            }
            svg.Append($"""<path d="{path}" fill="none" stroke="#333" stroke-width="1.5" marker-end="url(#arrow)"/>""");
            svg.Append($"""<text x="{N(lx)}" y="{N(ly)}" font-size="12" text-anchor="middle" fill="#1d1d1f">{WebUtility.HtmlEncode(t.Outcome)}</text>""");
        }
        foreach (var id in order)
        {
            var (x, y) = place[id];
            var activity = definition.Activity(id);
            var fill = id == current ? "#ffe58a" : id == definition.StartActivity ? "#d7f0da" : "#ffffff";
            svg.Append($"""<rect x="{N(x)}" y="{N(y)}" width="{Width}" height="{Height}" rx="6" fill="{fill}" stroke="#505050"/>""");
            svg.Append($"""<text x="{N(x + Width / 2.0)}" y="{N(y + 21)}" font-size="13" font-weight="600" text-anchor="middle" fill="#1d1d1f">{WebUtility.HtmlEncode(id)}</text>""");
            svg.Append($"""<text x="{N(x + Width / 2.0)}" y="{N(y + 39)}" font-size="12" text-anchor="middle" fill="#3a3a3a">{WebUtility.HtmlEncode(activity.Type)}</text>""");
        }
        return svg.Append("</svg>").ToString();
    }
}
