namespace Console.Web.Api;

/// <summary>What the OpenAPI document says of one operation beyond its types: the refusal codes it answers with and a body to copy.</summary>
internal sealed record ApiOperationDoc(IReadOnlyList<string> Refusals, object? Example);

internal static class ApiOperationDocExtensions
{
    /// <summary>Names and summarises an operation, with the request body a client can start from and the refusal codes it may meet.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder builder, string name, string summary, object? example = null,
        params IEnumerable<string> refusals) =>
        builder.WithName(name).WithSummary(summary).WithMetadata(new ApiOperationDoc(refusals.Distinct().ToList(), example));
}

/// <summary>Refusal codes this operation answers with 404 rather than 409 (a code may mean "no such id" here and a conflict elsewhere).</summary>
internal sealed record ApiNotFoundCodes(IReadOnlyList<string> Codes);

internal static class ApiNotFoundCodesExtensions
{
    public static RouteHandlerBuilder NotFoundWith(this RouteHandlerBuilder builder, params string[] codes) =>
        builder.WithMetadata(new ApiNotFoundCodes(codes));
}
