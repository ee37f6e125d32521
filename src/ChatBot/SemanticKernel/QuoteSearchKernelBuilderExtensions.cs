using ChatBot.Retrieval;
using Microsoft.SemanticKernel;

namespace ChatBot.SemanticKernel;

/// <summary>Adds the bot's quote search to a Semantic Kernel application or agent.</summary>
public static class QuoteSearchKernelBuilderExtensions
{
    /// <summary>The plugin name <see cref="AddChatBotQuoteSearch"/> uses unless told otherwise.</summary>
    public const string DefaultPluginName = "Quotes";

    /// <summary>
    /// Adds the plugin <paramref name="pluginName"/> with the function <c>GetTextSearchResults</c> (arguments
    /// <c>query</c>, <c>count</c>, <c>skip</c>, <c>speaker</c>, <c>year</c>) over <paramref name="search"/>: see
    /// <see cref="QuoteSearchPlugin"/>.
    /// </summary>
    public static IKernelBuilder AddChatBotQuoteSearch(this IKernelBuilder builder, ISearchService search, string pluginName = DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Plugins.AddFromObject(new QuoteSearchPlugin(new QuoteTextSearch(search)), pluginName);
        return builder;
    }
}
