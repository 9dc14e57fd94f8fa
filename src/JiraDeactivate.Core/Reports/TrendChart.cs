using System.Globalization;
using System.Text;

namespace JiraDeactivate.Core.Reports;

/// <summary>Draws the runs of the report's history as inline SVG: inactive seats and freed seats, one point per run.</summary>
internal static class TrendChart
{
    private const int Width = 880;
    private const int Height = 220;
    private const int Left = 44;
    private const int Right = 16;
    private const int Top = 12;
    private const int Bottom = 36;

    public static string Svg(IReadOnlyList<ReportSnapshot> runs)
    {
        int max = Math.Max(1, runs.Max(r => Math.Max(r.InactiveSeats, r.FreedSeats ?? 0)));
        double plotHeight = Height - Top - Bottom;
        double step = runs.Count > 1 ? (Width - Left - Right - 20) / (double)(runs.Count - 1) : 0;
        double X(int i) => runs.Count > 1 ? Left + 10 + (i * step) : Left + ((Width - Left - Right) / 2.0);
        double Y(int value) => Height - Bottom - (plotHeight * value / max);
        int labelEvery = Math.Max(1, (int)Math.Ceiling(runs.Count / 10.0));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"trend-title\" viewBox=\"0 0 {Width} {Height}\"><title id=\"trend-title\">Inactive seats and freed seats per run</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\">{max:N0}</text><text x=\"{Left - 6}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>");
        Series(svg, runs, "t-inactive", r => r.InactiveSeats, "inactive seats", X, Y);
        Series(svg, runs, "t-freed", r => r.FreedSeats, "seats freed", X, Y);
        for (int i = 0; i < runs.Count; i += labelEvery)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\">{ReportNumbers.Date(runs[i].GeneratedAt)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Series(StringBuilder svg, IReadOnlyList<ReportSnapshot> runs, string css, Func<ReportSnapshot, int?> value, string label, Func<int, double> x, Func<int, double> y)
    {
        var points = runs.Select((run, i) => (Run: run, Index: i, Value: value(run))).Where(p => p.Value is not null).ToList();
        if (points.Count == 0)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{css}\" data-series=\"{label}\">");
        if (points.Count > 1)
        {
            svg.Append("<polyline points=\"");
            svg.AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{x(p.Index):0.#},{y(p.Value!.Value):0.#}")));
            svg.Append("\"/>");
        }

        foreach (var (run, index, count) in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x(index):0.#}\" cy=\"{y(count!.Value):0.#}\" r=\"4\" data-value=\"{count}\"><title>{ReportNumbers.Timestamp(run.GeneratedAt)}: {count:N0} {label}</title></circle>");
        }

        svg.Append("</g>");
    }
}
