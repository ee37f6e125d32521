using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ChatBot.Model;
using ChatBot.Text;

namespace ChatBot.Parsing;

/// <summary>
/// UN General Debate speeches (<c>ISO_SESSION_YEAR.txt</c>, one speech a file, no turns). Who spoke comes from
/// <c>speakers.csv</c> (year, session, iso, country, speaker, post) found beside the file or in a parent folder,
/// so one speech or a whole year folder can be ingested. The whole speech is one principal turn. Thread-safe.
/// </summary>
public sealed partial class UnGeneralDebateParser : ITranscriptParser
{
    private const string SpeakerTable = "speakers.csv";
    private readonly ConcurrentDictionary<string, SpeakerTableCache> _tables = new(StringComparer.Ordinal);
    private readonly ParsingLimits _limits;

    /// <summary>Creates the parser with the given limits (defaults when null).</summary>
    public UnGeneralDebateParser(ParsingLimits? limits = null) => _limits = limits ?? new ParsingLimits();

    /// <summary>The format name of UN General Debate speeches (<see cref="DocumentInfo.Format"/>).</summary>
    public const string FormatName = "un-general-debate";

    /// <inheritdoc />
    public string Format => FormatName;

    [GeneratedRegex(@"^(?<iso>[A-Z]{2,3})_(?<session>\d{1,3})_(?<year>\d{4})\.txt$")]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"^(?:(?:Mr|Mrs|Ms|Miss|Dr|H\.\s?E|HE)\.?\s+|(?:His|Her)\s+(?:Excellency|Majesty|Royal Highness)\s+)+")]
    private static partial Regex HonorificRegex();

    /// <inheritdoc />
    public bool CanParse(SourceFile file) =>
        TryReadFileName(file.FileName, out _, out _, out _) && FindSpeakerTable(file.Path) is not null;

    /// <inheritdoc />
    public TranscriptDocument Parse(SourceFile file)
    {
        if (!TryReadFileName(file.FileName, out var iso, out int session, out int year))
            throw new TranscriptFormatException(file.Path, null, "the file name is not of the form ISO_SESSION_YEAR.txt");
        var tablePath = FindSpeakerTable(file.Path)
            ?? throw new TranscriptFormatException(file.Path, null, $"no {SpeakerTable} beside the file or in a parent folder says who gave this speech");
        if (year < _limits.FirstUnYear || year > _limits.LastUnYearOrDefault)
            throw new TranscriptFormatException(file.Path, null,
                $"the file name's year {year} is outside {_limits.FirstUnYear}-{_limits.LastUnYearOrDefault}, the years of UN General Debates (ChatBot:Ingest:FirstUnYear, LastUnYear)");
        var row = LoadTable(tablePath).Find(year, iso)
            ?? throw new TranscriptFormatException(file.Path, null, $"{tablePath} has no row for {iso} in {year}");

        var text = file.Text;
        var body = Paragraphs.Trim(text, 0, text.Length);
        if (body.Length == 0) throw new TranscriptFormatException(file.Path, 1, "the speech is empty");
        var speaker = CleanName(row.Speaker);
        var post = string.IsNullOrWhiteSpace(row.Post) ? null : row.Post.Trim();
        var country = row.Country.Trim();
        var title = UnGeneralDebateTitle.Format(speaker, post, country, session);

        return new TranscriptDocument
        {
            Id = DocumentIds.ForPath(file.Path),
            Title = title,
            Date = null,
            Year = year,
            Place = "UN General Assembly, New York",
            Url = null,
            Source = file.Path,
            Format = Format,
            Text = text[..body.End],
            TextOffset = 0,
            ContentHash = file.ContentHash,
            Turns = [new Turn(0, speaker, null, SpeakerRole.Principal, body.Start, body.End, post)],
        };
    }

    /// <summary>
    /// The country code, session and year of a speech file's name ("RUS_71_2016.txt" gives RUS, 71, 2016); false when
    /// the name is not of that form.
    /// </summary>
    public static bool TryReadFileName(string fileName, out string iso, out int session, out int year)
    {
        var m = FileNameRegex().Match(fileName);
        iso = m.Success ? m.Groups["iso"].Value : "";
        session = m.Success ? int.Parse(m.Groups["session"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        year = m.Success ? int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return m.Success;
    }

    /// <summary>"Mr. Sergey Lavrov" gives "Sergey Lavrov": honorifics go, the name stays as the table spells it.</summary>
    internal static string CleanName(string name) => HonorificRegex().Replace(Whitespace.Collapse(name), "").Trim();

    private static string? FindSpeakerTable(string path)
    {
        var dir = Path.GetDirectoryName(path);
        for (int depth = 0; dir is not null && depth < 4; depth++, dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, SpeakerTable);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    private SpeakerTableCache LoadTable(string path)
    {
        var stamp = File.GetLastWriteTimeUtc(path);
        if (_tables.TryGetValue(path, out var cached) && cached.Stamp == stamp) return cached;
        var table = SpeakerTableCache.Load(path, stamp);
        _tables[path] = table;
        return table;
    }

    private sealed record SpeakerRow(string Country, string Speaker, string Post);

    private sealed class SpeakerTableCache(DateTime stamp, Dictionary<(int, string), SpeakerRow> rows)
    {
        public DateTime Stamp { get; } = stamp;

        public SpeakerRow? Find(int year, string iso) => rows.GetValueOrDefault((year, iso));

        public static SpeakerTableCache Load(string path, DateTime stamp)
        {
            var rows = new Dictionary<(int, string), SpeakerRow>();
            int[]? columns = null;
            foreach (var (line, fields) in Csv.Read(File.ReadAllText(path)))
            {
                if (columns is null)
                {
                    var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                    columns = new[] { "year", "iso", "country", "speaker", "post" }.Select(n => names.IndexOf(n)).ToArray();
                    if (columns[0] < 0 || columns[1] < 0 || columns[3] < 0)
                        throw new TranscriptFormatException(path, line, "the header must name the columns year, iso and speaker");
                    continue;
                }

                string Field(int c) => c >= 0 && c < fields.Length ? fields[c] : "";
                if (!int.TryParse(Field(columns[0]), out int year)) continue;
                rows[(year, Field(columns[1]).Trim())] = new SpeakerRow(Field(columns[2]), Field(columns[3]), Field(columns[4]));
            }

            return new SpeakerTableCache(stamp, rows);
        }
    }
}
