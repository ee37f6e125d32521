using System.CommandLine;
using ChatBot.Storage;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Cli;

/// <summary><c>apikey create [--name N] | list | revoke ID</c>: keys for the HTTP API, kept hashed in the store.</summary>
public static class ApiKeyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> dataOption)
    {
        var name = new Option<string>("--name") { Description = "What the key is for (shown by list)", DefaultValueFactory = _ => "unnamed" };
        var create = new Command("create", "Make a key; it is printed once and stored only as its SHA-256") { name, dataOption };
        create.SetAction(async (parse, ct) =>
        {
            var keys = await OpenAsync(parse.GetValue(dataOption), ct);
            var (info, key) = keys.Create(parse.GetValue(name)!);
            Console.WriteLine(key);
            Console.Error.WriteLine($"Key {info.Id} ({info.Name}) created. Send it as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'; it cannot be shown again.");
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List keys (ids, names, dates; never the keys)") { dataOption };
        list.SetAction(async (parse, ct) =>
        {
            var keys = await OpenAsync(parse.GetValue(dataOption), ct);
            foreach (var k in keys.List())
                Console.WriteLine($"{k.Id}  {k.Name}  created {k.CreatedAt:yyyy-MM-dd HH:mm}Z  {(k.RevokedAt is { } r ? $"revoked {r:yyyy-MM-dd HH:mm}Z" : "valid")}");
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "The key's id (from list)" };
        var revoke = new Command("revoke", "Revoke a key by id") { id, dataOption };
        revoke.SetAction(async (parse, ct) =>
        {
            var keys = await OpenAsync(parse.GetValue(dataOption), ct);
            if (keys.Revoke(parse.GetValue(id)!)) return ExitCodes.Ok;
            Console.Error.WriteLine($"error: no valid key has the id '{parse.GetValue(id)}' (apikey list shows them)");
            return ExitCodes.Usage;
        });

        return new Command("apikey", "Manage API keys for the HTTP API") { create, list, revoke };
    }

    private static async Task<SqliteApiKeyStore> OpenAsync(string? data, CancellationToken ct)
    {
        var host = CliHost.Build(data);
        // The store opens first: a lost or damaged database is reported, never replaced by a file holding only keys.
        await host.Services.GetRequiredService<ITranscriptStore>().InitializeAsync(ct);
        return host.Services.GetRequiredService<SqliteApiKeyStore>();
    }
}
