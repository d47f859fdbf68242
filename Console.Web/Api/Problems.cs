using Console.Domain.Data;
using Console.Domain.Orders;
using Microsoft.AspNetCore.Mvc;

namespace Console.Web.Api;

/// <summary>RFC 9457 answers. A business refusal carries a machine-readable code that clients switch on.</summary>
public static class Problems
{
    public static IResult Refusal(string code, string detail, int status = StatusCodes.Status409Conflict) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: code.Replace('_', ' '),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Validation(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    /// <summary>The domain's field errors: English under errors (API.md), and beside them their codes, field by field.</summary>
    public static IResult Validation(FieldErrors errors) => TypedResults.ValidationProblem(
        errors.ByField().ToDictionary(g => g.Key, g => g.Select(ErrorText.English).ToArray()),
        extensions: new Dictionary<string, object?> { ["codes"] = errors.ByField().ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()) });

    /// <summary>A domain refusal, worded in English from its code and arguments.</summary>
    public static IResult Refusal(OrderRefusal refusal, int status = StatusCodes.Status409Conflict) =>
        Refusal(refusal.Code, ErrorText.English(refusal.Code, refusal.Args), status);

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
