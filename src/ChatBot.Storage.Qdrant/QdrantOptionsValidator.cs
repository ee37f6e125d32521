using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Qdrant;

/// <summary>Validates <see cref="QdrantOptions"/> when options are built (and at start-up with <c>ValidateOnStart</c>).</summary>
internal sealed class QdrantOptionsValidator : IValidateOptions<QdrantOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => "Qdrant: " + e));
    }
}
