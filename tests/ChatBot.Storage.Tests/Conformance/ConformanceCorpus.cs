using ChatBot.Model;

namespace ChatBot.Storage.Tests.Conformance;

/// <summary>
/// The documents every backend is tested with: five short transcripts with full dates, a year-only date, no date,
/// and one stored without vectors; unit vectors of <see cref="Dimensions"/> dimensions along chosen axes, so cosine
/// rankings are known exactly.
/// </summary>
internal static class ConformanceCorpus
{
    public const int Dimensions = 8;
    public const string Lavrov = "Sergey Lavrov";
    public const string Zakharova = "Maria Zakharova";

    /// <summary>Press conference, 10 Nov 2017: moderator, question, answer (with question context), remark on Vietnam.</summary>
    public static readonly TestDocument DaNang = new("doc-danang", "Press conference after the APEC ministerial meeting", new DateOnly(2017, 11, 10), null, "Da Nang", "mid-ru", "v1-danang",
    [
        new("Moderator", "Moderator", SpeakerRole.Other, "Good afternoon, colleagues. We begin the press conference now.", Axis(7)),
        new("Question", "Question", SpeakerRole.Question, "What is your view of the sanctions against the bank?", Axis(6)),
        new(Lavrov, Lavrov, SpeakerRole.Principal, "These sanctions are illegitimate. Our answer is measured and we keep talking with partners about trade.", Axis(0), "Minister of Foreign Affairs", AnswersPrevious: true),
        new(Lavrov, Lavrov, SpeakerRole.Principal, "Our cooperation with Vietnam covers hydropower, fisheries and education.", Axis(1), "Minister of Foreign Affairs"),
    ]);

    /// <summary>General Debate statement known only by its year (2018), turns without labels.</summary>
    public static readonly TestDocument GeneralDebate = new("doc-ungd-2018", "Statement at the General Debate", null, 2018, "United Nations General Assembly, New York", "un-general-debate", "v1-ungd",
    [
        new(Lavrov, null, SpeakerRole.Principal, "Multilateralism is under pressure. Unilateral sanctions undermine the Charter of the United Nations.", Mix((0, 1f), (2, 1f))),
        new(Lavrov, null, SpeakerRole.Principal, "We call for dialogue on strategic stability and arms control.", Axis(3)),
    ]);

    /// <summary>Briefing, 5 Mar 2019: the spokeswoman, a question about hydropower, her answer.</summary>
    public static readonly TestDocument Briefing = new("doc-briefing-2019", "Briefing by the spokeswoman", new DateOnly(2019, 3, 5), null, "Moscow", "briefing-markdown", "v1-briefing",
    [
        new(Zakharova, "Maria Zakharova", SpeakerRole.Principal, "The bank of ideas for the youth forum is open. Registration continues until April.", Axis(4), "Spokeswoman"),
        new("Question", "Question", SpeakerRole.Question, "Will the ministry comment on the hydropower dam incident?", Mix((1, 1f), (6, 1f))),
        new(Zakharova, "Maria Zakharova", SpeakerRole.Principal, "We have no comment on that incident at this stage.", Axis(5), "Spokeswoman", AnswersPrevious: true),
    ]);

    /// <summary>Remarks without any date.</summary>
    public static readonly TestDocument Undated = new("doc-undated", "Remarks without a date", null, null, null, "briefing-markdown", "v1-undated",
    [
        new(Lavrov, Lavrov, SpeakerRole.Principal, "Sanctions never achieved their goals; dialogue on arms control is the way forward.", Mix((0, 0.8f), (3, 0.6f))),
    ]);

    /// <summary>Interview, 1 Jun 2020, stored without vectors (no embedder).</summary>
    public static readonly TestDocument NoVectors = new("doc-interview-2020", "Interview without embeddings", new DateOnly(2020, 6, 1), null, null, "mid-ru", "v1-interview",
    [
        new(Lavrov, Lavrov, SpeakerRole.Principal, "The pandemic changed diplomacy: many talks moved online.", null),
        new("Question", "Question", SpeakerRole.Question, "How did diplomacy change during the pandemic?", null),
    ]);

    /// <summary>A new version of <see cref="DaNang"/> with different words and fewer chunks.</summary>
    public static readonly TestDocument DaNangV2 = new("doc-danang", "Press conference after the APEC ministerial meeting (corrected)", new DateOnly(2017, 11, 10), null, "Da Nang", "mid-ru", "v2-danang",
    [
        new("Moderator", "Moderator", SpeakerRole.Other, "Good afternoon, colleagues. We begin the press conference now.", Axis(7)),
        new(Lavrov, Lavrov, SpeakerRole.Principal, "Relations with Vietnam are developing in shipbuilding.", Axis(1), "Minister of Foreign Affairs"),
    ]);

    public static IReadOnlyList<TestDocument> All => [DaNang, GeneralDebate, Briefing, Undated, NoVectors];

    public static int ChunkCount => All.Sum(d => d.Chunks.Count);

    public static float[] Axis(int axis) => Mix((axis, 1f));

    /// <summary>A unit vector with the given weights on the given axes.</summary>
    public static float[] Mix(params (int Axis, float Weight)[] parts)
    {
        var v = new float[Dimensions];
        foreach (var (axis, weight) in parts) v[axis] += weight;
        float norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
