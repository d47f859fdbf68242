namespace Console.Web.Api;

/// <summary>The groups of the API document, in the order of API.md; every operation names one of them.</summary>
internal static class ApiTags
{
    public static readonly (string Name, string Description)[] All =
    [
        ("Customers", "Customers pushed by the platform, upserted by externalId."),
        ("Courses", "Courses and their list prices, upserted by externalId."),
        ("Live sessions", "Live-stream sessions selling a course, upserted by externalId."),
        ("Events", "Behaviour events (views, watching, chat, claims...), idempotent by eventId."),
        ("Orders", "Quotes before checkout, paid orders with their coupons and group-buy teams, and refunds."),
        ("Coupons", "Checking a coupon before checkout."),
        ("Group buys", "Group-buy (拼团) teams as the storefront shows them."),
        ("Coupon campaigns", "Creating and changing coupon campaigns; keys with scope manage."),
        ("Group-buy campaigns", "Creating and reading group-buy campaigns; keys with scope manage."),
        ("KOLs", "KOL partners: roster, contracts, referral codes, tracked links and commission lines; keys with scope manage."),
        ("Payouts", "Payout batches of approved KOL commission lines; keys with scope manage."),
        ("Experiments", "A/B experiments: definitions (scope manage), sticky assignment for the storefront, and stored results."),
        ("Statistics", "Pure computations over the numbers sent: the engine behind experiment results and the console's calculators."),
        ("Surveys", "Surveys and their answers: definitions, results and exports (scope manage), and answers collected by the platform."),
        ("Text analysis", "Sentiment and keywords of free text in Chinese and English, by the console's own model; nothing is stored."),
        ("Recommendations", "Courses recommended to a customer by the active recommender."),
        ("Models", "Trained model versions and rollback (scope manage), and a customer's purchase propensity."),
        ("Segments", "Audience segments: rules over behaviour, purchases, feedback and propensity, with sizes and samples; keys with scope manage."),
        ("Reports", "PDF sales reports rendered by a job, their archive, and schedules that mail them; keys with scope manage."),
        ("Email campaigns", "Targeted email to a segment: Liquid templates, test sends, sending, pause and resume, delivery log and results; keys with scope manage."),
        ("Health", "Liveness and readiness probes; no key needed."),
    ];
}
