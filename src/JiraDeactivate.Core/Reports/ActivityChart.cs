using System.Globalization;
using System.Text;

namespace JiraDeactivate.Core.Reports;

/// <summary>Draws an <see cref="ActivityHistogram"/> as inline SVG: one bar per month, "earlier" and "never" apart.</summary>
internal static class ActivityChart
{
    private const int Width = 880;
    private const int Height = 240;
    private const int Left = 44;
    private const int Top = 12;
    private const int Bottom = 36;
    private const int Gap = 3;

    public static string Svg(ActivityHistogram histogram)
    {
        var bars = new List<(string Label, string Title, int Users, string Class)>();
        if (histogram.Earlier > 0)
        {
            bars.Add(("earlier", $"Before {Month(histogram.Months[0].Month)}: {Users(histogram.Earlier)}", histogram.Earlier, "earlier"));
        }

        foreach (var (month, users) in histogram.Months)
        {
            bars.Add((Month(month), $"{month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}: {Users(users)}", users, "bar"));
        }

        bars.Add(("never", $"Never used: {Users(histogram.NeverActive)}", histogram.NeverActive, "never"));

        int max = Math.Max(1, bars.Max(b => b.Users));
        double plotHeight = Height - Top - Bottom;
        double slot = (Width - Left) / (double)(bars.Count + 1);
        double barWidth = Math.Max(2, slot - Gap);
        int labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / 12.0));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {Width} {Height}\"><title id=\"chart-title\">Users per month of last activity</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\">{max:N0}</text><text x=\"{Left - 6}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>");
        for (int i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            // The never-used bar stands one slot apart from the months.
            double x = Left + Gap + (i * slot) + (bar.Class == "never" ? slot : 0);
            double h = bar.Users == 0 ? 0 : Math.Max(1, plotHeight * bar.Users / max);
            double y = Height - Bottom - h;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{bar.Class}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\"><title>{HtmlText.Escape(bar.Title)}</title></rect>");
            if (i % labelEvery == 0 || bar.Class != "bar")
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\">{HtmlText.Escape(bar.Label)}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Month(DateTime month) => month.ToString("MMM yy", CultureInfo.InvariantCulture);

    private static string Users(int count) => count == 1 ? "1 user" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} users";
}
