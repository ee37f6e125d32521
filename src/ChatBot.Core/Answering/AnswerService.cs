using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Answering;

/// <summary>
/// The ask pipeline: question (plus the conversation, for follow-ups) -> retrieval -> quote selection (relevant,
/// diverse, at most N) -> composition -> verification -> answer with numbered citations. Extractive by default
/// (verbatim quotes under a neutral lead); with a chat model configured, the model writes the answer from
/// numbered passages and every quoted span is checked against its cited passage, falling back to the extractive
/// answer when a check fails or the model does not answer; a model that finds no answer in the passages refuses
/// (<see cref="AnswerOptions.ModelMayRefuse"/>). When nothing relevant is found it says so. Thread-safe.
/// </summary>
public sealed partial class AnswerService : IAnswerService
{
    /// <summary>The whole reply the Answer prompt asks for when none of the passages answers the question.</summary>
    public const string NoAnswerReply = "NO_ANSWER";

    private readonly ISearchService _search;
    private readonly IPromptFunctions? _prompts;
    private readonly AnswerOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the service; without <paramref name="prompts"/> (no chat model configured) every answer is extractive.</summary>
    public AnswerService(ISearchService search, AnswerOptions? options = null, IPromptFunctions? prompts = null, ILogger<AnswerService>? logger = null)
    {
        _search = search;
        _options = options ?? new AnswerOptions();
        _prompts = prompts;
        _logger = logger ?? NullLogger<AnswerService>.Instance;
    }

    /// <summary>Whether answers can be written by a language model.</summary>
    public bool UsesModel => _prompts is not null;

    /// <inheritdoc />
    public async Task<Answer> AskAsync(string question, IReadOnlyList<Answer>? history = null, AskOptions? options = null, CancellationToken cancellationToken = default)
    {
        SearchQuery.CheckText(question, "question", nameof(question));
        int limit = options?.Limit ?? _options.DefaultQuotes;
        if (limit < 1 || limit > _options.MaxQuotes) throw new ArgumentException($"The number of quotes must be between 1 and {_options.MaxQuotes}; it was {limit}.", nameof(options));
        bool useModel = _prompts is not null && options?.QuotesOnly != true;

        var standalone = await StandaloneQuestionAsync(question.Trim(), history, useModel, cancellationToken);
        var response = await _search.SearchAsync(new SearchQuery { Query = standalone, Limit = Math.Min(SearchQuery.MaxLimit, limit * 3) }, cancellationToken);
        // Relevance was decided once, by the search's policy: the first results of an answerable question are quoted.
        var quotes = response.Answerable ? ChooseQuotes(response.Results, limit, q => q.Document.Id) : [];
        var interpretation = response.Interpretation;

        if (quotes.Count == 0)
        {
            var reason = interpretation.Speakers is { Count: 0 } ? RefusalReason.SpeakerNotFound
                : response.Results.Count == 0 && (interpretation.From is not null || interpretation.To is not null) ? RefusalReason.NothingInPeriod
                : RefusalReason.NothingRelevant;
            return RefusedAnswer(question, standalone, interpretation, response.DocumentsSearched, reason, AnswerMode.Extractive, Refusal(interpretation, response.DocumentsSearched));
        }

        var extractive = Extractive(question, standalone, interpretation, quotes, response.DocumentsSearched);
        if (!useModel) return extractive;
        return await GenerateAsync(extractive, cancellationToken);
    }

    /// <summary>The follow-up made standalone: by the model when configured, else by rule.</summary>
    private async Task<string> StandaloneQuestionAsync(string question, IReadOnlyList<Answer>? history, bool useModel, CancellationToken ct)
    {
        if (history is not { Count: > 0 }) return question;
        if (useModel)
        {
            try
            {
                var transcript = string.Join('\n', history.TakeLast(4).Select(a => $"User: {a.StandaloneQuestion}\nAssistant: {a.Lead}"));
                var reply = await _prompts!.InvokeAsync("Condense", new Dictionary<string, object?> { ["history"] = transcript, ["question"] = question }, ct);
                var condensed = reply.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?.Trim('"', '“', '”');
                if (!string.IsNullOrWhiteSpace(condensed) && condensed.Length <= SearchQuery.MaxQueryLength) return condensed;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogModelFailed(_logger, "condense", e);
            }
        }

        return FollowUpResolver.Resolve(question, history, await _search.InterpretAsync(question, ct)).Question;
    }

    /// <summary>
    /// The quotes of an answer: at most <paramref name="limit"/> of the search's results, preferring different documents,
    /// in the search's order (the rule the relevance fitter simulates).
    /// </summary>
    public static List<T> ChooseQuotes<T>(IReadOnlyList<T> results, int limit, Func<T, string> document)
    {
        var chosen = new HashSet<int>();
        var documents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pass in new[] { true, false })
        {
            for (int i = 0; i < results.Count && chosen.Count < limit; i++)
            {
                if (chosen.Contains(i) || (pass && documents.Contains(document(results[i])))) continue;
                chosen.Add(i);
                documents.Add(document(results[i]));
            }
        }

        return results.Where((_, i) => chosen.Contains(i)).ToList();
    }

    private static Answer Extractive(string question, string standalone, QueryInterpretation interpretation, List<QuoteResult> quotes, int documents)
    {
        var speakers = quotes.Select(q => q.Speaker).Distinct().ToList();
        // One speaker, or spellings of the one the question named ("Sergey V. Lavrov"), reads as that speaker.
        var named = interpretation.Speakers is { Count: > 0 } filter && speakers.All(filter.Contains) ? filter[0] : null;
        var who = speakers.Count == 1 ? speakers[0] : named;
        var parts = new AnswerLead(who, interpretation.TopicAsWritten ? QueryAnalyzer.LeadTopic(interpretation.DisplayTopic) : null, quotes.Count, interpretation.NewestFirst);
        var lead = parts.ToString();
        var text = new StringBuilder(lead);
        for (int i = 0; i < quotes.Count; i++)
        {
            text.Append("\n\n[").Append(i + 1).Append("] “").Append(MarkupText.ForDisplay(quotes[i].Text)).Append("”\n    — ").Append(CitationBuilder.For(quotes[i]));
            if (RelayedNote.For(quotes[i]) is { } relayed) text.Append("\n    ").Append(relayed);
        }

        return new Answer
        {
            Question = question, StandaloneQuestion = standalone, Text = text.ToString(), Lead = lead, Mode = AnswerMode.Extractive, Refused = false,
            Quotes = quotes, DocumentsSearched = documents, Topic = interpretation.Topic, Speakers = interpretation.Speakers ?? (speakers.Count == 1 ? speakers : null),
            LeadParts = parts, Interpretation = interpretation,
        };
    }

    /// <summary>The model's answer from numbered passages, accepted only if every quote and citation checks out.</summary>
    private async Task<Answer> GenerateAsync(Answer extractive, CancellationToken ct)
    {
        long started = Stopwatch.GetTimestamp();
        var passages = extractive.Quotes.Select(q => q.Text).ToList();
        string reply;
        try
        {
            var numbered = new StringBuilder();
            for (int i = 0; i < extractive.Quotes.Count; i++)
            {
                numbered.Append('[').Append(i + 1).Append("] ").Append(CitationBuilder.For(extractive.Quotes[i])).Append('\n');
                if (RelayedNote.For(extractive.Quotes[i]) is { } relayed) numbered.Append('(').Append(relayed).Append(")\n");
                numbered.Append(Whitespace.Collapse(passages[i])).Append("\n\n");
            }

            reply = await _prompts!.InvokeAsync("Answer", new Dictionary<string, object?>
            {
                ["question"] = extractive.StandaloneQuestion,
                ["passages"] = numbered.ToString().TrimEnd(),
                ["count"] = extractive.Quotes.Count,
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogModelFailed(_logger, "answer", e);
            return extractive with { Notice = "The language model did not answer; these are the verified quotes." };
        }

        if (_options.ModelMayRefuse && IsNoAnswer(reply))
        {
            LogModelRefused(_logger, passages.Count);
            var interpretation = extractive.Interpretation!;
            return RefusedAnswer(extractive.Question, extractive.StandaloneQuestion, interpretation, extractive.DocumentsSearched, RefusalReason.ModelFoundNoAnswer,
                AnswerMode.Llm, ModelRefusal(interpretation, passages.Count, extractive.DocumentsSearched));
        }

        var check = QuoteVerifier.Verify(reply, passages.Select(Whitespace.Collapse).ToList());
        if (check.FabricatedQuotes.Count > 0)
        {
            LogRejected(_logger, check.FabricatedQuotes.Count, "quoted words not found in the cited passage");
            return extractive with { Notice = "The language model's answer quoted words that are not in the transcripts, so it was discarded; these are the verified quotes." };
        }

        if (check.ValidCitations.Count == 0 || string.IsNullOrWhiteSpace(check.Text))
        {
            LogRejected(_logger, check.DroppedCitations.Count, "no citation of a real passage");
            return extractive with { Notice = "The language model's answer cited no passage, so it was discarded; these are the verified quotes." };
        }

        LogGenerated(_logger, check.ValidCitations.Count, check.DroppedCitations.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return extractive with
        {
            Text = check.Text.Trim(),
            Mode = AnswerMode.Llm,
            Notice = check.DroppedCitations.Count > 0
                ? $"Citations to passages that do not exist were removed ({string.Join(", ", check.DroppedCitations.Select(n => $"[{n}]"))})."
                : null,
        };
    }

    /// <summary>Whether the model's whole reply is <see cref="NoAnswerReply"/> (quotes, backticks, a full stop and case aside).</summary>
    internal static bool IsNoAnswer(string reply) =>
        reply.Trim().Trim('"', '\'', '`', '.', '“', '”').Trim().Equals(NoAnswerReply, StringComparison.OrdinalIgnoreCase);

    private static Answer RefusedAnswer(string question, string standalone, QueryInterpretation interpretation, int documents, RefusalReason reason, AnswerMode mode, string text) => new()
    {
        Question = question, StandaloneQuestion = standalone, Text = text, Lead = text, Mode = mode, Refused = true,
        Quotes = [], DocumentsSearched = documents, Topic = interpretation.Topic, Speakers = interpretation.Speakers,
        RefusalReason = reason, Interpretation = interpretation,
    };

    private static string ModelRefusal(QueryInterpretation i, int read, int documents) => string.Create(CultureInfo.InvariantCulture,
        $"The language model read the {read} closest {(read == 1 ? "statement" : "statements")}{By(i)} on “{i.DisplayTopic}” and found that none answers the question: {Searched(documents)}");

    private static string Refusal(QueryInterpretation i, int documents)
    {
        var when = (i.From, i.To) switch
        {
            ({ } f, { } t) => $" between {f:yyyy-MM-dd} and {t:yyyy-MM-dd}",
            ({ } f, null) => $" since {f:yyyy-MM-dd}",
            (null, { } t) => $" before {t:yyyy-MM-dd}",
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"The transcripts hold no statement{By(i)} on “{i.DisplayTopic}”{when}: {Searched(documents)}");
    }

    // The parts every refusal shares: whose words were searched, and how much.
    private static string By(QueryInterpretation i) => i.Speakers is { Count: > 0 } s ? $" by {s[0]}" : "";

    private static string Searched(int documents) =>
        string.Create(CultureInfo.InvariantCulture, $"{documents} {(documents == 1 ? "document was" : "documents were")} searched.");

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The language model failed at the {Step} step; answering from quotes")]
    private static partial void LogModelFailed(ILogger logger, string step, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Rejected the language model's answer ({Count}): {Reason}")]
    private static partial void LogRejected(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "The language model found no answer in the {Count} passages; refusing")]
    private static partial void LogModelRefused(ILogger logger, int count);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Model answer accepted with {Citations} citations ({Dropped} dropped) in {Milliseconds:F0} ms")]
    private static partial void LogGenerated(ILogger logger, int citations, int dropped, double milliseconds);
}
