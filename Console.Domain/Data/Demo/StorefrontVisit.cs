namespace Console.Domain.Data.Demo;

/// <summary>One visit to the shop outside a live session: a few page views, sometimes a cart, sometimes a purchase.</summary>
internal static class StorefrontVisit
{
    private static readonly double[] Appeal = DemoCatalogue.Courses.Select(c => c.Appeal).ToArray();

    public static string Channel(Random rng, DemoCustomer customer) => customer.Source switch
    {
        "kol" => rng.Chance(0.6) ? DemoVocabulary.KolLink : rng.Pick(DemoVocabulary.VisitChannels),
        "wechat" => rng.Chance(0.5) ? DemoVocabulary.WechatMini : rng.Pick(DemoVocabulary.VisitChannels),
        _ => DemoVocabulary.VisitChannels[rng.Weighted([45, 20, 10, 25])],
    };

    /// <summary>The course the visit is about: often the one last seen live, otherwise by appeal and taste.</summary>
    public static DemoCourse Course(Random rng, DemoCustomer customer, int lastLiveCourse)
    {
        if (lastLiveCourse > 0 && rng.Chance(0.35)) return DemoCatalogue.Course(lastLiveCourse);
        var weights = new double[Appeal.Length];
        for (var i = 0; i < weights.Length; i++) weights[i] = Appeal[i] * customer.Affinity(DemoCatalogue.Courses[i].Category);
        return DemoCatalogue.Courses[rng.Weighted(weights)];
    }

    /// <summary>Writes the visit's page views; returns when the visit ends.</summary>
    public static DateTime Browse(Random rng, DateTime at, DemoCourse course, List<DemoEvent> events)
    {
        events.Add(new(at, DemoEventTypes.PageView, course.Id, 0, null));
        var more = rng.Poisson(1.0);
        for (var i = 0; i < more; i++)
        {
            at = at.AddSeconds(rng.Next(20, 180));
            events.Add(new(at, DemoEventTypes.PageView, rng.Next(1, DemoCatalogue.Courses.Count + 1), 0, null));
        }
        return at;
    }

    /// <summary>Odds rise with the channel, the customer's intent and taste, and the minutes they have watched live so far.</summary>
    public static bool Buys(Random rng, DemoCustomer customer, DemoCourse course, string channel, double watchedMinutes)
    {
        var logit = -2.8
            + DemoVocabulary.VisitChannelLift[Array.IndexOf(DemoVocabulary.VisitChannels, channel)]
            + 0.8 * customer.Intent
            + 0.4 * Math.Log(customer.Affinity(course.Category))
            - 0.3 * Math.Log(course.ListPrice / 50_000.0)
            + 0.35 * Math.Log(1 + watchedMinutes / 30);
        return rng.Chance(DemoRandom.Sigmoid(logit));
    }

    public static string? Referral(Random rng, DemoCustomer customer, string channel) => channel != DemoVocabulary.KolLink
        ? null
        : DemoVocabulary.Kols[customer.Kol >= 0 ? customer.Kol : rng.Weighted(DemoVocabulary.KolWeights)].ReferralCode;
}
