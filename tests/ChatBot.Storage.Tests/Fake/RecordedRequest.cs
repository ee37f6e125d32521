namespace ChatBot.Storage.Tests.Fake;

/// <summary>A request the fake received: method, path, query string, body and the <c>api-key</c> header.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? ApiKey)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
