using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Retrieval;
using ChatBot.Telegram.Formatting;
using ChatBot.Telegram.Tests.Spec;
using ChatBot.Telegram.Tests.Support;
using ChatBot.Tests.Shared;

namespace ChatBot.Telegram.Tests;

/// <summary>
/// <c>/source N</c> on a UN speech (one turn of some thirty paragraphs) and quotes from hard-wrapped files: the
/// paragraphs around the quote, not the whole speech, and no line breaks of the source file inside a paragraph.
/// </summary>
public sealed class SourceContextTests
{
    private const string NorthKorea = "The recent actions of North Korea, which violate Security Council resolutions, must be stopped.";

    [Fact]
    public async Task Source_of_a_quote_from_a_un_speech_sends_the_paragraphs_around_it_with_the_quote_in_bold_and_a_link_to_the_whole_speech()
    {
        var (document, quote) = UnSpeechQuote(Path.Combine("2016", "RUS_71_2016.txt"), NorthKorea, NorthKorea);
        await using var bot = await BotHarness.StartAsync();
        bot.Store.Documents[document.Id] = document;
        bot.Answers.OnAsk = (q, _, _, _) => Task.FromResult(TestData.ExtractiveAnswer(q, quote));
        bot.Api.EnqueueUpdate(Updates.PrivateText("What did Lavrov say about North Korea?"));
        await bot.Api.WaitForMessagesAsync(Updates.UserId, 1);

        bot.Api.EnqueueUpdate(Updates.PrivateText("/source 1"));
        await bot.Api.WaitForMessagesAsync(Updates.UserId, 2);
        await Task.Delay(300, TestContext.Current.CancellationToken); // let every part of the source arrive
        var parts = bot.Api.MessagesTo(Updates.UserId).Skip(1).Select(m => m.Parsed).ToList();

        Assert.InRange(parts.Count, 1, 2);
        Assert.All(parts, p => Assert.True(p.IsValid, string.Join("; ", p.Errors)));
        var shown = string.Join("\n\n", parts.SelectMany(p => p.Blockquotes));
        var paragraphs = shown.Split("\n\n");
        // The quote's paragraph and two on each side, the rest of the speech marked as left out.
        Assert.Equal(SourceWindow.Omission, paragraphs[0]);
        Assert.Equal(SourceWindow.Omission, paragraphs[^1]);
        Assert.Equal(5, paragraphs.Length - 2);
        Assert.All(paragraphs[1..^1], p => Assert.Contains(p, document.Text, StringComparison.Ordinal));
        Assert.True(shown.Length < document.Text.Length / 3, $"{shown.Length} of {document.Text.Length} characters shown");
        var bold = Assert.Single(parts.SelectMany(p => p.Entities.Where(e => e.Tag == "bold" && e.TextOf(p.Text) == NorthKorea)));
        Assert.NotNull(bold);

        var last = parts[^1];
        Assert.Contains("— Sergey Lavrov, Minister for Foreign Affairs of Russia · UN General Assembly, 71st session, general debate · New York, 2016", last.Text, StringComparison.Ordinal);
        Assert.EndsWith("Full speech: UN General Debate page (video and statement)", last.Text, StringComparison.Ordinal);
        var link = Assert.Single(last.Entities, e => e.Tag == "a");
        Assert.Equal("https://gadebate.un.org/en/71/russian-federation", link.Href);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task The_number_of_paragraphs_around_the_quote_is_a_setting()
    {
        var (document, quote) = UnSpeechQuote(Path.Combine("2016", "RUS_71_2016.txt"), NorthKorea, NorthKorea);
        await using var bot = await BotHarness.StartAsync(o => o.SourceContextParagraphs = 0);
        bot.Store.Documents[document.Id] = document;
        bot.Answers.OnAsk = (q, _, _, _) => Task.FromResult(TestData.ExtractiveAnswer(q, quote));
        bot.Api.EnqueueUpdate(Updates.PrivateText("North Korea?"));
        await bot.Api.WaitForMessagesAsync(Updates.UserId, 1);

        bot.Api.EnqueueUpdate(Updates.PrivateText("/source 1"));
        var source = (await bot.Api.WaitForMessagesAsync(Updates.UserId, 2))[1].Parsed;

        var paragraphs = Assert.Single(source.Blockquotes).Split("\n\n");
        Assert.Equal(3, paragraphs.Length);
        Assert.StartsWith("It is necessary to work towards strengthening stability", paragraphs[1], StringComparison.Ordinal);
        Assert.Contains(NorthKorea, paragraphs[1], StringComparison.Ordinal);
        Checks.Clean(bot);
    }

    [Fact]
    public void A_quote_from_a_hard_wrapped_speech_is_shown_without_the_files_line_breaks_in_the_answer_and_in_its_source()
    {
        const string start = "It seemed that", end = "beneficial to all.";
        var (document, quote) = UnSpeechQuote(Path.Combine("2008", "RUS_63_2008.txt"), start, end);
        Assert.Contains('\n', quote.Text); // the file breaks the quoted sentence over four lines

        var answer = TelegramHtmlParser.Parse(Assert.Single(AnswerFormatter.FormatAnswer(TestData.ExtractiveAnswer("q", quote))));
        var source = AnswerFormatter.FormatSource(1, quote, document).Select(TelegramHtmlParser.Parse).ToList();

        var shown = Assert.Single(answer.Blockquotes);
        Assert.DoesNotContain('\n', shown);
        Assert.Equal(Checks.Normalize(quote.Text), shown);
        var context = source.SelectMany(p => p.Blockquotes).SelectMany(b => b.Split("\n\n")).ToList();
        Assert.All(context, paragraph => Assert.DoesNotContain('\n', paragraph));
        Assert.StartsWith("On 11 September 2001, the world changed, and it rallied together", context[0], StringComparison.Ordinal);
        Assert.EndsWith(shown, context[0], StringComparison.Ordinal);
        Assert.StartsWith("The cohesion in the face of the deadly threats", context[1], StringComparison.Ordinal);
    }

    /// <summary>A real UN speech and a quote of it from <paramref name="from"/> to the end of <paramref name="to"/>.</summary>
    private static (TranscriptDocument Document, QuoteResult Quote) UnSpeechQuote(string file, string from, string to)
    {
        var document = TranscriptReader.CreateDefault().Read(Path.Combine(RepoPaths.Corpus, "ungdc", file));
        var turn = document.Turns[0];
        int start = document.Text.IndexOf(from, StringComparison.Ordinal);
        int end = document.Text.IndexOf(to, start, StringComparison.Ordinal) + to.Length;
        var quote = new QuoteResult
        {
            Text = document.Text[start..end], Speaker = turn.Speaker, Post = turn.Post, Role = SpeakerRole.Principal, Start = start, End = end, Score = 1,
            Document = DocumentInfo.From(document), ChunkId = Guid.NewGuid(), TurnIndex = turn.Index,
        };
        return (document, quote);
    }
}
