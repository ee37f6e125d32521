using ChatBot.Model;
using ChatBot.Storage;

namespace ChatBot.Telegram.Tests.Fakes;

/// <summary>An in-memory <see cref="ITranscriptStore"/> with the reads the bot uses; writes and search are not supported.</summary>
internal sealed class FakeTranscriptStore : ITranscriptStore
{
    public Dictionary<string, TranscriptDocument> Documents { get; } = [];

    public List<SpeakerSummary> Speakers { get; } = [];

    public StoreStatistics Statistics { get; set; } = new(0, 0, 0, null, null, null, null);

    public string Description => "fake";

    public Task<TranscriptDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Documents.GetValueOrDefault(documentId));

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Statistics);

    public Task<IReadOnlyList<SpeakerSummary>> ListSpeakersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SpeakerSummary>>(Speakers);

    public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DocumentSummary>>([]);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<StoredDocumentState?> GetDocumentStateAsync(string documentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task UpsertDocumentAsync(TranscriptDocument document, IReadOnlyList<IndexedChunk> chunks, string indexSignature, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChunkHit>> SearchAsync(ChunkSearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
