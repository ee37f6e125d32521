namespace ChatBot.Storage.Tests.Fake;

/// <summary>An error the fake answers with, in Qdrant's envelope <c>{"status": {"error": ...}}</c>.</summary>
internal sealed class FakeQdrantError(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
