using System.Globalization;
using ChatBot.Timeline;

namespace ChatBot.Web;

/// <summary>A bar chart of a timeline as inline SVG: one bar per period, each a link to that period's quotes.</summary>
internal static class TimelineChart
{
    private const int Width = 640, Height = 260, Left = 36, Bottom = 30, Top = 22;

    /// <summary>Period labels are thinned out so that at most this many are written under the bars.</summary>
    private const int MaxLabels = 8;

    /// <summary>Counts are written above the bars only when each bar has at least this much room (viewBox units).</summary>
    private const double MinSlotForCounts = 22;

    public static void Render(Html html, Timeline.Timeline timeline, Func<TimelineBucket, string> link)
    {
        var buckets = timeline.Buckets;
        int max = Math.Max(1, buckets.Max(b => b.Count));
        double slot = (Width - Left) / (double)buckets.Count;
        double bar = Math.Max(2, slot * 0.7);
        int labelEvery = (int)Math.Ceiling(buckets.Count / (double)MaxLabels);
        var c = CultureInfo.InvariantCulture;
        string unit = timeline.Granularity == TimelineGranularity.Month ? "month" : "year";
        html.Add($"""<svg class="chart" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="chart-title"><title id="chart-title">Statements on “{timeline.Topic}” per {unit}</title>""");
        html.Add($"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width}" y2="{Height - Bottom}" stroke="#8c959f"/>""");
        html.Add($"""<text x="{Left - 6}" y="{Top + 4}" text-anchor="end">{max}</text><text x="{Left - 6}" y="{Height - Bottom}" text-anchor="end">0</text>""");
        for (int i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            double h = (Height - Bottom - Top) * b.Count / (double)max;
            double x = Left + i * slot + (slot - bar) / 2;
            double y = Height - Bottom - h;
            string label = $"{b.Period}: {b.Count} {(b.Count == 1 ? "statement" : "statements")}{(b.Capped ? " or more" : "")}";
            if (b.Count > 0)
            {
                html.Add($"""<a href="{link(b)}" aria-label="{label}"><title>{label}</title><rect x="{x.ToString("F1", c)}" y="{y.ToString("F1", c)}" width="{bar.ToString("F1", c)}" height="{h.ToString("F1", c)}"/></a>""");
                if (slot >= MinSlotForCounts)
                    html.Add($"""<text x="{(x + bar / 2).ToString("F1", c)}" y="{(y - 4).ToString("F1", c)}" text-anchor="middle">{b.Count}{(b.Capped ? "+" : "")}</text>""");
            }

            if (i % labelEvery == 0)
                html.Add($"""<text x="{(x + bar / 2).ToString("F1", c)}" y="{Height - Bottom + 20}" text-anchor="middle">{b.Period}</text>""");
        }

        html.Add($"</svg>");
    }
}
