using System.Security.Cryptography;

namespace ChatBot.Web;

/// <summary>The stylesheet and script, embedded in the assembly and served with a content hash in their address.</summary>
internal sealed class WebAsset
{
    private WebAsset(string name, string contentType)
    {
        using var stream = typeof(WebAsset).Assembly.GetManifestResourceStream($"ChatBot.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Content = copy.ToArray();
        ContentType = contentType;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Content))[..12];
        Path = $"/assets/{System.IO.Path.GetFileNameWithoutExtension(name)}.{Hash}{System.IO.Path.GetExtension(name)}";
    }

    public static WebAsset Css { get; } = new("site.css", "text/css; charset=utf-8");

    public static WebAsset Script { get; } = new("site.js", "text/javascript; charset=utf-8");

    public byte[] Content { get; }

    public string ContentType { get; }

    public string Hash { get; }

    /// <summary>Where the page links it ("/assets/site.0123456789ab.css"): a new build gets a new address.</summary>
    public string Path { get; }
}
