namespace ChatBot.Web;

/// <summary>Log messages of the web pages (event ids 7000-7099).</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "The page {Path} failed")]
    public static partial void PageFailed(ILogger logger, Exception exception, string path);
}
