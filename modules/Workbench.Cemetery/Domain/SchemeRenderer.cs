using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Workbench.Cemetery.Domain;

/// <summary>
/// The cemetery's scheme as SVG (sites coloured by state, a legend, one site highlighted), GeoJSON (scheme coordinates,
/// the cemetery's coordinates as the origin) and CSV. Server-rendered: no script needed to read it.
/// </summary>
public static class SchemeRenderer
{
    public sealed record SchemeSite(Guid Id, string Number, SiteState State, SiteType Type, int Capacity, string? Section, string? Row, string? Polygon);

    private static readonly (SiteState State, string Fill, string Label)[] Legend =
    [
        (SiteState.Free, "#cfe8cf", "brīva"),
        (SiteState.Reserved, "#fde7a6", "rezervēta"),
        (SiteState.Occupied, "#b9c7e4", "aizņemta"),
        (SiteState.Neglected, "#f2b8b5", "nekopta (neglected)"),
    ];

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <param name="basePath">The tenant's path base (links and the plan image are absolute, so the SVG works inline and on its own).</param>
    /// <param name="siteLink">Where a click on a site goes (staff pages), or null (public).</param>
    public static string Svg(Cemetery cemetery, IReadOnlyList<SchemeSite> sites, IReadOnlySet<Guid> highlight, string basePath, Func<Guid, string>? siteLink)
    {
        var (w, h) = (cemetery.SchemeWidth, cemetery.SchemeHeight);
        const int legendHeight = 40;
        var svg = new StringBuilder(256 + sites.Count * 220);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h + legendHeight}\" role=\"img\" aria-labelledby=\"scheme-title\" class=\"cemetery-scheme\">");
        svg.Append("<title id=\"scheme-title\">").Append(WebUtility.HtmlEncode($"{cemetery.Name}: kapavietu shēma")).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#f7f7f2\" stroke=\"#888\"/>");
        if (cemetery.PlanSha256 is not null)
            svg.Append(CultureInfo.InvariantCulture, $"<image href=\"{WebUtility.HtmlEncode(basePath)}/api/cemeteries/{cemetery.Id}/plan\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" preserveAspectRatio=\"none\" opacity=\"0.6\"/>");
        var fills = Legend.ToDictionary(l => l.State, l => l.Fill);
        var lit = new List<SchemeSite>();
        foreach (var site in sites)
        {
            if (site.Polygon is null) continue;
            if (highlight.Contains(site.Id)) { lit.Add(site); continue; }
            AppendSite(svg, site, Polygons.FromJson(site.Polygon), fills[site.State], false, basePath, siteLink);
        }
        // The highlighted sites last, so nothing covers them.
        foreach (var site in lit) AppendSite(svg, site, Polygons.FromJson(site.Polygon), fills[site.State], true, basePath, siteLink);
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\" transform=\"translate(0,{h + 8})\" font-size=\"14\" font-family=\"sans-serif\">");
        var x = 4;
        foreach (var (_, fill, label) in Legend)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"4\" width=\"18\" height=\"18\" fill=\"{fill}\" stroke=\"#333\"/><text x=\"{x + 24}\" y=\"18\">{label}</text>");
            x += 190;
        }
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static void AppendSite(StringBuilder svg, SchemeSite site, double[][] points, string fill, bool lit, string basePath, Func<Guid, string>? siteLink)
    {
        var label = WebUtility.HtmlEncode($"Kapavieta {site.Number} — {Labels.Of(site.State)}");
        if (siteLink is not null) svg.Append("<a href=\"").Append(WebUtility.HtmlEncode(basePath + "/" + siteLink(site.Id))).Append("\">");
        svg.Append("<polygon id=\"site-").Append(site.Id).Append("\" data-number=\"").Append(WebUtility.HtmlEncode(site.Number)).Append("\" points=\"")
            .Append(Polygons.SvgPoints(points)).Append("\" fill=\"").Append(fill).Append(lit ? "\" stroke=\"#c00000\" stroke-width=\"4\" class=\"site highlighted\">" : "\" stroke=\"#444\" stroke-width=\"0.5\" class=\"site\">")
            .Append("<title>").Append(label).Append("</title></polygon>");
        if (lit)
        {
            var (cx, cy) = Polygons.Centre(points);
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"18\" fill=\"none\" stroke=\"#c00000\" stroke-width=\"3\" class=\"highlight-ring\"/>");
        }
        if (siteLink is not null) svg.Append("</a>");
    }

    /// <summary>A GeoJSON FeatureCollection in scheme coordinates (not WGS 84): the cemetery's own coordinates name the origin.</summary>
    public static string GeoJson(Cemetery cemetery, IReadOnlyList<SchemeSite> sites)
    {
        var features = sites.Where(s => s.Polygon is not null).Select(s =>
        {
            var ring = Polygons.FromJson(s.Polygon).ToList();
            ring.Add(ring[0]);
            return new
            {
                type = "Feature",
                id = s.Id,
                geometry = new { type = "Polygon", coordinates = new[] { ring } },
                properties = new { number = s.Number, state = s.State.ToString(), siteType = s.Type.ToString(), capacity = s.Capacity, section = s.Section, row = s.Row },
            };
        });
        return JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            name = cemetery.Name,
            properties = new
            {
                cemeteryId = cemetery.Id,
                coordinateSystem = "scheme",
                schemeWidth = cemetery.SchemeWidth,
                schemeHeight = cemetery.SchemeHeight,
                origin = cemetery.Latitude is { } lat && cemetery.Longitude is { } lon ? new { latitude = lat, longitude = lon } : null,
            },
            features,
        });
    }
}
