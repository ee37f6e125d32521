using ChatBot.Answering;
using ChatBot.Conversations;
using ChatBot.Model;
using ChatBot.Retrieval;
using Microsoft.Extensions.Options;

namespace ChatBot.Telegram.Tests.Support;

/// <summary>A small transcript (question, answer, remark) and quotes and answers built from it.</summary>
internal static class TestData
{
    public const string QuestionTurnText = "Question: What do you think about the situation on the Korean Peninsula & the sanctions?";

    public const string AnswerTurnText =
        "We are convinced that there is no alternative to a political and diplomatic settlement of the nuclear problem of the Korean Peninsula.\n\n" +
        "Sanctions have practically exhausted their potential. We must sit down at the negotiating table.";

    public const string RemarkTurnText = "Thank you.";

    public static readonly string DocumentText = QuestionTurnText + "\n\nSergey Lavrov: " + AnswerTurnText + "\n\nModerator: " + RemarkTurnText;

    public static TranscriptDocument Document { get; } = BuildDocument();

    public static DocumentInfo Info => DocumentInfo.From(Document);

    /// <summary>The real conversation store, with default bounds unless given, on the system clock unless given.</summary>
    public static ConversationStore Conversations(TimeProvider? time = null, ConversationOptions? options = null) =>
        new(Options.Create(options ?? new ConversationOptions()), time ?? TimeProvider.System);

    /// <summary>An extractive answer citing one verbatim quote (the answer turn's first paragraph).</summary>
    public static Answer ExtractiveAnswer(string question, params QuoteResult[] quotes)
    {
        if (quotes.Length == 0) quotes = [Quote(AnswerTurnText[..AnswerTurnText.IndexOf("\n\n", StringComparison.Ordinal)])];
        return new Answer
        {
            Question = question,
            StandaloneQuestion = question,
            Text = "Sergey Lavrov on the Korean Peninsula: [1]",
            Lead = $"Sergey Lavrov on the Korean Peninsula, {quotes.Length} statement{(quotes.Length == 1 ? "" : "s")}:",
            Mode = AnswerMode.Extractive,
            Refused = false,
            Quotes = quotes,
            DocumentsSearched = 2,
            Topic = "Korean Peninsula",
        };
    }

    public static Answer Refusal(string question, int documentsSearched) => new()
    {
        Question = question,
        StandaloneQuestion = question,
        Text = "The transcripts hold nothing on that topic.",
        Lead = "The transcripts hold nothing on that topic.",
        Mode = AnswerMode.Extractive,
        Refused = true,
        Quotes = [],
        DocumentsSearched = documentsSearched,
    };

    /// <summary>A quote of the given text; its offsets point into the document when the text is found there.</summary>
    public static QuoteResult Quote(string text, DocumentInfo? document = null, int turnIndex = 1, Guid? chunkId = null)
    {
        int start = Math.Max(0, DocumentText.IndexOf(text, StringComparison.Ordinal));
        return new QuoteResult
        {
            Text = text,
            Speaker = "Sergey Lavrov",
            Post = "Minister of Foreign Affairs",
            Role = SpeakerRole.Principal,
            Start = start,
            End = start + text.Length,
            Score = 1.0,
            Question = "What do you think about the situation on the Korean Peninsula & the sanctions?",
            Document = document ?? Info,
            ChunkId = chunkId ?? Guid.NewGuid(),
            TurnIndex = turnIndex,
        };
    }

    private static TranscriptDocument BuildDocument()
    {
        string text = DocumentText;
        int q = text.IndexOf("What do you", StringComparison.Ordinal);
        int a = text.IndexOf("We are convinced", StringComparison.Ordinal);
        int r = text.IndexOf(RemarkTurnText, StringComparison.Ordinal);
        return new TranscriptDocument
        {
            Id = "mid-2017-11-08-da-nang",
            Title = "Foreign Minister Sergey Lavrov’s remarks & answers to media questions <APEC>",
            Date = new DateOnly(2017, 11, 8),
            Year = 2017,
            Place = "Da Nang",
            Url = "https://www.mid.ru/en/press_service/minister_speeches/1559280/?lang=en&print=1",
            Source = "samples/000_d38afe4695054730.txt",
            Format = "mid-ru",
            Text = text,
            ContentHash = "test",
            Turns =
            [
                new Turn(0, "Question", "Question", SpeakerRole.Question, q, q + "What do you think about the situation on the Korean Peninsula & the sanctions?".Length),
                new Turn(1, "Sergey Lavrov", "Sergey Lavrov", SpeakerRole.Principal, a, a + AnswerTurnText.Length, "Minister of Foreign Affairs"),
                new Turn(2, "Moderator", "Moderator", SpeakerRole.Other, r, r + RemarkTurnText.Length),
            ],
        };
    }
}
