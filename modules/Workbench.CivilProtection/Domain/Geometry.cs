namespace Workbench.CivilProtection.Domain;

/// <summary>The checks on coordinates and polygons: Latvia's bounding box, closed rings, rings that do not cross themselves.</summary>
public static class Geometry
{
    // Latvia's extent with a small margin (mainland and territorial waters: 55.67–58.09 N, 20.97–28.24 E).
    public const double MinLat = 55.6, MaxLat = 58.1, MinLon = 20.9, MaxLon = 28.3;

    public static bool IsValid(double lat, double lon) => lat is >= -90 and <= 90 && lon is >= -180 and <= 180 && double.IsFinite(lat) && double.IsFinite(lon);

    public static bool InLatvia(double lat, double lon) => lat is >= MinLat and <= MaxLat && lon is >= MinLon and <= MaxLon;

    public static bool IsClosed(IReadOnlyList<GeoPoint> ring) => ring.Count >= 4 && ring[0] == ring[^1];

    /// <summary>Whether two edges of the closed ring that are not neighbours touch or cross (a bow-tie, a figure eight).</summary>
    public static bool SelfIntersects(IReadOnlyList<GeoPoint> ring)
    {
        var edges = ring.Count - 1;
        for (var i = 0; i < edges; i++)
            for (var j = i + 1; j < edges; j++)
            {
                // Neighbouring edges share a vertex, and so do the first and the last.
                if (j == i + 1 || (i == 0 && j == edges - 1)) continue;
                if (SegmentsIntersect(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
            }
        return false;
    }

    private static bool SegmentsIntersect(GeoPoint a, GeoPoint b, GeoPoint c, GeoPoint d)
    {
        double Cross(GeoPoint o, GeoPoint p, GeoPoint q) => (p.Lon - o.Lon) * (q.Lat - o.Lat) - (p.Lat - o.Lat) * (q.Lon - o.Lon);
        bool Within(GeoPoint o, GeoPoint p, GeoPoint q) =>
            Math.Min(o.Lon, p.Lon) <= q.Lon && q.Lon <= Math.Max(o.Lon, p.Lon) && Math.Min(o.Lat, p.Lat) <= q.Lat && q.Lat <= Math.Max(o.Lat, p.Lat);
        var (d1, d2, d3, d4) = (Cross(c, d, a), Cross(c, d, b), Cross(a, b, c), Cross(a, b, d));
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
        return (d1 == 0 && Within(c, d, a)) || (d2 == 0 && Within(c, d, b)) || (d3 == 0 && Within(a, b, c)) || (d4 == 0 && Within(a, b, d));
    }
}
