using Console.Domain.Data;
using Console.Domain.Segments;
using Console.Tests.Admin;
using Dapper;

namespace Console.Tests.Segments;

/// <summary>
/// A small hand-built store where each segment field tells the five customers apart, on a fixed clock: now is
/// 2026-06-15 12:00 in Shanghai (04:00 UTC). Several rows sit where a UTC day and a business day disagree.
/// </summary>
public sealed class SegmentShop : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 4, 0, 0, TimeSpan.Zero);

    public static readonly string[] Names = ["ann", "bob", "cai", "dan", "eve"];

    public SegmentShop()
    {
        Store = new TempStore();
        Clock = new ManualClock(Now);
        Runner = new StatementRunner(Store.Db, new WriteGate(Store.Db));
        Queries = new SegmentQueries(new BusinessTime(new BusinessOptions()), Clock, Store.PersonalData);
        using var connection = Store.Db.Open();
        connection.Execute(Rows);
    }

    public TempStore Store { get; }
    public ManualClock Clock { get; }
    public StatementRunner Runner { get; }
    public SegmentQueries Queries { get; }

    public SegmentRule Rule(string json)
    {
        var errors = new FieldErrors();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var rule = new RuleReader(MoneyBounds.Default).Read(document.RootElement, errors);
        Assert.True(errors.Valid, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Code}")));
        return rule!;
    }

    /// <summary>The names of the customers the rule selects, in id order.</summary>
    public async Task<string[]> MembersAsync(string json)
    {
        await using var read = await Runner.ReadAsync(CancellationToken.None);
        var ids = await Queries.IdsAsync(read, Rule(json), CancellationToken.None);
        return [.. ids.Select(id => Names[id - 1])];
    }

    public void Dispose()
    {
        Runner.Dispose();
        Store.Dispose();
    }

    private const string Rows =
        """
        INSERT INTO customers (id, external_id, name, email, city, source, email_opt_in, created_at, updated_at) VALUES
            (1, 'ann', 'Ann', 'ann@example.com', 'Shanghai', 'douyin', 1, '2026-06-10 02:00:00', '2026-06-10 02:00:00'),
            (2, 'bob', 'Bob', 'bob@example.com', 'Beijing', 'kol', 0, '2026-01-01 02:00:00', '2026-01-01 02:00:00'),
            (3, 'cai', 'Cai', NULL, NULL, NULL, 1, '2026-06-15 01:00:00', '2026-06-15 01:00:00'),
            (4, 'dan', 'Dan', 'dan@example.com', 'Shanghai', 'wechat', 0, '2025-06-01 02:00:00', '2025-06-01 02:00:00'),
            (5, 'eve', 'Eve', 'eve@example.com', 'Hangzhou', 'douyin', 1, '2026-06-14 17:00:00', '2026-06-14 17:00:00');
        INSERT INTO courses (id, external_id, title, category, list_price, created_at, updated_at) VALUES
            (1, 'py', 'Python', 'programming', 10000, '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
            (2, 'ps', 'Photoshop', 'design', 5000, '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
            (3, 'go', 'Go', 'programming', 8000, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
        INSERT INTO live_sessions (id, external_id, course_id, title, updated_at) VALUES
            (1, 's1', 1, 'Python live', '2026-06-10 00:00:00'),
            (2, 's2', 2, 'Design live', '2026-06-01 00:00:00');
        INSERT INTO orders (id, order_id, customer_id, course_id, list_price, payable, refunded, status, paid_at, created_at) VALUES
            (1, 'o1', 1, 1, 10000, 10000, 0, 'paid', '2026-06-14 20:00:00', '2026-06-14 20:00:00'),
            (2, 'o2', 2, 2, 5000, 5000, 5000, 'refunded', '2026-06-01 02:00:00', '2026-06-01 02:00:00'),
            (3, 'o3', 2, 3, 8000, 8000, 2000, 'partially_refunded', '2026-05-01 02:00:00', '2026-05-01 02:00:00'),
            (4, 'o4', 4, 1, 10000, 10000, 0, 'paid', '2026-03-01 02:00:00', '2026-03-01 02:00:00'),
            (5, 'o5', 4, 2, 5000, 3000, 0, 'paid', '2026-03-02 02:00:00', '2026-03-02 02:00:00');
        INSERT INTO events (id, event_key, event_id, customer_id, type, occurred_at, course_id, live_session_id, value) VALUES
            (1, 1, 'e1', 1, 'watch', '2026-06-10 12:00:00', 1, 1, 1800),
            (2, 2, 'e2', 1, 'chat', '2026-06-10 12:05:00', 1, 1, NULL),
            (3, 3, 'e3', 2, 'watch', '2026-06-01 12:00:00', 2, 2, 1799),
            (4, 4, 'e4', 2, 'watch', '2026-05-01 12:00:00', 2, 2, 3600),
            (5, 5, 'e5', 3, 'page_view', '2026-06-15 01:30:00', 1, NULL, NULL),
            (6, 6, 'e6', 4, 'question', '2026-06-12 12:00:00', 2, 2, NULL),
            (7, 7, 'e7', 4, 'poll_vote', '2026-06-12 12:01:00', 2, 2, NULL),
            (8, 8, 'e8', 4, 'like', '2026-04-01 12:00:00', 2, 2, NULL);
        INSERT INTO surveys (id, name, status, trigger_kind, created_at, updated_at) VALUES (1, 'NPS', 'open', 'manual', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        INSERT INTO survey_responses (id, survey_id, response_id, customer_id, answers_json, nps_score, submitted_at, received_at) VALUES
            (1, 1, 'r1', 1, '{}', 3, '2026-06-01 00:00:00', '2026-06-01 00:00:00'),
            (2, 1, 'r2', 1, '{}', 9, '2026-06-10 00:00:00', '2026-06-10 00:00:00'),
            (3, 1, 'r3', 2, '{}', 7, '2026-06-02 00:00:00', '2026-06-02 00:00:00'),
            (4, 1, 'r4', 4, '{}', 10, '2026-05-01 00:00:00', '2026-05-01 00:00:00'),
            (5, 1, 'r5', 4, '{}', 2, '2026-06-01 00:00:00', '2026-06-01 00:00:00'),
            (6, 1, 'r6', 5, '{}', NULL, '2026-06-01 00:00:00', '2026-06-01 00:00:00');
        INSERT INTO model_versions (id, kind, version, status, trained_at, window_from, window_to, options_json, metrics_json, rows, model)
            VALUES (1, 'propensity', 1, 'active', '2026-06-14 00:00:00', '2026-01-01 00:00:00', '2026-06-14 00:00:00', '{}', '{}', 0, x'00');
        INSERT INTO segment_propensity (customer_id, probability, model_id, scored_at) VALUES
            (1, 0.8, 1, '2026-06-15 00:00:00'), (2, 0.3, 1, '2026-06-15 00:00:00'), (4, 0.55, 1, '2026-06-15 00:00:00');
        INSERT INTO kols (id, external_id, name, created_at, updated_at) VALUES
            (1, 'kol-a', 'KOL A', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
            (2, 'kol-b', 'KOL B', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        INSERT INTO kol_contracts (id, kol_id, starts_at, rate_kind, rate_value, created_at) VALUES
            (1, 1, '2026-01-01 00:00:00', 'percent', 1000, '2026-01-01 00:00:00'),
            (2, 2, '2026-01-01 00:00:00', 'percent', 1000, '2026-01-01 00:00:00');
        INSERT INTO order_attributions (order_id, kol_id, via, contract_id, paid_at, month) VALUES
            (3, 1, 'code', 1, '2026-05-01 02:00:00', '2026-05'),
            (4, 2, 'code', 2, '2026-03-01 02:00:00', '2026-03');
        INSERT INTO coupon_campaigns (id, name, kind, value, status, created_at, updated_at) VALUES
            (1, 'Spring', 'amount_off', 1000, 'active', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
            (2, 'Summer', 'amount_off', 1000, 'active', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        INSERT INTO coupon_codes (id, code, campaign_id, created_at) VALUES
            (1, 'SPRING', 1, '2026-01-01 00:00:00'), (2, 'SUMMER', 2, '2026-01-01 00:00:00');
        INSERT INTO coupon_redemptions (id, order_id, campaign_id, code_id, customer_id, amount, redeemed_at, reversed_at) VALUES
            (1, 1, 1, 1, 1, 1000, '2026-06-14 20:00:00', NULL),
            (2, 4, 1, 1, 4, 1000, '2026-03-01 02:00:00', '2026-03-05 02:00:00'),
            (3, 3, 2, 2, 2, 1000, '2026-05-01 02:00:00', NULL);
        INSERT INTO experiments (id, experiment_key, name, metric_kind, status, created_at, updated_at) VALUES
            (1, 'exp', 'Experiment', 'conversion', 'running', '2026-06-01 00:00:00', '2026-06-01 00:00:00');
        INSERT INTO experiment_variants (id, experiment_id, position, variant_key, weight) VALUES
            (1, 1, 0, 'control', 50), (2, 1, 1, 'treat', 50);
        INSERT INTO experiment_exposures (id, experiment_id, customer_id, variant_id, exposed_at) VALUES
            (1, 1, 1, 1, '2026-06-02 00:00:00'), (2, 1, 2, 2, '2026-06-02 00:00:00'), (3, 1, 3, NULL, '2026-06-02 00:00:00');
        """;
}
