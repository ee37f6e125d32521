using ChatBot.Api.Contracts;
using ChatBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatBot.Api;

/// <summary><c>GET /api/documents</c> and <c>GET /api/documents/{id}</c>.</summary>
public static class DocumentsApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents").RequireRateLimiting(ApiProtection.SearchLimit);
        group.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("List stored documents");
        group.MapGet("/{id}", GetAsync).WithName("GetDocument").WithSummary("A document's metadata, full stored text and speaker turns");
        return app;
    }

    /// <summary>All documents, newest first.</summary>
    public static async Task<Ok<List<DocumentSummaryDto>>> ListAsync(ITranscriptStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListDocumentsAsync(cancellationToken)).Select(DocumentSummaryDto.Of).ToList());

    /// <summary>One document.</summary>
    public static async Task<Results<Ok<DocumentDetailDto>, ProblemHttpResult>> GetAsync(string id, ITranscriptStore store, CancellationToken cancellationToken)
    {
        var document = await store.GetDocumentAsync(id, cancellationToken);
        return document is null
            ? TypedResults.Problem(title: "Document not found", detail: $"No document has the id '{id}'. GET /api/documents lists them.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(DocumentDetailDto.Of(document));
    }
}
