using ChatBot.Model;
using ChatBot.Telegram.Formatting;
using ChatBot.Telegram.Tests.Spec;
using ChatBot.Telegram.Tests.Support;

namespace ChatBot.Telegram.Tests;

/// <summary>
/// Markdown left in a source file (bold inside sentences, page headings and rules between them) is not the
/// speaker's words: Telegram shows the quote without it, while the quote itself stays a verbatim slice.
/// </summary>
public sealed class MarkupDisplayTests
{
    private const string BoldQuote = "A **realistic settlement plan** was put forward by President Vladimir Putin on 14 June.";
    private const string Shown = "A realistic settlement plan was put forward by President Vladimir Putin on 14 June.";

    [Fact]
    public void An_answer_shows_a_bold_quote_without_its_markers()
    {
        var messages = AnswerFormatter.FormatAnswer(TestData.ExtractiveAnswer("q", TestData.Quote(BoldQuote)));

        var parsed = TelegramHtmlParser.Parse(Assert.Single(messages));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(Shown, Assert.Single(parsed.Blockquotes));
        Assert.DoesNotContain("**", parsed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_card_and_its_description_show_no_markers()
    {
        var quote = TestData.Quote(BoldQuote);

        var card = TelegramHtmlParser.Parse(AnswerFormatter.FormatQuoteCard(quote));

        Assert.Equal(Shown, Assert.Single(card.Blockquotes));
        Assert.Equal(Shown, AnswerFormatter.CardDescription(quote));
        Assert.Equal(BoldQuote, quote.Text); // the quote itself is untouched
    }

    [Fact]
    public void The_source_of_a_quote_shows_the_speech_without_headings_rules_or_markers()
    {
        const string speech = "Without addressing these root causes, there can be no peace. " + BoldQuote + "\n\n---\n\n---\n\n### Page 7:\n\nThe unprecedented level of arrogance blocks the **Security Council**.";
        var document = new TranscriptDocument
        {
            Id = "un-2024-rus",
            Title = "Statement by Sergey Lavrov",
            Year = 2024,
            Place = "UN General Assembly, New York",
            Source = "ungdc/2024/RUS_79_2024.txt",
            Format = "un-general-debate",
            Text = speech,
            ContentHash = "test",
            Turns = [new Turn(0, "Sergey Lavrov", null, SpeakerRole.Principal, 0, speech.Length, "Minister for Foreign Affairs")],
        };
        int start = speech.IndexOf(BoldQuote, StringComparison.Ordinal);
        var quote = TestData.Quote(BoldQuote, DocumentInfo.From(document), turnIndex: 0) with { Start = start, End = start + BoldQuote.Length, Question = null };

        var messages = AnswerFormatter.FormatSource(1, quote, document);

        var shown = Assert.Single(TelegramHtmlParser.Parse(Assert.Single(messages)).Blockquotes);
        Assert.Equal("Without addressing these root causes, there can be no peace. " + Shown + "\n\nThe unprecedented level of arrogance blocks the Security Council.", shown);
    }
}
