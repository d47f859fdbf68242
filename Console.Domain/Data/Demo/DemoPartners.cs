using System.Data.Common;
using Console.Domain.Partners;
using Dapper;

namespace Console.Domain.Data.Demo;

/// <summary>
/// The demo's KOL partnerships, written after the orders: about thirty KOLs with contracts, codes and tracked links; the
/// KOL-referred orders attributed by code or by link (with their clicks), orders of KOL-hosted live sessions attributed to
/// the host, a few storefront orders brought by the other KOLs' links; commission lines as the ledger would hold them on
/// the demo's last day (pending, approved, paid in last month's payout, lowered or clawed back by refunds); and one KOL
/// tripping each fraud signal. Tier adjustments are left to the settlement job, which applies them on its first run.
/// </summary>
internal static class DemoPartners
{
    public const string Host = "shop.example.com";
    private const int Stream = 31;

    private static readonly string[] Names =
    [
        "李娜", "周杰", "吴敏", "郑浩", "冯雪", "韩梅", "杨帆", "朱琳", "秦川", "许晴", "何静", "吕强", "施洋", "张弛", "孔亮", "曹颖",
        "严宽", "华晨", "金鑫", "魏然", "陶然", "姜山", "戚薇", "谢安",
    ];

    private static readonly string[] Platforms = ["douyin", "wechat_channels", "bilibili", "xiaohongshu", "weibo", "own"];

    /// <summary>Trusted partners (every other one of the six big names) are held 2 days, the refund-heavy one not at all, so refunds claw back.</summary>
    private sealed record Kol(int Id, string ExternalId, string Name, string Platform, string Code, long RatePercent, string Binding, long Fee,
        int? CustomerId = null, int HoldingDays = KolWords.DefaultHoldingDays);

    private sealed record Attributed(DemoOrder Order, int KolId, string Via, int? ClickId, bool Self);

    public static void Write(DbConnection c, DbTransaction tx, DemoPlan plan, DemoCalendar calendar, IReadOnlyList<DemoOrder> orders,
        IReadOnlyList<DemoSession> sessions, BusinessTime time, Func<string?, string?> seal)
    {
        var rng = DemoRandom.For(plan.Seed, Stream, 0);
        var created = calendar.StartUtc.AddDays(-60);
        var kols = new List<Kol>();
        for (var i = 0; i < DemoVocabulary.Kols.Length; i++)
            kols.Add(new Kol(kols.Count + 1, $"kol-{i + 1:D2}", DemoVocabulary.Kols[i].Name, Platforms[i % Platforms.Length],
                DemoVocabulary.Kols[i].ReferralCode, 1_000 + 200 * (i % 4), i % 3 == 0 ? KolWords.FirstTouch : KolWords.LastTouch, 50_000 * (i % 3),
                HoldingDays: i % 2 == 0 ? 2 : KolWords.DefaultHoldingDays));
        foreach (var name in Names)
            kols.Add(new Kol(kols.Count + 1, $"kol-{kols.Count + 1:D2}", name, rng.Pick(Platforms), Speakable(rng), 800 + 100 * rng.Next(8),
                rng.Chance(0.3) ? KolWords.FirstTouch : KolWords.LastTouch, rng.Chance(0.4) ? 20_000 * rng.Next(1, 6) : 0));
        // The self-buyer is a customer with a plain storefront order that no other rule claims.
        var selfCustomer = orders.FirstOrDefault(o => o.ReferralCode is null && o.CouponCode is null && o.Held is null && o.SessionId == 0
            && o.Channel != DemoVocabulary.KolLink)?.CustomerId ?? 1;
        kols.Add(new Kol(kols.Count + 1, $"kol-{kols.Count + 1:D2}", "自购演示 · Self buyer", "own", "SELFBUY", 1_500, KolWords.LastTouch, 0, selfCustomer));
        kols.Add(new Kol(kols.Count + 1, $"kol-{kols.Count + 1:D2}", "退款演示 · Refunder", "weibo", "REFUNDS", 1_200, KolWords.LastTouch, 0,
            HoldingDays: 0));
        kols.Add(new Kol(kols.Count + 1, $"kol-{kols.Count + 1:D2}", "刷量演示 · Click farm", "douyin", "CLICKS", 1_000, KolWords.LastTouch, 0));
        kols.Add(new Kol(kols.Count + 1, $"kol-{kols.Count + 1:D2}", "秒单演示 · Instant", "xiaohongshu", "INSTANT", 1_000, KolWords.LastTouch, 0));

        foreach (var k in kols)
        {
            c.Execute("""
                INSERT INTO kols (id, external_id, name, platform, handle, email, customer_id, status, created_at, updated_at)
                VALUES (@Id, @ExternalId, @Name, @Platform, @handle, @email, @CustomerId, 'active', @created, @created)
                """, new { k.Id, k.ExternalId, k.Name, k.Platform, handle = "@" + k.ExternalId, email = seal($"{k.ExternalId}@kol.example.com"),
                k.CustomerId, created }, tx);
            c.Execute("""
                INSERT INTO kol_contracts (id, kol_id, starts_at, ends_at, rate_kind, rate_value, fixed_fee, attribution_window_days,
                                           holding_days, binding, created_at)
                VALUES (@Id, @Id, @created, NULL, 'percent', @RatePercent, @Fee, 7, @HoldingDays, @Binding, @created)
                """, new { k.Id, created, k.RatePercent, k.Fee, k.HoldingDays, k.Binding }, tx);
            if (k.Id % 4 == 1)
                c.Execute("INSERT INTO kol_contract_tiers (contract_id, from_monthly_net, value) VALUES (@Id, 1000000, @tier)",
                    new { k.Id, tier = k.RatePercent + 500 }, tx);
            c.Execute("INSERT INTO kol_codes (code, kol_id, created_at) VALUES (@Code, @Id, @created)", new { k.Code, k.Id, created }, tx);
            c.Execute("""
                INSERT INTO kol_links (id, code, kol_id, destination_url, label, status, created_at)
                VALUES (@Id, @link, @Id, @url, @label, 'active', @created)
                """, new { k.Id, link = "L" + k.Code.Replace("-", ""), url = $"https://{Host}/courses?kol={k.ExternalId}", label = k.Platform,
                created }, tx);
        }

        var byCode = kols.ToDictionary(k => k.Code, k => k.Id, StringComparer.Ordinal);
        var clicks = new List<(int Id, int KolId, DateTime At, string Ip, int? CustomerId)>();
        int Click(int kolId, DateTime at, string ip, int? customer)
        {
            clicks.Add((clicks.Count + 1, kolId, at, ip, customer));
            return clicks.Count;
        }
        string Ip() => Convert.ToHexStringLower(BitConverter.GetBytes(rng.NextInt64()));

        var attributed = new List<Attributed>();
        var taken = new HashSet<int>();
        var sessionKol = sessions.Where(s => s.Kol >= 0).ToDictionary(s => s.Id, s => s.Kol + 1);
        foreach (var o in orders)
        {
            // A viewer who bought in a KOL's own live room came through the host, with no code typed.
            if (o.SessionId > 0 && o.Channel != DemoVocabulary.KolLink && sessionKol.TryGetValue(o.SessionId, out var host)
                && (o.ReferralCode is null || o.ReferralCode == DemoVocabulary.Kols[host - 1].ReferralCode))
            {
                if (o.ReferralCode is not null)
                    c.Execute("UPDATE orders SET referral_code = NULL WHERE id = @Id", new { o.Id }, tx);
                attributed.Add(new Attributed(o, host, AttributionVia.LiveSession, null, false));
            }
            else if (o.ReferralCode is { } code && byCode.TryGetValue(code, out var kolId))
            {
                var link = o.Channel == DemoVocabulary.KolLink;
                attributed.Add(new Attributed(o, kolId, link ? AttributionVia.Link : AttributionVia.Code,
                    link ? Click(kolId, o.PaidAt.AddMinutes(-rng.Next(2, 600)), Ip(), o.CustomerId) : null, false));
            }
            else if (o.Channel != DemoVocabulary.KolLink && o.ReferralCode is null && o.CouponCode is null && o.CustomerId != selfCustomer
                     && rng.Chance(0.02))
            {
                var kol = 7 + rng.Next(Names.Length);
                attributed.Add(new Attributed(o, kol, AttributionVia.Link, Click(kol, o.PaidAt.AddMinutes(-rng.Next(5, 3000)), Ip(), o.CustomerId), false));
            }
            else continue;
            taken.Add(o.Id);
        }
        var free = orders.Where(o => !taken.Contains(o.Id) && o.Held is null && o.ReferralCode is null && o.CouponCode is null).ToList();
        var self = kols[^4];
        foreach (var o in free.Where(o => o.CustomerId == self.CustomerId).Take(2))
        {
            attributed.Add(new Attributed(o, self.Id, AttributionVia.Code, null, true));
            taken.Add(o.Id);
        }
        var refunder = kols[^3];
        foreach (var o in free.Where(o => !taken.Contains(o.Id) && o.Refunded > 0).Take(6)
                     .Concat(free.Where(o => !taken.Contains(o.Id) && o.Refunded == 0).Skip(50).Take(6)))
        {
            attributed.Add(new Attributed(o, refunder.Id, AttributionVia.Code, null, false));
            taken.Add(o.Id);
        }
        var farm = kols[^2];
        var burstAt = calendar.EndUtc.AddDays(-2).AddHours(-3);
        var farmIp = Ip();
        for (var i = 0; i < 40; i++) Click(farm.Id, burstAt.AddSeconds(40 * i), farmIp, null);
        var instant = kols[^1];
        foreach (var o in free.Where(o => !taken.Contains(o.Id)).Skip(200).Take(3))
        {
            attributed.Add(new Attributed(o, instant.Id, AttributionVia.Link, Click(instant.Id, o.PaidAt.AddSeconds(-2), Ip(), o.CustomerId), false));
            taken.Add(o.Id);
        }
        // Visitors who clicked and did not buy: a link's clicks are several times its orders.
        foreach (var k in kols.Take(kols.Count - 4))
            for (var i = rng.Next(5, 40); i > 0; i--)
                Click(k.Id, calendar.StartUtc.AddMinutes(rng.NextDouble() * (calendar.EndUtc - calendar.StartUtc).TotalMinutes), Ip(), null);

        foreach (var (id, kolId, at, ip, customer) in clicks)
        {
            c.Execute("""
                INSERT INTO kol_clicks (id, click_id, link_id, kol_id, clicked_at, ip_hash, user_agent, referrer)
                VALUES (@id, @clickId, @kolId, @kolId, @at, @ip, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', @referrer)
                """, new { id, clickId = $"demo-click-{id:D6}", kolId, at, ip, referrer = "https://www.douyin.com/" }, tx);
            if (customer is { } cu)
                c.Execute("INSERT OR IGNORE INTO kol_click_customers (click_id, customer_id, seen_at) VALUES (@id, @cu, @at)", new { id, cu, at }, tx);
        }

        var end = calendar.EndUtc;
        var lastMonth = BusinessMonth.Of(time, end);
        var paidBefore = BusinessMonth.StartUtc(time, lastMonth);
        var rates = kols.ToDictionary(k => k.Id, k => new Rate(KolWords.Percent, k.RatePercent));
        var holding = kols.ToDictionary(k => k.Id, k => k.HoldingDays);
        c.Execute("""
            INSERT INTO kol_payouts (id, period_end, status, total, lines, created_at, created_by, approved_at, approved_by, paid_at)
            VALUES (1, @periodEnd, 'paid', 0, 0, @paidBefore, 'system:monthly-payout', @paidBefore, 'manager@demo.local', @paidBefore)
            """, new { periodEnd = DateOnly.FromDateTime(paidBefore).AddDays(-1).ToDateTime(TimeOnly.MinValue), paidBefore }, tx);
        foreach (var a in attributed)
        {
            var o = a.Order;
            c.Execute("""
                INSERT INTO order_attributions (order_id, kol_id, via, click_id, contract_id, self_referral, paid_at, month)
                VALUES (@Id, @KolId, @Via, @ClickId, @KolId, @Self, @PaidAt, @month)
                """, new { o.Id, a.KolId, a.Via, a.ClickId, a.Self, o.PaidAt, month = BusinessMonth.Of(time, o.PaidAt) }, tx);
            if (a.Self) continue;
            var rate = rates[a.KolId];
            var available = o.PaidAt.AddDays(holding[a.KolId]);
            var refundedFirst = o.Refunded > 0 && o.RefundedAt < available;
            var net = refundedFirst ? o.Payable - o.Refunded : o.Payable;
            var due = available <= end && o.Held is null;
            var paid = due && available < paidBefore;
            Line(c, tx, a.KolId, o, "commission", CommissionMath.Amount(rate, net, o.Payable), net, rate,
                paid ? LineWords.Paid : due ? LineWords.Approved : LineWords.Pending, o.PaidAt, available, paid ? 1 : null, time);
            if (o.Refunded > 0 && !refundedFirst && o.RefundedAt is { } at)
            {
                var back = CommissionMath.Amount(rate, o.Payable - o.Refunded, o.Payable) - CommissionMath.Amount(rate, o.Payable, o.Payable);
                if (back != 0) Line(c, tx, a.KolId, o, "clawback", back, o.Payable - o.Refunded, rate, LineWords.Approved, at, at, null, time);
            }
        }
        c.Execute("""
            UPDATE kol_payouts SET total = (SELECT COALESCE(SUM(amount), 0) FROM kol_commissions WHERE payout_id = 1),
                                   lines = (SELECT COUNT(*) FROM kol_commissions WHERE payout_id = 1)
            WHERE id = 1
            """, transaction: tx);
    }

    private static void Line(DbConnection c, DbTransaction tx, int kolId, DemoOrder o, string kind, long amount, long net, Rate rate, string status,
        DateTime earned, DateTime available, int? payout, BusinessTime time) =>
        c.Execute("""
            INSERT INTO kol_commissions (kol_id, order_id, contract_id, kind, amount, base, rate_kind, rate_value, status, held, month,
                                         earned_at, available_at, payout_id, created_at)
            VALUES (@kolId, @Id, @kolId, @kind, @amount, @net, @rateKind, @rateValue, @status, 0, @month, @earned, @available, @payout, @earned)
            """, new { kolId, o.Id, kind, amount, net, rateKind = rate.Kind, rateValue = rate.Value, status, month = BusinessMonth.Of(time, o.PaidAt),
            earned, available, payout }, tx);

    private static string Speakable(Random rng)
    {
        var code = new char[8];
        for (var i = 0; i < 6; i += 2)
        {
            code[i] = KolCodeGenerator.Consonants[rng.Next(KolCodeGenerator.Consonants.Length)];
            code[i + 1] = KolCodeGenerator.Vowels[rng.Next(KolCodeGenerator.Vowels.Length)];
        }
        code[6] = KolCodeGenerator.Digits[rng.Next(KolCodeGenerator.Digits.Length)];
        code[7] = KolCodeGenerator.Digits[rng.Next(KolCodeGenerator.Digits.Length)];
        return new string(code);
    }
}
