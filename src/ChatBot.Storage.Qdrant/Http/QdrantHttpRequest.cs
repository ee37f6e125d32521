using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>
/// One REST call: what it is for (named in errors and logs), method, path relative to the server, and the body
/// serialised once so every retry sends the same bytes.
/// </summary>
internal sealed record QdrantHttpRequest(string Operation, HttpMethod Method, string Path, byte[]? Body)
{
    public static QdrantHttpRequest Create(string operation, HttpMethod method, string path) => new(operation, method, path, null);

    public static QdrantHttpRequest Create<TBody>(string operation, HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> typeInfo) =>
        new(operation, method, path, JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));

    /// <summary>A fresh message for one attempt, with the <c>api-key</c> header when a key is configured.</summary>
    public HttpRequestMessage ToMessage(Uri baseUri, string? apiKey)
    {
        var message = new HttpRequestMessage(Method, new Uri(baseUri, Path));
        if (apiKey is not null) message.Headers.TryAddWithoutValidation("api-key", apiKey);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return message;
    }
}
