using System.CommandLine;
using ChatBot.Cli;
using ChatBot.Storage;

var data = new Option<string?>("--data") { Description = "Data directory (default: ChatBot:DataDirectory from appsettings.json)", Recursive = true };
var root = new RootCommand("ChatBot: verbatim, cited quotes from officials' transcripts")
{
    IngestCommand.Create(data),
    SearchCommand.Create(data),
    AskCommand.Create(data),
    EvalCommand.Create(data),
    FitRelevanceCommand.Create(data),
    BenchCommand.Create(data),
    ServeCommand.Create(data),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (StoreException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 3;
}
catch (Exception e) when (e is ArgumentException or FormatException or FileNotFoundException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
