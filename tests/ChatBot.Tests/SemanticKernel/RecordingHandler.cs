using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ChatBot.Tests.SemanticKernel;

/// <summary>Keeps the JSON body of every request an HTTP client sends, then sends it on (to the fake server on loopback).</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<JsonNode> Bodies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken);
            Bodies.Enqueue(JsonNode.Parse(await content.ReadAsStringAsync(cancellationToken))!);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
