using Console.Domain.Segments;
using static Console.Web.Api.ApiFields;

namespace Console.Web.Api;

/// <summary>What each field of the segment requests means and accepts, for the OpenAPI document.</summary>
internal static class SegmentsApiFields
{
    private const string Rule = "The rule: { all | any: [ condition | rule ] }, groups nested at most 5 deep with at most 50 conditions; "
        + "a condition is { field, op, value } over the fields GET /api/v1/segments/fields lists. Money values are decimals in the shop "
        + "currency, propensity a probability from 0 to 1, list operators (in, not_in) take a list, any and none take no value, and an "
        + "experiment variant is written experimentKey:variantKey.";

    public static readonly Dictionary<Type, IReadOnlyDictionary<string, Field>> Requests = new()
    {
        [typeof(SegmentInput)] = new Dictionary<string, Field>
        {
            ["name"] = new("The segment's name, at most 200 characters; required on create. On update, left out keeps the stored value.", MaxLength: 200),
            ["rule"] = new(Rule + " Required on create; on update, left out keeps the stored rule."),
        },
        [typeof(SegmentsApi.PreviewInput)] = new Dictionary<string, Field>
        {
            ["rule"] = new(Rule, Required: true),
            ["n"] = new("How many sample customers to answer, newest first; default 20.", Kinds.Whole, Min: 0, Max: SegmentQueries.MaxSample),
        },
    };
}
