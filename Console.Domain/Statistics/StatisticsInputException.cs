namespace Console.Domain.Statistics;

/// <summary>
/// Numbers the engine cannot answer honestly (a negative count, more conversions than users, a relative effect against
/// a control of 0...). It names the request field and a code (StatisticsCodes) so the API can answer 400 instead of NaN.
/// </summary>
public sealed class StatisticsInputException(string field, string code, params object[] args)
    : Exception($"{field}: {code}")
{
    public string Field { get; } = field;

    public string Code { get; } = code;

    public object[] Args { get; } = args;
}
