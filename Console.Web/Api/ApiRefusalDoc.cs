using System.Text.Json.Nodes;
using Console.Domain.Coupons;
using Console.Domain.Email;
using Console.Domain.Experiments;
using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Console.Domain.Partners;
using Console.Domain.Surveys;
using Microsoft.OpenApi;

namespace Console.Web.Api;

/// <summary>
/// The refusal codes in the OpenAPI document: the full list a client's enum is made from, the status each is answered
/// with, and the response that shows an operation's codes with their English and an example each.
/// </summary>
internal static class ApiRefusalDoc
{
    /// <summary>Every code an operation may answer a refusal with; the document test checks each operation's against it.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        .. OrderRefusals.All, .. CouponRefusals.All, .. GroupBuyRefusals.All, .. PartnerRefusals.All, .. ExperimentRefusals.All,
        .. Console.Domain.Segments.SegmentRefusals.All, .. Console.Domain.Reports.ReportRefusals.All, .. SurveyRefusals.All,
        EmailCodes.NotFound, EmailCodes.AlreadySent, EmailCodes.NotSending, EmailCodes.NoSegmentReader,
        ModelsApi.ModelNotTrained, ModelsApi.UnknownCustomer,
    ];

    public static IEnumerable<JsonNode> Enum() => All.Distinct().Select(c => (JsonNode)JsonValue.Create(c));

    /// <summary>The status a code is answered with wherever it appears; an operation may name more 404 codes of its own.</summary>
    public static int StatusOf(string code, IReadOnlyCollection<string> notFoundHere) => code switch
    {
        GroupBuyRefusals.TeamExpired => StatusCodes.Status410Gone,
        ExperimentRefusals.NotFound or EmailCodes.NotFound or ModelsApi.UnknownCustomer => StatusCodes.Status404NotFound,
        _ when notFoundHere.Contains(code) => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>A refusal answer that lists its codes with their English, and one example per code.</summary>
    public static OpenApiResponse Response(OpenApiDocument? document, string lead, IReadOnlyList<string> codes, int status)
    {
        var response = new OpenApiResponse
        {
            Description = lead + "\n" + string.Join("\n", codes.Select(c => $"- `{c}`: {English(c)}")),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("Problem", document) },
            },
        };
        response.Content["application/problem+json"].Examples = codes.ToDictionary(c => c, c => (IOpenApiExample)new OpenApiExample
        {
            Summary = c,
            Value = new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5." + status switch { 404 => "5", 410 => "11", _ => "10" },
                ["title"] = c.Replace('_', ' '),
                ["status"] = status,
                ["detail"] = English(c),
                ["code"] = c,
            },
        });
        return response;
    }

    private static string English(string code) => EmailErrorText.English(code, Placeholders(code));

    /// <summary>Stand-ins for a message's arguments: an id, a code or an amount, as the code's text takes them.</summary>
    private static object[] Placeholders(string code) => code switch
    {
        OrderRefusals.RefundExceedsPaid => [100m, 50m],
        GroupBuyRefusals.TeamNotFound => [12, 345],
        _ when CouponRefusals.All.Contains(code) => ["DOUBLE12"],
        OrderRefusals.UnknownCourse or OrderRefusals.UnknownLiveSession => ["k-101"],
        PartnerRefusals.KolExists => ["kol-lin"],
        PartnerRefusals.CodeTaken => ["LINXY"],
        PartnerRefusals.UnknownClick => ["9f2c41d0a7b35e6c1d8e04fa"],
        ExperimentRefusals.NotFound or ExperimentRefusals.Running or ExperimentRefusals.NotRunning => ["coupon-30-vs-20"],
        ModelsApi.UnknownCustomer => ["c-1024"],
        _ => [345],
    };
}
