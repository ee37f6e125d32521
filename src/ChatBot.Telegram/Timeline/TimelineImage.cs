using System.Globalization;
using ChatBot.Timeline;
using SkiaSharp;

namespace ChatBot.Telegram.Timeline;

/// <summary>
/// Draws a timeline as a PNG bar chart (SkiaSharp): one bar per year or month with its count, period labels under the
/// bars, the topic as title. Text uses the first font file found of <see cref="FontFiles"/>, else Skia's default.
/// </summary>
internal static class TimelineImage
{
    public const int Width = 960, Height = 540;

    private const float Left = 56, Right = 24, Top = 64, Bottom = 56;

    /// <summary>Period labels are thinned out so that at most this many are written under the bars.</summary>
    private const int MaxLabels = 12;

    /// <summary>Font files tried in order (Debian's DejaVu and Liberation packages).</summary>
    public static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    private static readonly Lazy<SKTypeface> s_typeface = new(() =>
        FontFiles.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t is not null) ?? SKTypeface.Default);

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Render(ChatBot.Timeline.Timeline timeline)
    {
        var info = new SKImageInfo(Width, Height);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var title = new SKFont(s_typeface.Value, 26);
        using var small = new SKFont(s_typeface.Value, 16);
        using var ink = new SKPaint { Color = new SKColor(0x1b, 0x1f, 0x24), IsAntialias = true };
        using var bars = new SKPaint { Color = new SKColor(0x0a, 0x58, 0xca), IsAntialias = true };
        using var axis = new SKPaint { Color = new SKColor(0x8c, 0x95, 0x9f), StrokeWidth = 2 };

        string unit = timeline.Granularity == TimelineGranularity.Month ? "month" : "year";
        canvas.DrawText($"“{timeline.Topic}”: statements per {unit}", Left, 40, SKTextAlign.Left, title, ink);
        canvas.DrawLine(Left, Height - Bottom, Width - Right, Height - Bottom, axis);

        var buckets = timeline.Buckets;
        if (buckets.Count == 0)
        {
            canvas.DrawText("No statement uses these words.", Width / 2f, Height / 2f, SKTextAlign.Center, title, ink);
            return Encode(surface);
        }

        int max = Math.Max(1, buckets.Max(b => b.Count));
        float slot = (Width - Left - Right) / buckets.Count;
        float barWidth = Math.Max(2, slot * 0.7f);
        int labelEvery = (int)Math.Ceiling(buckets.Count / (double)MaxLabels);
        canvas.DrawText(max.ToString(CultureInfo.InvariantCulture), Left - 8, Top + 6, SKTextAlign.Right, small, ink);
        canvas.DrawText("0", Left - 8, Height - Bottom, SKTextAlign.Right, small, ink);
        for (int i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            float h = (Height - Top - Bottom) * b.Count / max;
            float x = Left + i * slot + (slot - barWidth) / 2;
            if (b.Count > 0)
            {
                canvas.DrawRect(x, Height - Bottom - h, barWidth, h, bars);
                canvas.DrawText(b.Count.ToString(CultureInfo.InvariantCulture) + (b.Capped ? "+" : ""), x + barWidth / 2, Height - Bottom - h - 6, SKTextAlign.Center, small, ink);
            }

            if (i % labelEvery == 0) canvas.DrawText(b.Period, x + barWidth / 2, Height - Bottom + 24, SKTextAlign.Center, small, ink);
        }

        return Encode(surface);
    }

    private static byte[] Encode(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
