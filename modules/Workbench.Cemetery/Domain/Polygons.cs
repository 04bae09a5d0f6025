using System.Globalization;
using System.Text.Json;

namespace Workbench.Cemetery.Domain;

/// <summary>Outlines on a scheme: 3–100 points inside the scheme, not all on one line, kept as JSON <c>[[x,y],…]</c>.</summary>
public static class Polygons
{
    public const int MaxPoints = 100;

    /// <summary>The problem with the outline, or null when it is good.</summary>
    public static string? Problem(IReadOnlyList<double[]>? points, int width, int height)
    {
        if (points is null || points.Count < 3 || points.Count > MaxPoints)
            return $"Kontūrai vajag no 3 līdz {MaxPoints} punktiem.";
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is not { Length: 2 } p || !double.IsFinite(p[0]) || !double.IsFinite(p[1]))
                return $"Punktam {i + 1} jābūt [x, y].";
            if (p[0] < 0 || p[1] < 0 || p[0] > width || p[1] > height)
                return $"Punkts {i + 1} ({p[0]}, {p[1]}) ir ārpus shēmas 0–{width} × 0–{height}.";
        }
        return Math.Abs(Area(points)) < 1e-6 ? "Kontūrai nav laukuma: punkti ir uz vienas līnijas." : null;
    }

    public static double Area(IReadOnlyList<double[]> points)
    {
        double sum = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var (a, b) = (points[i], points[(i + 1) % points.Count]);
            sum += a[0] * b[1] - b[0] * a[1];
        }
        return sum / 2;
    }

    public static string ToJson(IReadOnlyList<double[]> points) => JsonSerializer.Serialize(points.Select(p => new[] { Math.Round(p[0], 2), Math.Round(p[1], 2) }));

    /// <summary>Reads what <see cref="ToJson"/> wrote (numbers and brackets only) without a JSON parser: the scheme of thousands of sites reads each one.</summary>
    public static double[][] FromJson(string? json)
    {
        if (json is null) return [];
        var numbers = json.Split(['[', ']', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var points = new double[numbers.Length / 2][];
        for (var i = 0; i < points.Length; i++)
            points[i] = [double.Parse(numbers[2 * i], CultureInfo.InvariantCulture), double.Parse(numbers[2 * i + 1], CultureInfo.InvariantCulture)];
        return points;
    }

    public static (double X, double Y) Centre(IReadOnlyList<double[]> points) => (points.Average(p => p[0]), points.Average(p => p[1]));

    /// <summary>SVG <c>points</c> attribute.</summary>
    public static string SvgPoints(IReadOnlyList<double[]> points) =>
        string.Join(' ', points.Select(p => $"{p[0].ToString(CultureInfo.InvariantCulture)},{p[1].ToString(CultureInfo.InvariantCulture)}"));
}
