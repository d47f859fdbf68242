using static Console.Web.Api.ApiFields;

namespace Console.Web.Api;

/// <summary>What the statistics requests' fields mean, for the OpenAPI document (ApiFields.Requests holds them).</summary>
internal static class StatisticsFields
{
    private const string Alpha = "Two-sided significance level, from 0.0001 to 0.5; default 0.05 (95 % intervals).";

    public static Dictionary<string, Field> Pair(string arm) => new()
    {
        ["control"] = new($"The control arm: {arm}.", Required: true),
        ["treatment"] = new($"The treatment arm, compared with the control: {arm}.", Required: true),
        ["alpha"] = new(Alpha, Kinds.Number),
    };

    public static Dictionary<string, Field> MeanArm() => new()
    {
        ["n"] = new("Users in the arm; at least 2.", Kinds.Whole, true, Min: 2),
        ["mean"] = new("The arm's mean, with sd; or send sum and sumSquares instead.", Kinds.Number),
        ["sd"] = new("The sample standard deviation (n − 1 in the denominator), with mean.", Kinds.Number),
        ["sum"] = new("Σx over the arm's users, with sumSquares, instead of mean and sd.", Kinds.Number),
        ["sumSquares"] = new("Σx² over the arm's users, with sum.", Kinds.Number),
    };

    public static Dictionary<string, Field> SequentialArm() => new(MeanArm())
    {
        ["n"] = new("Users in the arm; at least 1 for proportions, 2 for means.", Kinds.Whole, true, Min: 1),
        ["conversions"] = new("For proportions: users who converted, from 0 to n. Leave out mean, sd, sum and sumSquares.", Kinds.Whole, Min: 0),
    };

    public static Dictionary<string, Field> Sequential() => new(Pair("as proportions (n, conversions) or as means (n with mean and sd, or sum and sumSquares), both arms alike"))
    {
        ["tuning"] = new("N*, the sample size the mixture is tuned for, from 1 to 1e9; default 5000.", Kinds.Number),
    };

    public static Dictionary<string, Field> SampleSize() => new()
    {
        ["baseline"] = new("The control's conversion rate, between 0 and 1 (0.1 is 10 %).", Kinds.Number, true),
        ["mde"] = new("The smallest effect worth detecting, not 0: a change of the rate (absolute) or a share of the baseline (relative).", Kinds.Number, true),
        ["mdeKind"] = new("How mde is read; default relative.", Kinds.Word, Words: StatisticsApi.MdeKinds),
        ["alpha"] = new(Alpha, Kinds.Number),
        ["power"] = new("The chance of detecting an effect of mde, from 0.5 to 0.9999; default 0.8.", Kinds.Number),
        ["variants"] = new($"Arms, control included, from 2 to {Domain.Statistics.SampleSize.MaxVariants}; default 2.", Kinds.Whole, Min: 2, Max: Domain.Statistics.SampleSize.MaxVariants),
        ["trafficPerDay"] = new("New users a day that the test sees in all; when sent, the answer has days.", Kinds.Whole, Min: 1),
    };
}
