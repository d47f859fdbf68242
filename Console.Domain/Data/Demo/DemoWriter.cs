using System.Data.Common;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Domain.Data.Demo;

/// <summary>Writes demo rows straight into the core tables with prepared inserts; ids are explicit so rows can refer to each other.</summary>
internal sealed class DemoWriter(Db db, DbConnection connection, PersonalData personal, PersonalData.Lookup lookup)
{
    private const string CourseSql = """
        INSERT INTO courses (id, external_id, title, category, list_price, lecturer, status, created_at, updated_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p7)
        """;

    private const string CustomerSql = """
        INSERT INTO customers (id, external_id, email, email_hash, name, phone, phone_hash, city, source, email_opt_in, is_stub, created_at, updated_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, 0, @p10, @p10)
        """;

    private const string SessionSql = """
        INSERT INTO live_sessions (id, external_id, course_id, title, platform, host, scheduled_at, started_at, ended_at, peak_viewers, updated_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p8)
        """;

    private const string EventSql = """
        INSERT INTO events (event_id, event_key, customer_id, type, occurred_at, course_id, live_session_id, value, coupon_campaign_id)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
        """;

    private const string CampaignSql = """
        INSERT INTO coupon_campaigns (id, name, kind, value, min_spend, eligibility, audience, starts_at, total_limit, budget,
            budget_used, uses, stackable, priority, status, return_use_on_refund, claim_minutes, created_at, updated_at)
        VALUES (@p0, @p1, 'amount_off', @p2, @p3, 'all', 'live_claimers', @p4, NULL, NULL, @p5, @p6, 0, 0, 'active', 0, @p7, @p4, @p4)
        """;

    private const string CodeSql = """
        INSERT INTO coupon_codes (id, code, campaign_id, is_unique, uses, created_at) VALUES (@p0, @p1, @p2, 0, 0, @p3)
        """;

    private const string RedemptionSql = """
        INSERT INTO coupon_redemptions (order_id, campaign_id, code_id, customer_id, amount, redeemed_at, reversed_at, use_returned)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, 0)
        """;

    private const string OrderSql = """
        INSERT INTO orders (id, order_id, customer_id, course_id, live_session_id, channel, referral_code, list_price, discount,
            payable, refunded, status, paid_at, created_at, rolled_up)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p12, 0)
        """;

    private const string DiscountSql = """
        INSERT INTO order_discounts (order_id, kind, code, campaign_id, amount) VALUES (@p0, @p1, @p2, @p3, @p4)
        """;

    private const string PromotionCampaignSql = """
        INSERT INTO coupon_campaigns (id, name, kind, value, min_spend, max_discount, eligibility, audience, starts_at, ends_at,
            total_limit, per_customer_limit, budget, budget_used, uses, stackable, priority, status, return_use_on_refund,
            claim_minutes, created_at, updated_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, 'everyone', @p7, @p8, @p9, 1, @p10, @p11, @p12, 0, 0, @p13, 0, NULL, @p14, @p14)
        """;

    private const string CampaignCategorySql = """
        INSERT INTO coupon_campaign_categories (campaign_id, category) VALUES (@p0, @p1)
        """;

    private const string CampaignCourseSql = """
        INSERT INTO coupon_campaign_courses (campaign_id, course_id) VALUES (@p0, @p1)
        """;

    private const string PromotionCodeSql = """
        INSERT INTO coupon_codes (id, code, campaign_id, is_unique, uses, created_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        """;

    private const string GroupBuySql = """
        INSERT INTO group_buy_campaigns (id, name, course_id, team_size, group_price, leader_price, team_window_minutes, starts_at,
            ends_at, max_teams, teams_opened, status, created_at, updated_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, NULL, @p5, @p6, @p7, NULL, @p8, 'active', @p9, @p9)
        """;

    private const string TeamSql = """
        INSERT INTO group_buy_teams (id, campaign_id, leader_customer_id, state, size, members, opened_at, expires_at, closed_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
        """;

    private const string MemberSql = """
        INSERT INTO group_buy_members (team_id, customer_id, order_id, is_leader, joined_at) VALUES (@p0, @p1, @p2, @p3, @p4)
        """;

    private const string RefundSql = """
        INSERT INTO refunds (order_id, amount, reason, first_for_order, refunded_at, rolled_up) VALUES (@p0, @p1, @p2, 1, @p3, 0)
        """;

    public void Courses(DbTransaction tx, DateTime createdAt)
    {
        using var identity = ExplicitIds(tx, "courses");
        using var insert = new DemoInserter(connection, tx, CourseSql, 8, db.IsSqlite);
        foreach (var c in DemoCatalogue.Courses)
            insert.Insert(c.Id, c.ExternalId, c.Title, DemoCatalogue.Categories[c.Category], c.ListPrice, c.Lecturer, "active",
                createdAt.AddDays(c.Id * 7));
    }

    public void Customers(DbTransaction tx, IEnumerable<DemoCustomer> customers)
    {
        using var identity = ExplicitIds(tx, "customers");
        using var insert = new DemoInserter(connection, tx, CustomerSql, 11, db.IsSqlite);
        foreach (var c in customers)
            insert.Insert(c.Id, c.ExternalId, personal.Seal(c.Email), lookup.Email(c.Email), c.Name, personal.Seal(c.Phone), lookup.Phone(c.Phone),
                c.City, c.Source, c.EmailOptIn ? 1 : 0, c.CreatedAt);
    }

    /// <summary>Peak viewers: a share of everyone who dropped in, since not all watch at the same moment.</summary>
    public void Sessions(DbTransaction tx, IReadOnlyList<DemoSession> sessions, int[] viewers)
    {
        using var identity = ExplicitIds(tx, "live_sessions");
        using var insert = new DemoInserter(connection, tx, SessionSql, 10, db.IsSqlite);
        foreach (var s in sessions)
            insert.Insert(s.Id, s.ExternalId, s.CourseId, s.Title, s.Platform, s.Host, s.ScheduledAt, s.StartedAt, s.EndedAt,
                (int)Math.Round(viewers[s.Id] * 0.6));
    }

    public DemoInserter Events(DbTransaction tx) => new(connection, tx, EventSql, 9, db.IsSqlite);

    /// <summary>
    /// Demo ids are all new, so each takes its first probe; two sharing a key would stop the seed with a unique-key
    /// error. The ids do not depend on the seed, and the default sizes have none that do.
    /// </summary>
    public static void Event(DemoInserter insert, long sequence, int customerId, DemoEvent e)
    {
        var eventId = $"demo-e-{sequence:D8}";
        insert.Insert(eventId, EventKey.Of(eventId), customerId, e.Type, e.At, e.CourseId == 0 ? null : e.CourseId,
            e.SessionId == 0 ? null : e.SessionId, e.Value, e.CampaignId == 0 ? null : e.CampaignId);
    }

    public void Orders(DbTransaction tx, IReadOnlyList<DemoOrder> orders)
    {
        using (ExplicitIds(tx, "orders"))
        using (var insert = new DemoInserter(connection, tx, OrderSql, 13, db.IsSqlite))
        {
            foreach (var o in orders)
                insert.Insert(o.Id, o.OrderId, o.CustomerId, o.CourseId, o.SessionId == 0 ? null : o.SessionId, o.Channel,
                    o.ReferralCode, o.ListPrice, o.Discount, o.Payable, o.Refunded, o.Status, o.PaidAt);
        }
        using (var insert = new DemoInserter(connection, tx, DiscountSql, 5, db.IsSqlite))
            foreach (var o in orders.Where(o => o.Discount > 0))
                insert.Insert(o.Id, o.GroupBuyId > 0 ? "group_buy" : "coupon", o.CouponCode, o.GroupBuyId > 0 ? o.GroupBuyId : CampaignOf(o),
                    o.Discount);
        // A full refund reverses the redemption; every demo campaign keeps the use, as return_use_on_refund is off.
        using (var insert = new DemoInserter(connection, tx, RedemptionSql, 7, db.IsSqlite))
            foreach (var o in orders.Where(o => o.Discount > 0 && o.GroupBuyId == 0))
                insert.Insert(o.Id, CampaignOf(o), o.CodeId > 0 ? o.CodeId : CampaignOf(o), o.CustomerId, o.Discount, o.PaidAt,
                    o.Status == "refunded" ? o.RefundedAt : null);
        // Members in join order within each team, the leader first, as the team board lists them.
        using (var insert = new DemoInserter(connection, tx, MemberSql, 5, db.IsSqlite))
            foreach (var o in orders.Where(o => o.TeamId > 0).OrderBy(o => o.TeamId).ThenBy(o => o.Leader ? 0 : 1).ThenBy(o => o.Id))
                insert.Insert(o.TeamId, o.CustomerId, o.Id, o.Leader ? 1 : 0, o.PaidAt);
        using (var insert = new DemoInserter(connection, tx, RefundSql, 4, db.IsSqlite))
            foreach (var o in orders.Where(o => o.Refunded > 0).OrderBy(o => o.RefundedAt).ThenBy(o => o.Id))
                insert.Insert(o.Id, o.Refunded, o.RefundReason, o.RefundedAt);
    }

    /// <summary>The live-room coupon campaigns with their shared codes, their uses and budget spent counted from the orders.</summary>
    public void Coupons(DbTransaction tx, IReadOnlyList<DemoOrder> orders, DateTime createdAt)
    {
        using (ExplicitIds(tx, "coupon_campaigns"))
        using (var insert = new DemoInserter(connection, tx, CampaignSql, 8, db.IsSqlite))
        {
            foreach (var c in DemoCoupons.LiveRoom)
            {
                var used = orders.Where(o => IsLive(o) && CouponOf(o).Id == c.Id).ToList();
                insert.Insert(c.Id, c.Name, c.Fen, c.MinSpend, createdAt, used.Sum(o => o.Discount), used.Count, DemoCoupons.ClaimMinutes);
            }
        }
        using (ExplicitIds(tx, "coupon_codes"))
        using (var insert = new DemoInserter(connection, tx, CodeSql, 4, db.IsSqlite))
            foreach (var c in DemoCoupons.LiveRoom) insert.Insert(c.Id, c.Code, c.Id, createdAt);
    }

    /// <summary>
    /// The promotions beside the live-room coupons: each coupon campaign with its scope and codes, its uses, budget and
    /// limits counted from its orders (an exhausted campaign's limit and a spent budget are exactly what was used), then
    /// the group-buy campaigns with their teams.
    /// </summary>
    public void Promotions(DbTransaction tx, IReadOnlyList<DemoOrder> orders, IReadOnlyList<DemoCode> codes, IReadOnlyList<DemoTeam> teams,
        PromotionOrders promotions)
    {
        var byCampaign = orders.Where(o => o.CampaignId > 0).ToLookup(o => o.CampaignId);
        using (ExplicitIds(tx, "coupon_campaigns"))
        using (var insert = new DemoInserter(connection, tx, PromotionCampaignSql, 15, db.IsSqlite))
        {
            foreach (var c in DemoPromotions.Coupons)
            {
                var (uses, spent) = (byCampaign[c.Id].Count(), byCampaign[c.Id].Sum(o => o.Discount));
                var eligibility = c.Category is not null ? "categories" : c.Courses is not null ? "courses" : "all";
                insert.Insert(c.Id, c.Name, c.Kind, c.Value, c.MinSpend, c.MaxDiscount, eligibility, promotions.At(c.FromDay),
                    promotions.At(c.ToDay), c.Limit ? uses : null, c.Budget ? spent : null, spent, uses, c.Status,
                    CreatedAt(promotions.At(c.FromDay)));
            }
        }
        using (var insert = new DemoInserter(connection, tx, CampaignCategorySql, 2, db.IsSqlite))
            foreach (var c in DemoPromotions.Coupons.Where(c => c.Category is not null))
                insert.Insert(c.Id, DemoCatalogue.Categories[c.Category!.Value]);
        using (var insert = new DemoInserter(connection, tx, CampaignCourseSql, 2, db.IsSqlite))
            foreach (var c in DemoPromotions.Coupons.Where(c => c.Courses is not null))
                foreach (var course in c.Courses!) insert.Insert(c.Id, course);
        using (ExplicitIds(tx, "coupon_codes"))
        using (var insert = new DemoInserter(connection, tx, PromotionCodeSql, 6, db.IsSqlite))
            foreach (var code in codes)
                insert.Insert(code.Id, code.Code, code.CampaignId, code.Unique ? 1 : 0, code.Uses,
                    CreatedAt(promotions.At(DemoPromotions.Coupons.First(c => c.Id == code.CampaignId).FromDay)));

        using (ExplicitIds(tx, "group_buy_campaigns"))
        using (var insert = new DemoInserter(connection, tx, GroupBuySql, 10, db.IsSqlite))
            foreach (var g in DemoPromotions.GroupBuys)
                insert.Insert(g.Id, g.Name, g.CourseId, g.TeamSize, g.GroupPrice, g.WindowMinutes, promotions.At(g.FromDay),
                    promotions.At(14), teams.Count(t => t.CampaignId == g.Id), CreatedAt(promotions.At(g.FromDay)));
        using (ExplicitIds(tx, "group_buy_teams"))
        using (var insert = new DemoInserter(connection, tx, TeamSql, 9, db.IsSqlite))
            foreach (var t in teams)
                insert.Insert(t.Id, t.CampaignId, t.LeaderId, t.State, t.Size, t.Members, t.OpenedAt, t.ExpiresAt, t.ClosedAt);

        // A campaign is set up a couple of days before it starts, and never after the demo's end.
        DateTime CreatedAt(DateTime startsAt) => (startsAt < promotions.At(0) ? startsAt : promotions.At(0)).AddDays(-2);
    }

    private static bool IsLive(DemoOrder order) => order.Discount > 0 && order.CampaignId == 0 && order.GroupBuyId == 0;

    private static int CampaignOf(DemoOrder order) => order.CampaignId > 0 ? order.CampaignId : CouponOf(order).Id;

    private static DemoCoupon CouponOf(DemoOrder order) =>
        DemoCoupons.OfFen(order.Discount) ?? throw new InvalidOperationException($"No demo coupon takes {order.Discount} fen off.");

    /// <summary>SQL Server refuses explicit values in IDENTITY columns unless told, one table at a time; SQLite takes them as they are.</summary>
    private IdentityInsert ExplicitIds(DbTransaction tx, string table) => new(db.IsSqlite ? null : connection, tx, table);

    private sealed class IdentityInsert : IDisposable
    {
        private readonly DbConnection? _connection;
        private readonly DbTransaction _tx;
        private readonly string _table;

        public IdentityInsert(DbConnection? connection, DbTransaction tx, string table)
        {
            (_connection, _tx, _table) = (connection, tx, table);
            Run("ON");
        }

        public void Dispose() => Run("OFF");

        private void Run(string state)
        {
            if (_connection is null) return;
            using var command = _connection.CreateCommand();
            command.Transaction = _tx;
            // Table name and state come from the constants above, never from input.
            command.CommandText = $"SET IDENTITY_INSERT {_table} {state};";
            command.ExecuteNonQuery();
        }
    }
}
