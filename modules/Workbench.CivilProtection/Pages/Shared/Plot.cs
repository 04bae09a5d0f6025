using System.Globalization;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Shared;

/// <summary>
/// The map drawn without tiles: the layers projected onto a plain coordinate plot (equirectangular, scaled by the
/// latitude's cosine), as server-rendered SVG. It is what the map shows with no tile URL or offline.
/// </summary>
public sealed class Plot
{
    public const double Width = 800, Height = 560, Margin = 20;
    private readonly double _minLat, _maxLon, _minLon, _maxLat, _scale;

    public MapLayers Layers { get; }
    public string Title { get; }

    public Plot(MapLayers layers, string title)
    {
        (Layers, Title) = (layers, title);
        var points = layers.Resources.Select(r => new GeoPoint(r.Lat, r.Lon)).Concat(layers.Shelters.Select(s => new GeoPoint(s.Lat, s.Lon)))
            .Concat(layers.Areas.SelectMany(a => a.Polygon)).Concat(layers.Routes.SelectMany(r => r.Waypoints)).ToList();
        if (points.Count == 0) points = [new(Geometry.MinLat, Geometry.MinLon), new(Geometry.MaxLat, Geometry.MaxLon)];
        (_minLat, _maxLat, _minLon, _maxLon) = (points.Min(p => p.Lat), points.Max(p => p.Lat), points.Min(p => p.Lon), points.Max(p => p.Lon));
        var cos = Math.Cos((_minLat + _maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max((_maxLon - _minLon) * cos, 1e-4);
        var spanY = Math.Max(_maxLat - _minLat, 1e-4);
        _scale = Math.Min((Width - 2 * Margin) / spanX, (Height - 2 * Margin) / spanY);
        Cos = cos;
    }

    private double Cos { get; }

    public (double X, double Y) Project(double lat, double lon) => (Margin + (lon - _minLon) * Cos * _scale, Margin + (_maxLat - lat) * _scale);

    public string X(double lat, double lon) => Project(lat, lon).X.ToString("0.#", CultureInfo.InvariantCulture);

    public string Y(double lat, double lon) => Project(lat, lon).Y.ToString("0.#", CultureInfo.InvariantCulture);

    public string Points(IEnumerable<GeoPoint> points) =>
        string.Join(' ', points.Select(p => Project(p.Lat, p.Lon)).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));

    public static string Coordinates(double lat, double lon) => string.Create(CultureInfo.InvariantCulture, $"{lat:0.#####}, {lon:0.#####}");
}
