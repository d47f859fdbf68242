namespace Console.Domain.Surveys;

/// <summary>NPS with its 95 % interval, CSAT, and the category of one score.</summary>
public sealed record NpsFigures(int Responses, int Promoters, int Passives, int Detractors, double Score, double CiLow, double CiHigh);

public static class NpsMath
{
    /// <summary>z of a two-sided 95 % normal interval.</summary>
    public const double Z95 = 1.959963984540054;

    public const string Promoter = "promoter";
    public const string Passive = "passive";
    public const string Detractor = "detractor";

    public static string Category(int score) => score >= 9 ? Promoter : score >= 7 ? Passive : Detractor;

    /// <summary>
    /// NPS = % promoters − % detractors, the mean of per-response scores +100, 0, −100. Its interval is the mean ± z times
    /// the standard error from those scores' sample variance, kept within −100..100; with fewer than two responses
    /// nothing is known, so it spans the whole scale.
    /// </summary>
    public static NpsFigures Of(int promoters, int passives, int detractors)
    {
        var n = promoters + passives + detractors;
        if (n == 0) return new NpsFigures(0, 0, 0, 0, 0, -100, 100);
        double p = (double)promoters / n, d = (double)detractors / n;
        var score = 100 * (p - d);
        if (n < 2) return new NpsFigures(n, promoters, passives, detractors, score, -100, 100);
        var variance = 10_000 * (p + d - (p - d) * (p - d)) * n / (n - 1);
        var half = Z95 * Math.Sqrt(variance / n);
        return new NpsFigures(n, promoters, passives, detractors, score, Math.Max(-100, score - half), Math.Min(100, score + half));
    }

    public static NpsFigures Of(IEnumerable<int> scores)
    {
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var s in scores)
        {
            if (s >= 9) promoters++;
            else if (s >= 7) passives++;
            else detractors++;
        }
        return Of(promoters, passives, detractors);
    }

    /// <summary>CSAT: the share of 4 and 5 among 1–5 answers; null without answers.</summary>
    public static double? Csat(int satisfied, int answers) => answers == 0 ? null : (double)satisfied / answers;
}
