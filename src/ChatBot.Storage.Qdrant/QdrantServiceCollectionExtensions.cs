using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Qdrant;

/// <summary>Registers the Qdrant store.</summary>
public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QdrantTranscriptStore"/> as a singleton and as <see cref="ITranscriptStore"/>, with
    /// validated <see cref="QdrantOptions"/> (checked at start-up) and a named <see cref="HttpClient"/> from
    /// <see cref="IHttpClientFactory"/>. The client has no timeout of its own (the store times each attempt) and its
    /// logging redacts every header value, so the <c>api-key</c> header never reaches a log.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (URL, key, collection, vector size...).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddQdrantTranscriptStore(this IServiceCollection services, Action<QdrantOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<QdrantOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>();
        services.AddHttpClient(QdrantTranscriptStore.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true);
        services.AddSingleton(sp => new QdrantTranscriptStore(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<QdrantOptions>>(),
            sp.GetService<ILogger<QdrantTranscriptStore>>()));
        services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<QdrantTranscriptStore>());
        return services;
    }
}
