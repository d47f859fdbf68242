namespace Console.Domain.Data.Demo;

/// <summary>A customer row plus the hidden traits that drive their behaviour (never stored).</summary>
internal sealed record DemoCustomer(
    int Id, string Name, string Email, string Phone, string City, string Source, bool EmailOptIn, DateTime CreatedAt,
    double Engagement, double Intent, int FavouriteCategory, int SecondCategory, int Kol)
{
    public string ExternalId => $"demo-c-{Id:D6}";

    /// <summary>Taste strong enough that what a customer did predicts what they buy next better than what sells overall.</summary>
    public double Affinity(int category) =>
        category == FavouriteCategory ? 5.0 : category == SecondCategory ? 1.6 : 0.35;
}

/// <summary>Customers 1..N: about a third registered before the period, the rest join during it.</summary>
internal static class CustomerGenerator
{
    private const int Stream = 1;
    private static readonly string[] MobilePrefixes = ["138", "139", "150", "158", "186", "188", "177", "135"];

    public static DemoCustomer Create(DemoPlan plan, DemoCalendar calendar, int id)
    {
        var rng = DemoRandom.For(plan.Seed, Stream, id);
        var name = rng.Pick(DemoVocabulary.Surnames) + rng.Pick(DemoVocabulary.GivenNames);
        var phone = rng.Pick(MobilePrefixes) + rng.Next(0, 100_000_000).ToString("D8");
        var city = DemoVocabulary.Cities[rng.Weighted(DemoVocabulary.CityWeights)];
        var source = DemoVocabulary.Sources[rng.Weighted(DemoVocabulary.SourceWeights)];
        var kol = source == "kol" ? rng.Weighted(DemoVocabulary.KolWeights) : -1;
        var createdAt = rng.Chance(0.35)
            ? calendar.ActiveTime(rng, calendar.StartUtc.AddDays(-365), calendar.StartUtc)
            : calendar.ActiveTime(rng, calendar.StartUtc, calendar.EndUtc);
        // Log-normal with mean 1: most people watch a little, a few watch a lot.
        var engagement = Math.Exp(-0.32 + 0.8 * rng.Normal());
        var intent = rng.Normal();
        var favourite = rng.Next(DemoCatalogue.Categories.Length);
        var second = (favourite + 1 + rng.Next(DemoCatalogue.Categories.Length - 1)) % DemoCatalogue.Categories.Length;
        var optIn = rng.Chance(0.22 + 0.12 * Math.Min(engagement, 2.0));
        return new DemoCustomer(id, name, $"c{id:D6}@example.com", phone, city, source, optIn, createdAt,
            engagement, intent, favourite, second, kol);
    }
}
