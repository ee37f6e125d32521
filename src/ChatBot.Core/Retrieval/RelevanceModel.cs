using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Retrieval;

/// <summary>
/// A fitted logistic regression that tells whether a found passage answers the question: the probability is
/// sigmoid(bias + Σ weight·(feature − mean)/scale), and a passage is an answer from <see cref="Threshold"/> on. The
/// numbers are data, fitted by <c>chatbot fit-relevance</c> on labelled questions with cross-validation and kept in
/// <c>relevance-model.json</c>, never literals in code. One model per ranking (with vectors, keywords only).
/// </summary>
public sealed record RelevanceModel
{
    /// <summary>Feature names, in the order of <see cref="RelevanceFeatures.Names"/> at fitting time.</summary>
    [JsonPropertyName("features")] public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Mean of each feature over the training rows.</summary>
    [JsonPropertyName("mean")] public required IReadOnlyList<double> Mean { get; init; }

    /// <summary>Standard deviation of each feature over the training rows (1 where it was 0).</summary>
    [JsonPropertyName("scale")] public required IReadOnlyList<double> Scale { get; init; }

    /// <summary>Weight of each standardised feature.</summary>
    [JsonPropertyName("weights")] public required IReadOnlyList<double> Weights { get; init; }

    /// <summary>The intercept.</summary>
    [JsonPropertyName("bias")] public required double Bias { get; init; }

    /// <summary>
    /// Probability from which the verdict is yes: for an answerability model, that the question is answered; for a passage
    /// model, that the passage alone would answer (reported by the fitter for comparison; results are only ordered by it).
    /// </summary>
    [JsonPropertyName("threshold")] public required double Threshold { get; init; }

    /// <summary>The probability that a passage with these features answers the question.</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        if (features.Length != Weights.Count)
            throw new InvalidOperationException($"The relevance model takes {Weights.Count} features; {features.Length} were given. Fit it again (chatbot fit-relevance).");
        double z = Bias;
        for (int i = 0; i < features.Length; i++) z += Weights[i] * (features[i] - Mean[i]) / Scale[i];
        return 1 / (1 + Math.Exp(-z));
    }
}

/// <summary>The fitted models, by ranking, with how they were fitted and how well they did under cross-validation.</summary>
public sealed record RelevanceModelSet
{
    /// <summary>The resource name of the models shipped with the library.</summary>
    public const string ResourceName = "ChatBot.Retrieval.relevance-model.json";

    /// <summary>Model for searches that used vectors.</summary>
    [JsonPropertyName("hybrid")] public required RelevanceModel Hybrid { get; init; }

    /// <summary>Model for keyword-only searches.</summary>
    [JsonPropertyName("keywords")] public required RelevanceModel Keywords { get; init; }

    /// <summary>Answerability model (over <see cref="AnswerabilityFeatures"/>) for searches that used vectors.</summary>
    [JsonPropertyName("hybrid_questions")] public required RelevanceModel HybridQuestions { get; init; }

    /// <summary>Answerability model for keyword-only searches.</summary>
    [JsonPropertyName("keywords_questions")] public required RelevanceModel KeywordsQuestions { get; init; }

    /// <summary>What the models were fitted on and their cross-validated figures (for people; not read by code).</summary>
    [JsonPropertyName("report")] public JsonElement? Report { get; init; }

    private static readonly Lazy<RelevanceModelSet> s_shipped = new(LoadShipped);

    /// <summary>The models shipped inside this assembly (read on first use).</summary>
    /// <exception cref="InvalidDataException">The shipped file does not fit this version's features (fit it again).</exception>
    public static RelevanceModelSet Shipped => s_shipped.Value;

    /// <summary>
    /// Models that know nothing (every weight 0, so every passage scores 0.5 and none is an answer): what features are
    /// collected with before a first fit; they leave the store's order as it is.
    /// </summary>
    public static RelevanceModelSet Untrained { get; } = new()
    {
        Hybrid = Blank(RelevanceFeatures.Names), Keywords = Blank(RelevanceFeatures.Names),
        HybridQuestions = Blank(AnswerabilityFeatures.Names), KeywordsQuestions = Blank(AnswerabilityFeatures.Names),
    };

    private static RelevanceModel Blank(IReadOnlyList<string> features) => new()
    {
        Features = features,
        Mean = [.. features.Select(_ => 0.0)],
        Scale = [.. features.Select(_ => 1.0)],
        Weights = [.. features.Select(_ => 0.0)],
        Bias = 0,
        Threshold = 1,
    };

    /// <summary>Reads a model file written by <c>fit-relevance</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a model set.</exception>
    public static RelevanceModelSet Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    private static RelevanceModelSet LoadShipped()
    {
        using var stream = typeof(RelevanceModelSet).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidDataException($"The resource {ResourceName} is missing from {typeof(RelevanceModelSet).Assembly.GetName().Name}.");
        return Read(stream, ResourceName);
    }

    private static RelevanceModelSet Read(Stream stream, string name)
    {
        try
        {
            var set = JsonSerializer.Deserialize<RelevanceModelSet>(stream) ?? throw new JsonException("null");
            foreach (var (model, names) in new[] { (set.Hybrid, RelevanceFeatures.Names), (set.Keywords, RelevanceFeatures.Names), (set.HybridQuestions, AnswerabilityFeatures.Names), (set.KeywordsQuestions, AnswerabilityFeatures.Names) })
            {
                if (model is null) throw new JsonException("a model is missing");
                if (!model.Features.SequenceEqual(names))
                    throw new JsonException($"its features ({string.Join(", ", model.Features)}) are not this version's ({string.Join(", ", names)})");
                if (model.Mean.Count != model.Features.Count || model.Scale.Count != model.Features.Count || model.Weights.Count != model.Features.Count)
                    throw new JsonException("the lengths of features, mean, scale and weights differ");
            }

            return set;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not a relevance model set: {e.Message}", e);
        }
    }
}
