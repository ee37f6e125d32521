using ChatBot.Telegram.Formatting;
using ChatBot.Telegram.Tests.Spec;
using ChatBot.Telegram.Tests.Support;

namespace ChatBot.Telegram.Tests;

/// <summary>HTML escaping, display folding and splitting into messages.</summary>
public sealed class MessageComposerTests
{
    [Fact]
    public void Escaping_keeps_the_visible_text_identical()
    {
        const string text = "a < b && c > d; <script>alert('x')</script> &amp; \"q\"";

        var html = TelegramHtml.Escape(text);
        var parsed = TelegramHtmlParser.Parse(html);

        Assert.True(parsed.IsValid);
        Assert.Equal(text, parsed.Text);
        Assert.Equal(text.Length, TelegramHtml.VisibleLength(html));
    }

    [Fact]
    public void Visible_length_counts_entities_once_and_ignores_tags()
    {
        Assert.Equal(6, TelegramHtml.VisibleLength("<b>a&amp;b</b> &lt;c")); // "a&b <c"
        Assert.Equal(2, TelegramHtml.VisibleLength("&#128512;"));
        Assert.Equal(TelegramHtmlParser.VisibleLength("<a href=\"https://x/?a=1&amp;b=2\">t&quot;</a>"), TelegramHtml.VisibleLength("<a href=\"https://x/?a=1&amp;b=2\">t&quot;</a>"));
    }

    [Fact]
    public void A_quote_is_shown_without_the_source_files_line_breaks_and_changes_no_word()
    {
        const string quote = "  We are   convinced\tthat there is no\r\nalternative to a political settlement.\r\n\r\nSanctions have  exhausted\ntheir potential.\n";

        var html = AnswerFormatter.QuoteWithCitation(1, TestData.Quote(quote));
        var message = TelegramHtmlParser.Parse(Assert.Single(MessageComposer.Compose([html])));

        var shown = Assert.Single(message.Blockquotes);
        Assert.Equal("We are convinced that there is no alternative to a political settlement.\n\nSanctions have exhausted their potential.", shown);
        Assert.Equal(Checks.Normalize(quote), Checks.Normalize(shown));
    }

    [Fact]
    public void Only_http_links_are_kept()
    {
        Assert.Equal("https://mid.ru/a?b=1&c=2", TelegramHtml.SafeUrl(" https://mid.ru/a?b=1&c=2 "));
        Assert.Null(TelegramHtml.SafeUrl("javascript:alert(1)"));
        Assert.Null(TelegramHtml.SafeUrl("samples/000.txt"));
        Assert.Null(TelegramHtml.SafeUrl(null));
    }

    [Fact]
    public void Short_blocks_share_one_message_separated_by_blank_lines()
    {
        var messages = MessageComposer.Compose([new HtmlBlock("<b>Lead</b>"), new ProseBlock("a & b"), new QuoteBlock("q <1>", "<b>[1]</b>", "— S")]);

        var single = Assert.Single(messages);
        Assert.Equal("<b>Lead</b>\n\na &amp; b\n\n<b>[1]</b>\n<blockquote>q &lt;1&gt;</blockquote>\n— S", single);
    }

    [Fact]
    public void A_quote_that_does_not_fit_the_current_message_moves_whole_to_the_next()
    {
        var prose = new ProseBlock(new string('p', 3000));
        var quote = new QuoteBlock(string.Join(" ", Enumerable.Repeat("Word.", 300)), "<b>[1]</b>", "— S");

        var messages = MessageComposer.Compose([prose, quote]);

        Assert.Equal(2, messages.Count);
        Assert.StartsWith("<b>[1]</b>\n<blockquote>", messages[1], StringComparison.Ordinal);
        Assert.EndsWith("</blockquote>\n— S", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_longer_than_a_message_is_cut_between_sentences_and_each_part_is_valid()
    {
        var sentences = Enumerable.Range(1, 200).Select(i => $"Sentence {i} says that A & B are <equal>.").ToList();
        var messages = MessageComposer.Compose([new ProseBlock(string.Join(" ", sentences), ProseStyle.Italic, "<b>Q:</b> ")]);

        Assert.True(messages.Count >= 2);
        Assert.StartsWith("<b>Q:</b> <i>Sentence 1 ", messages[0], StringComparison.Ordinal);
        var texts = new List<string>();
        foreach (var message in messages)
        {
            Assert.True(message.Length <= MessageComposer.MaxLength);
            var parsed = TelegramHtmlParser.Parse(message);
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
            Assert.EndsWith("<equal>.", parsed.Text, StringComparison.Ordinal);
            texts.Add(parsed.Text);
        }

        Assert.Equal("Q: " + string.Join(" ", sentences), string.Join(" ", texts));
    }

    [Fact]
    public void A_quote_longer_than_a_message_becomes_consecutive_blockquotes_cut_between_sentences()
    {
        var quote = BotConversationTests.LongQuote(3, sentences: 60);

        var messages = MessageComposer.Compose([new QuoteBlock(quote, "<b>[3]</b>", "— Sergey Lavrov · <a href=\"https://mid.ru/x?a=1&amp;b=2\">T</a>")]);

        Assert.True(messages.Count >= 2);
        var parsed = messages.Select(TelegramHtmlParser.Parse).ToList();
        Assert.All(parsed, p => Assert.True(p.IsValid, string.Join("; ", p.Errors)));
        Assert.All(messages, m => Assert.True(m.Length <= MessageComposer.MaxLength));
        Assert.StartsWith("[3]\n", parsed[0].Text, StringComparison.Ordinal);
        Assert.All(parsed.Skip(1), p => Assert.StartsWith("(continued)\n", p.Text, StringComparison.Ordinal));
        Assert.Single(parsed, p => p.Entities.Any(e => e.Tag == "a"));
        Assert.Contains(parsed[^1].Entities, e => e.Tag == "a");
        Assert.Equal(Checks.Normalize(quote), Checks.Normalize(string.Join(" ", parsed.SelectMany(p => p.Blockquotes))));
        Assert.All(parsed.SelectMany(p => p.Blockquotes), b => Assert.EndsWith("accordingly.", b, StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_longer_than_the_limit_is_cut_between_characters_never_inside_a_surrogate_pair()
    {
        var word = string.Concat(Enumerable.Repeat("ab😀", 40));

        var parts = MessageComposer.SplitToFit(word, s => s.Length <= 25);

        Assert.Equal(word, string.Concat(parts));
        Assert.All(parts, p =>
        {
            Assert.True(p.Length <= 25);
            Assert.False(char.IsHighSurrogate(p[^1]));
        });
    }

    [Fact]
    public void An_over_long_inline_card_keeps_whole_opening_sentences_and_marks_the_cut()
    {
        var quote = TestData.Quote(BotConversationTests.LongQuote(1, sentences: 40));

        var card = AnswerFormatter.FormatQuoteCard(quote);
        var parsed = TelegramHtmlParser.Parse(card);

        Assert.True(card.Length <= 4096);
        Assert.True(parsed.IsValid);
        var shown = Assert.Single(parsed.Blockquotes);
        Assert.EndsWith("accordingly. […]", shown, StringComparison.Ordinal);
        Assert.StartsWith(shown[..^" […]".Length], quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_without_a_url_shows_who_event_and_date_as_text_each_once()
    {
        var quote = TestData.Quote("Words.", TestData.Info with { Url = null, Date = null, Year = 2016, Place = null });

        var citation = TelegramHtmlParser.Parse(AnswerFormatter.Citation(quote));

        Assert.Empty(citation.Entities);
        Assert.Equal("— Sergey Lavrov, Minister of Foreign Affairs · Remarks & answers to media questions <APEC> · 2016", citation.Text);
    }

    [Fact]
    public void A_un_speech_is_cited_by_session_with_a_link_to_the_un_page_named_as_such()
    {
        var info = TestData.Info with
        {
            Title = "Statement by Sergey Lavrov, Minister for Foreign Affairs of Russia, general debate of the 71st session of the UN General Assembly",
            Url = null, Date = null, Year = 2016, Place = "UN General Assembly, New York", Source = "ungdc/2016/RUS_71_2016.txt", Format = "un-general-debate",
        };
        var quote = TestData.Quote("Words.", info) with { Post = "Minister for Foreign Affairs" };

        var citation = TelegramHtmlParser.Parse(AnswerFormatter.Citation(quote));

        Assert.Equal("— Sergey Lavrov, Minister for Foreign Affairs of Russia · UN General Assembly, 71st session, general debate · New York, 2016 · UN General Debate page", citation.Text);
        var link = Assert.Single(citation.Entities, e => e.Tag == "a");
        Assert.Equal("https://gadebate.un.org/en/71/russian-federation", link.Href);
        Assert.Equal("UN General Debate page", link.TextOf(citation.Text));
    }

    [Fact]
    public void Pathological_answers_still_render_as_valid_messages()
    {
        var hugeTitle = TestData.Info with { Title = string.Concat(Enumerable.Repeat("Very long title & more <x> ", 400)), Place = new string('p', 5000) };
        var quote = TestData.Quote(BotConversationTests.LongQuote(1, sentences: 50), hugeTitle);
        var empty = TestData.ExtractiveAnswer("q", quote) with { Quotes = [], Mode = ChatBot.Answering.AnswerMode.Llm, Text = "" };

        var rendered = AnswerFormatter.FormatAnswer(TestData.ExtractiveAnswer("q", quote)).Concat(AnswerFormatter.FormatSource(1, quote, null)).Append(AnswerFormatter.FormatQuoteCard(quote)).ToList();
        var none = Assert.Single(AnswerFormatter.FormatAnswer(empty));

        Assert.All(rendered.Append(none), m =>
        {
            Assert.True(m.Length <= MessageComposer.MaxLength);
            var parsed = TelegramHtmlParser.Parse(m);
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
            Assert.NotEmpty(parsed.Text.Trim());
        });
    }
}
