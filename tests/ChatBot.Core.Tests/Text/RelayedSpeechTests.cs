using ChatBot.Text;

namespace ChatBot.Core.Tests.Text;

/// <summary>What <see cref="RelayedSpeech"/> marks as someone else's words, and what it leaves as the speaker's.</summary>
public sealed class RelayedSpeechTests
{
    private static List<(string Text, RelayKind Kind, string? Source)> Find(string text) =>
        [.. RelayedSpeech.Default.Find(text).Select(s => (s.Of(text), s.Kind, s.Source))];

    [Fact]
    public void A_quotation_after_a_reporting_verb_is_relayed_and_names_its_speaker()
    {
        var found = Find("As President Putin said, “we are ready for dialogue on an equal footing.” We agree.");

        Assert.Equal([("“we are ready for dialogue on an equal footing.”", RelayKind.Quotation, "President Putin")], found);
    }

    [Fact]
    public void The_clause_after_X_told_us_that_is_relayed_without_the_attribution()
    {
        var found = Find("The Secretary-General told us that the reform would be finished by the end of the year. We doubt it.");

        Assert.Equal([("the reform would be finished by the end of the year", RelayKind.ReportedSpeech, "The Secretary-General")], found);
    }

    [Fact]
    public void Words_read_out_between_quote_and_end_quote_are_relayed()
    {
        var found = Find("The President said yesterday, quote, \"We will not back down from this fight,\" end quote. That stands.");

        var (text, kind, source) = Assert.Single(found);
        Assert.Equal("\"We will not back down from this fight,\"", text);
        Assert.Equal(RelayKind.QuoteUnquote, kind);
        Assert.Equal("The President", source);
    }

    [Fact]
    public void An_attribution_after_the_quotation_counts_and_a_pronoun_names_nobody()
    {
        var found = Find("“We will never surrender to blackmail,” he said. And we believe him.");

        Assert.Equal([("“We will never surrender to blackmail,”", RelayKind.Quotation, (string?)null)], found);
    }

    [Theory]
    [InlineData("In the words of Nelson Mandela, it always seems impossible until it is done.", "it always seems impossible until it is done", "Nelson Mandela")]
    [InlineData("President Biden announced the rejection of military methods used, as he put it, to remake other countries.", "to remake other countries", null)]
    [InlineData("The talks were postponed, according to Secretary Blinken.", "The talks were postponed", "Secretary Blinken")]
    [InlineData("We were told directly that only NATO members can have legally binding guarantees.", "only NATO members can have legally binding guarantees", null)]
    [InlineData("You said that Russia is isolated. That is not true.", "Russia is isolated", null)]
    [InlineData("We agree with Republicans like Senator Grassley, who have said that senators should do their jobs.", "senators should do their jobs", "Senator Grassley")]
    public void Reported_speech_forms_mark_the_reported_clause(string passage, string relayed, string? source)
    {
        var found = Find(passage);

        Assert.Equal([(relayed, RelayKind.ReportedSpeech, source)], found);
    }

    [Theory]
    [InlineData("They deployed so-called “peacekeepers” and spoke of “fair trade” rather than “free trade.”")]
    [InlineData("The theme of this session, “The United Nations at 70: the road ahead for peace, security and human rights”, is fitting.")]
    [InlineData("A new strategy known as “test to stay for all pupils” is working.")]
    [InlineData("It is at “Level 4: Do Not Travel.” Americans should not go.")]
    [InlineData("We must challenge the concept of “development as a technical issue”.")]
    public void Scare_quotes_terms_titles_and_themes_are_not_relayed(string passage) => Assert.Empty(Find(passage));

    [Theory]
    [InlineData("As I said, we have heard what President Trump said about his plans to meet.")]
    [InlineData("We’ve always said that we are going to protect Americans and their pensions.")]
    [InlineData("I told him: “We will respond to any provocation in kind.”")]
    [InlineData("To our friends I say “Opening your markets to products from the south is a requirement of justice.”")]
    [InlineData("What we call the “strategic coordination group” meets weekly.")]
    public void The_speakers_own_earlier_words_are_not_relayed(string passage) => Assert.Empty(Find(passage));

    [Theory]
    [InlineData("He never said that the deal was dead for good.")]
    [InlineData("It is said that the talks failed in the end.")]
    [InlineData("You would say, “I am going to look at a particular transaction and identify it.”")]
    [InlineData("The question is, “What authority does he gain by declaring an emergency?”")]
    [InlineData("Who said that Russia would attack its neighbours?")]
    public void Negated_hypothetical_and_questioned_speech_is_not_relayed(string passage) => Assert.Empty(Find(passage));

    [Fact]
    public void A_quotation_inside_a_reported_clause_is_one_span()
    {
        var found = Find("Mr. Putin said today that his war will only end, quote, “when our goals are achieved.” End quote.");

        Assert.Equal([("his war will only end, quote, “when our goals are achieved.”", RelayKind.ReportedSpeech, "Mr. Putin")], found);
    }

    [Theory]
    [InlineData("Lavrov quoted the Chancellor: «We are ready for talks on an equal footing».", "«We are ready for talks on an equal footing»")]
    [InlineData("The minister said: „We will not accept any ultimatum at all“.", "„We will not accept any ultimatum at all“")]
    [InlineData("The late poet once wrote: \"Fear those who say they only want to be left alone.\"", "\"Fear those who say they only want to be left alone.\"")]
    public void Guillemets_low_high_and_straight_quotation_marks_pair(string passage, string relayed) =>
        Assert.Equal(relayed, Assert.Single(Find(passage)).Text);

    [Fact]
    public void A_quotation_left_open_after_a_reporting_cue_runs_to_the_end_of_its_paragraph()
    {
        var found = Find("The President asked the Pentagon: “Is there anything else you need to conclude your mission? Do you need troops?");

        Assert.Equal("“Is there anything else you need to conclude your mission? Do you need troops?", Assert.Single(found).Text);
    }

    [Fact]
    public void Within_a_quote_the_spans_are_clipped_and_relative_to_it_and_keep_the_speaker_named_before_it()
    {
        const string passage = "I have cited Secretary James Mattis. Secretary James Mattis said that a war with North Korea would be catastrophic and would claim many lives. We agree.";
        int start = passage.IndexOf("a war", StringComparison.Ordinal), end = passage.IndexOf(" would claim", StringComparison.Ordinal);
        var quote = passage[start..end];

        var span = Assert.Single(RelayedSpeech.Default.FindWithin(passage, new TextSpan(start, end)));

        Assert.Equal(0, span.Start);
        Assert.Equal(quote.Length, span.End);
        Assert.Equal("a war with North Korea would be catastrophic and", span.Of(quote));
        Assert.Equal("Secretary James Mattis", span.Source);
        Assert.Empty(RelayedSpeech.Default.FindWithin(passage, new TextSpan(passage.IndexOf("We agree", StringComparison.Ordinal), passage.Length)));
    }

    [Fact]
    public void Spans_are_ordered_do_not_overlap_and_lie_within_the_text()
    {
        const string passage = "He said, “We will go.” Then she told us that the talks would resume soon. “It is over,” they said, and the Minister said that nothing had changed at all.";

        var spans = RelayedSpeech.Default.Find(passage);

        Assert.NotEmpty(spans);
        Assert.All(spans, s => Assert.InRange(s.Start, 0, s.End - 1));
        Assert.All(spans.Zip(spans.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
        Assert.All(spans, s => Assert.True(s.End <= passage.Length));
    }

    [Fact]
    public void Words_said_in_response_to_someones_statement_are_not_attributed_to_them()
    {
        const string text = "Our respected Supreme Leader Comrade Kim Jong Un responded to Trump’s statement: “I will make the man holding the prerogative of the supreme command in the United States pay dearly for his speech.”";
        var span = Assert.Single(Find(text));
        Assert.StartsWith("I will make the man", span.Text.TrimStart('“'));
        Assert.NotEqual("Trump", span.Source);
        Assert.Contains("Kim Jong Un", span.Source);
    }
}
