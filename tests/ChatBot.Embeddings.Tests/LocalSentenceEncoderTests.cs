using Microsoft.Extensions.AI;

namespace ChatBot.Embeddings.Tests;

public sealed class LocalSentenceEncoderTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private const float ReferenceCosine = 0.9999f;
    private readonly LocalSentenceEncoder _encoder = fixture.Encoder;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEmbeddingIsWithinCosine09999OfTheReference()
    {
        var sentences = ReferenceData.Instance.Sentences;
        var embeddings = await _encoder.GenerateAsync(sentences.Select(s => s.Text), cancellationToken: Token);

        var cosines = sentences.Select((s, i) => (s.Text, Cosine: VectorAssert.Cosine(embeddings[i].Vector.Span, s.Embedding))).ToList();
        var worst = cosines.MinBy(c => c.Cosine);
        Assert.True(worst.Cosine >= ReferenceCosine,
            $"Worst cosine {worst.Cosine:F6} for \"{worst.Text}\"; below {ReferenceCosine}: " +
            string.Join("; ", cosines.Where(c => c.Cosine < ReferenceCosine).Select(c => $"{c.Cosine:F6} \"{c.Text}\"")));
    }

    [Fact]
    public async Task PaddedBatchEqualsOneAtATime()
    {
        var reference = ReferenceData.Instance;
        string[] texts = reference.BatchCheck.Texts.Select(i => reference.Sentences[i].Text).ToArray();

        var batch = await _encoder.GenerateAsync(texts, cancellationToken: Token);
        for (int i = 0; i < texts.Length; i++)
        {
            var single = await _encoder.GenerateAsync([texts[i]], cancellationToken: Token);
            float error = VectorAssert.RelativeMaxError(batch[i].Vector.Span, single[0].Vector.Span);
            Assert.True(error <= 1e-6f, $"Text {i}: batch differs from one-at-a-time by {error:E2}.");
            float cosine = VectorAssert.Cosine(batch[i].Vector.Span, reference.BatchCheck.Embeddings[i]);
            Assert.True(cosine >= ReferenceCosine, $"Text {i}: cosine {cosine:F6} to the reference batch embedding.");
        }
    }

    [Fact]
    public async Task OutputsAreUnitLength512DimensionalVectorsInInputOrder()
    {
        string[] texts = ["North Korea", "", "   ", "The cat is sleeping on the sofa.", new string('x', 5000)];
        var embeddings = await _encoder.GenerateAsync(texts, cancellationToken: Token);

        Assert.Equal(texts.Length, embeddings.Count);
        foreach (var embedding in embeddings)
        {
            Assert.Equal(512, embedding.Vector.Length);
            Assert.Equal(1.0, Math.Sqrt(embedding.Vector.Span.ToArray().Sum(v => (double)v * v)), 4);
            Assert.Equal(LocalSentenceEncoder.ModelId, embedding.ModelId);
        }

        var alone = await _encoder.GenerateAsync(["North Korea"], cancellationToken: Token);
        Assert.Equal(alone[0].Vector.ToArray(), embeddings[0].Vector.ToArray());
        Assert.NotNull(embeddings.Usage);
        Assert.True(embeddings.Usage.InputTokenCount > 128);
    }

    [Fact]
    public async Task ReferenceSimilaritiesHold()
    {
        var embeddings = await _encoder.GenerateAsync(
            ["The cat is sleeping on the sofa.", "A kitten naps on the couch.", "The stock market fell sharply on Tuesday."],
            cancellationToken: Token);

        float cats = VectorAssert.Cosine(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        float catMarket = VectorAssert.Cosine(embeddings[0].Vector.Span, embeddings[2].Vector.Span);
        float kittenMarket = VectorAssert.Cosine(embeddings[1].Vector.Span, embeddings[2].Vector.Span);
        Assert.InRange(cats, 0.80f, 0.84f);
        Assert.True(catMarket < 0.2f, $"cat/market {catMarket}");
        Assert.True(kittenMarket < 0.2f, $"kitten/market {kittenMarket}");
    }

    [Fact]
    public async Task CancellationIsHonoured()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _encoder.GenerateAsync(["North Korea"], cancellationToken: cancelled.Token));

        // Cancelled while running: many batches, cancelled shortly after the start.
        using var soon = new CancellationTokenSource();
        var texts = Enumerable.Repeat(ReferenceData.Instance.Sentences[^1].Text, 2000).ToArray();
        soon.CancelAfter(TimeSpan.FromMilliseconds(50));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var task = Task.Run(() => _encoder.GenerateAsync(texts, cancellationToken: soon.Token), Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled, $"Expected a cancelled task, got {task.Status}.");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"Cancellation took {started.Elapsed}.");
    }

    [Fact]
    public async Task ConcurrentCallsFromSeveralThreadsGiveIdenticalResults()
    {
        string[] texts = ReferenceData.Instance.Sentences.Select(s => s.Text).ToArray();
        var expected = await _encoder.GenerateAsync(texts, cancellationToken: Token);

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(run => Task.Run(async () =>
        {
            // Different batch shapes per thread: rotated order and single items.
            var rotated = texts.Skip(run).Concat(texts.Take(run)).ToArray();
            var result = await _encoder.GenerateAsync(rotated, cancellationToken: Token);
            return (run, result);
        }, Token)));

        foreach (var (run, result) in runs)
        {
            for (int i = 0; i < texts.Length; i++)
            {
                Assert.Equal(expected[(i + run) % texts.Length].Vector.ToArray(), result[i].Vector.ToArray());
            }
        }
    }

    [Fact]
    public void MetadataAndServicesFollowTheInterfaceContract()
    {
        Assert.Equal("local", _encoder.Metadata.ProviderName);
        Assert.Equal("universal-sentence-encoder-lite", _encoder.Metadata.DefaultModelId);
        Assert.Equal(512, _encoder.Metadata.DefaultModelDimensions);

        IEmbeddingGenerator<string, Embedding<float>> generator = _encoder;
        Assert.Same(_encoder.Metadata, generator.GetService<EmbeddingGeneratorMetadata>());
        Assert.Same(_encoder, generator.GetService<LocalSentenceEncoder>());
        Assert.Same(_encoder.Tokenizer, generator.GetService<SentencePieceTokenizer>());
        Assert.Null(generator.GetService<EmbeddingGeneratorMetadata>("some-key"));
        Assert.Null(generator.GetService(typeof(string)));
        Assert.Throws<ArgumentNullException>(() => generator.GetService(null!));
    }

    [Fact]
    public async Task OtherDimensionsAndNullInputsAreRejected()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            _encoder.GenerateAsync(["a"], new EmbeddingGenerationOptions { Dimensions = 256 }, Token));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _encoder.GenerateAsync(null!, cancellationToken: Token));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _encoder.GenerateAsync(["a", null!], cancellationToken: Token));
        var none = await _encoder.GenerateAsync([], new EmbeddingGenerationOptions { Dimensions = 512 }, Token);
        Assert.Empty(none);
    }
}
