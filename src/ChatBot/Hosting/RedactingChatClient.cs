using Microsoft.Extensions.AI;

namespace ChatBot.Hosting;

/// <summary>
/// Wraps the chat model so that its failures carry no secret: an endpoint may echo the request's Authorization
/// header or key in its error body, which the client library puts in the exception message. The exception is
/// replaced by one with the redacted message and type name (the original, holding the body, is dropped).
/// </summary>
public sealed class RedactingChatClient(IChatClient inner, SecretRedactor redactor) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Redacted(e);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync()) yield break;
                update = updates.Current;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw Redacted(e);
            }

            yield return update;
        }
    }

    private ChatModelException Redacted(Exception e) => new(redactor.Redact($"{e.GetType().Name}: {e.Message}"));
}

/// <summary>The chat model failed; the message is already free of secrets.</summary>
public sealed class ChatModelException(string message) : Exception(message);
