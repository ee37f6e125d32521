using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Qdrant;

/// <summary>Registers the Qdrant store.</summary>
public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QdrantTranscriptStore"/> as a singleton and as <see cref="ITranscriptStore"/>, with
    /// validated <see cref="QdrantOptions"/> (checked at start-up). The store owns one gRPC channel to the server; the
    /// <c>api-key</c> header is added to each call and never logged.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (address, key, collection, vector size...).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddQdrantTranscriptStore(this IServiceCollection services, Action<QdrantOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<QdrantOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>();
        services.AddSingleton(sp => new QdrantTranscriptStore(sp.GetRequiredService<IOptions<QdrantOptions>>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<QdrantTranscriptStore>());
        return services;
    }
}
