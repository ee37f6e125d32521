using System.CommandLine;
using ChatBot.Cli;

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
    ApiKeyCommand.Create(data),
    LoadTestCommand.Create(),
};

// Every error that reaches this point is one line on stderr and an exit code (ExitCodes), never a stack trace.
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    var (code, message) = ExitCodes.For(e);
    Console.Error.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
    return code;
}
