using System.Collections.Concurrent;
using ChatBot.Answering;
using ChatBot.Telegram.Tests.Support;

namespace ChatBot.Telegram.Tests.Fakes;

/// <summary>An <see cref="IAnswerService"/> whose behaviour a test sets through <see cref="OnAsk"/>; calls are recorded.</summary>
internal sealed class FakeAnswerService : IAnswerService
{
    public Func<string, IReadOnlyList<Answer>, AskOptions?, CancellationToken, Task<Answer>> OnAsk { get; set; } =
        (question, _, _, _) => Task.FromResult(TestData.ExtractiveAnswer(question));

    public ConcurrentQueue<(string Question, IReadOnlyList<Answer> History, AskOptions? Options)> Calls { get; } = new();

    public Task<Answer> AskAsync(string question, IReadOnlyList<Answer>? history = null, AskOptions? options = null, CancellationToken cancellationToken = default)
    {
        var h = history ?? [];
        Calls.Enqueue((question, h, options));
        return OnAsk(question, h, options, cancellationToken);
    }
}
