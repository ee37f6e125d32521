using ChatBot.Retrieval;
using ChatBot.Telegram.Formatting;
using ChatBot.Telegram.Tests.Support;
using ChatBot.Text;

namespace ChatBot.Telegram.Tests;

/// <summary>A quote that carries someone else's words says so under it, so the words are not attributed to the speaker.</summary>
public sealed class RelayedSpeechDisplayTests
{
    [Fact]
    public void A_quote_relaying_another_persons_words_is_marked_under_its_citation()
    {
        const string text = "As President Putin said, \"we will never accept this\". We agree with that.";
        var quote = TestData.Quote(text) with { Relayed = RelayedSpeech.Default.FindWithin(text, new TextSpan(0, text.Length)) };
        Assert.NotEmpty(quote.Relayed);

        var message = string.Join("\n", AnswerFormatter.FormatAnswer(TestData.ExtractiveAnswer("q", quote)));
        Assert.Contains("<i>Relays the words of President Putin, not Sergey Lavrov", message);
        Assert.Contains("own: “we will never accept this”</i>", message);
    }

    [Fact]
    public void A_quote_in_the_speakers_own_words_carries_no_mark()
    {
        var message = string.Join("\n", AnswerFormatter.FormatAnswer(TestData.ExtractiveAnswer("q", TestData.Quote("These sanctions are illegitimate."))));
        Assert.DoesNotContain("Relays", message);
    }
}
