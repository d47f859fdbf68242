using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Demo;

/// <summary>Small demo stores and a fingerprint of table contents for comparing two of them.</summary>
internal static class DemoTestData
{
    public static readonly DateOnly EndDay = new(2026, 3, 1);

    // Every column of every table the seed writes, in a fixed order, so the hash covers all of it.
    public static readonly Dictionary<string, string> Tables = new()
    {
        ["courses"] = "SELECT id, external_id, title, category, list_price, lecturer, status, created_at, updated_at FROM courses ORDER BY id",
        // Email and phone are sealed with a fresh random vector each time, so they are compared opened (Contacts).
        ["customers"] = "SELECT id, external_id, name, city, source, email_opt_in, is_stub, created_at, updated_at FROM customers ORDER BY id",
        ["live_sessions"] = "SELECT id, external_id, course_id, title, platform, host, scheduled_at, started_at, ended_at, peak_viewers, updated_at FROM live_sessions ORDER BY id",
        ["events"] = "SELECT id, event_id, customer_id, type, occurred_at, course_id, live_session_id, value, coupon_campaign_id FROM events ORDER BY id",
        ["orders"] = "SELECT id, order_id, customer_id, course_id, live_session_id, channel, referral_code, list_price, discount, payable, refunded, status, paid_at, created_at, rolled_up FROM orders ORDER BY id",
        ["order_discounts"] = "SELECT id, order_id, kind, code, campaign_id, amount FROM order_discounts ORDER BY id",
        ["coupon_campaigns"] = "SELECT id, name, kind, value, min_spend, max_discount, eligibility, audience, starts_at, ends_at, total_limit, per_customer_limit, budget, budget_used, uses, stackable, priority, status, return_use_on_refund, live_session_id, claim_minutes, created_at, updated_at FROM coupon_campaigns ORDER BY id",
        ["coupon_campaign_categories"] = "SELECT campaign_id, category FROM coupon_campaign_categories ORDER BY campaign_id, category",
        ["coupon_campaign_courses"] = "SELECT campaign_id, course_id FROM coupon_campaign_courses ORDER BY campaign_id, course_id",
        ["coupon_codes"] = "SELECT id, code, campaign_id, is_unique, uses, created_at FROM coupon_codes ORDER BY id",
        ["coupon_redemptions"] = "SELECT id, order_id, campaign_id, code_id, customer_id, amount, redeemed_at, reversed_at, use_returned FROM coupon_redemptions ORDER BY id",
        ["group_buy_campaigns"] = "SELECT id, name, course_id, team_size, group_price, leader_price, team_window_minutes, starts_at, ends_at, max_teams, teams_opened, status, created_at, updated_at FROM group_buy_campaigns ORDER BY id",
        ["group_buy_teams"] = "SELECT id, campaign_id, leader_customer_id, state, size, members, opened_at, expires_at, closed_at FROM group_buy_teams ORDER BY id",
        ["group_buy_members"] = "SELECT id, team_id, customer_id, order_id, is_leader, joined_at FROM group_buy_members ORDER BY id",
        ["refunds"] = "SELECT id, order_id, amount, reason, first_for_order, refunded_at, rolled_up FROM refunds ORDER BY id",
        ["kols"] = "SELECT id, external_id, name, platform, handle, customer_id, status, created_at, updated_at FROM kols ORDER BY id",
        ["kol_clicks"] = "SELECT id, click_id, link_id, kol_id, clicked_at, ip_hash, user_agent, referrer FROM kol_clicks ORDER BY id",
        ["order_attributions"] = "SELECT order_id, kol_id, via, click_id, contract_id, self_referral, paid_at, month FROM order_attributions ORDER BY order_id",
        ["kol_commissions"] = "SELECT id, kol_id, order_id, contract_id, kind, amount, base, rate_kind, rate_value, status, held, month, earned_at, available_at, refund_id, payout_id, created_at FROM kol_commissions ORDER BY id",
    };

    /// <summary>Every customer's email and phone as given, opened with the store's key ring.</summary>
    public static IReadOnlyList<(long Id, string? Email, string? Phone)> Contacts(TempStore store)
    {
        using var connection = store.Db.Open();
        return connection.Query<(long Id, string? Email, string? Phone)>("SELECT id, email, phone FROM customers ORDER BY id")
            .Select(c => (c.Id, store.PersonalData.Open(c.Email), store.PersonalData.Open(c.Phone))).ToList();
    }

    public static DemoSeeder Seeder(TempStore store) => new(store.Db, new BusinessTime(new BusinessOptions()), store.PersonalData);

    public static Task<DemoResult> SeedAsync(TempStore store, int customers, int days, int seed, List<string>? progress = null) =>
        Seeder(store).SeedAsync(new DemoPlan(customers, days, seed, EndDay), progress is null ? null : progress.Add);

    /// <summary>SHA-256 over the ordered rows of one table: equal hashes mean equal contents.</summary>
    public static string Hash(Db db, string table)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Tables[table];
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
                text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
            text.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static Dictionary<string, string> HashAll(Db db) => Tables.Keys.ToDictionary(t => t, t => Hash(db, t));
}
