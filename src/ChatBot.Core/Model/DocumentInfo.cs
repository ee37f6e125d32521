namespace ChatBot.Model;

/// <summary>What a citation needs to know of a document: title, when, where, link and file.</summary>
public record DocumentInfo
{
    /// <summary>Stable document id.</summary>
    public required string Id { get; init; }

    /// <summary>Title of the event or statement.</summary>
    public required string Title { get; init; }

    /// <summary>Full date, when known.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Year, when known.</summary>
    public int? Year { get; init; }

    /// <summary>Venue.</summary>
    public string? Place { get; init; }

    /// <summary>Link to the published transcript.</summary>
    public string? Url { get; init; }

    /// <summary>Path of the ingested file.</summary>
    public required string Source { get; init; }

    /// <summary>Source format name.</summary>
    public required string Format { get; init; }

    /// <summary>The date as ISO text ("2017-11-08"), or the year alone ("2017"), or null.</summary>
    public string? DateText => Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>First day the statement may have been made (the date, or 1 January of the year).</summary>
    public DateOnly? DateFrom => Date ?? (Year is int y ? new DateOnly(y, 1, 1) : null);

    /// <summary>Last day the statement may have been made (the date, or 31 December of the year).</summary>
    public DateOnly? DateTo => Date ?? (Year is int y ? new DateOnly(y, 12, 31) : null);

    /// <summary>The citation fields alone, without a parsed document's text and turns.</summary>
    public static DocumentInfo From(TranscriptDocument d) => new()
    {
        Id = d.Id, Title = d.Title, Date = d.Date, Year = d.Year, Place = d.Place, Url = d.Url, Source = d.Source, Format = d.Format,
    };
}
