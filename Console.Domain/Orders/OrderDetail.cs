using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Orders;

/// <summary>An order as the order page shows it: names beside ids, money in fen, times in UTC.</summary>
public sealed class OrderDetails
{
    public long Id { get; init; }
    public string OrderId { get; init; } = "";
    public long CustomerId { get; init; }
    public string CustomerExternalId { get; init; } = "";
    public string? CustomerName { get; init; }
    public string? CustomerEmail { get; set; }
    public long CourseId { get; init; }
    public string CourseExternalId { get; init; } = "";
    public string CourseTitle { get; init; } = "";
    public string Channel { get; init; } = "";
    public long? LiveSessionId { get; init; }
    public string? LiveSessionTitle { get; init; }
    public long ListPrice { get; init; }
    public long Discount { get; init; }
    public long Payable { get; init; }
    public long Refunded { get; init; }
    public string Status { get; init; } = "";
    public DateTime PaidAt { get; init; }
    public IReadOnlyList<OrderDiscountLine> Discounts { get; set; } = [];
    public IReadOnlyList<OrderRefundLine> Refunds { get; set; } = [];
    public OrderTeam? Team { get; set; }
}

/// <summary>Kind is "coupon" or "group_buy"; CampaignName is the coupon or group-buy campaign's name.</summary>
public sealed class OrderDiscountLine
{
    public string Kind { get; init; } = "";
    public string? Code { get; init; }
    public long? CampaignId { get; init; }
    public string? CampaignName { get; init; }
    public long Amount { get; init; }
}

public sealed class OrderRefundLine
{
    public long Amount { get; init; }
    public DateTime RefundedAt { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The group-buy team the order opened or joined, with its members by name.</summary>
public sealed class OrderTeam
{
    public long TeamId { get; init; }
    public long CampaignId { get; init; }
    public string CampaignName { get; init; } = "";
    public string State { get; init; } = "";
    public long Size { get; init; }
    public DateTime ExpiresAt { get; init; }
    public IReadOnlyList<OrderTeamMember> Members { get; set; } = [];
}

public sealed class OrderTeamMember
{
    public long CustomerId { get; init; }
    public string CustomerExternalId { get; init; } = "";
    public string? CustomerName { get; init; }
    public bool IsLeader { get; init; }
    public DateTime JoinedAt { get; init; }
    public string? OrderId { get; init; }
}

/// <summary>One order by the platform's order id, with its discounts, refunds and team; null when unknown.</summary>
public sealed class OrderDetail(Db db, PersonalData personal)
{
    public async Task<OrderDetails?> GetAsync(string orderId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(orderId) || orderId.Length > OrderFields.MaxIdLength) return null;
        await using var connection = await db.OpenAsync(ct);
        var order = await connection.QuerySingleOrDefaultAsync<OrderDetails>(new CommandDefinition(OrderSql, new { orderId }, cancellationToken: ct));
        if (order is null) return null;
        order.CustomerEmail = personal.Open(order.CustomerEmail);
        var args = new { id = order.Id };
        order.Discounts = (await connection.QueryAsync<OrderDiscountLine>(new CommandDefinition(DiscountsSql, args, cancellationToken: ct))).ToList();
        order.Refunds = (await connection.QueryAsync<OrderRefundLine>(new CommandDefinition(RefundsSql, args, cancellationToken: ct))).ToList();
        order.Team = await TeamAsync(connection, order.Id, ct);
        return order;
    }

    private static async Task<OrderTeam?> TeamAsync(DbConnection connection, long orderId, CancellationToken ct)
    {
        var team = await connection.QuerySingleOrDefaultAsync<OrderTeam>(new CommandDefinition(TeamSql, new { id = orderId }, cancellationToken: ct));
        if (team is null) return null;
        team.Members = (await connection.QueryAsync<OrderTeamMember>(new CommandDefinition(MembersSql, new { teamId = team.TeamId }, cancellationToken: ct))).ToList();
        return team;
    }

    private const string OrderSql = """
        SELECT o.id AS Id, o.order_id AS OrderId, o.customer_id AS CustomerId, cu.external_id AS CustomerExternalId, cu.name AS CustomerName,
               cu.email AS CustomerEmail, o.course_id AS CourseId, co.external_id AS CourseExternalId, co.title AS CourseTitle,
               o.channel AS Channel, o.live_session_id AS LiveSessionId, ls.title AS LiveSessionTitle, o.list_price AS ListPrice,
               o.discount AS Discount, o.payable AS Payable, o.refunded AS Refunded, o.status AS Status, o.paid_at AS PaidAt
        FROM orders o
        JOIN customers cu ON cu.id = o.customer_id
        JOIN courses co ON co.id = o.course_id
        LEFT JOIN live_sessions ls ON ls.id = o.live_session_id
        WHERE o.order_id = @orderId
        """;

    private const string DiscountsSql = """
        SELECT d.kind AS Kind, d.code AS Code, d.campaign_id AS CampaignId,
               CASE WHEN d.kind = 'group_buy' THEN g.name ELSE cc.name END AS CampaignName, d.amount AS Amount
        FROM order_discounts d
        LEFT JOIN coupon_campaigns cc ON cc.id = d.campaign_id AND d.kind <> 'group_buy'
        LEFT JOIN group_buy_campaigns g ON g.id = d.campaign_id AND d.kind = 'group_buy'
        WHERE d.order_id = @id
        ORDER BY d.id
        """;

    private const string RefundsSql = """
        SELECT amount AS Amount, refunded_at AS RefundedAt, reason AS Reason
        FROM refunds WHERE order_id = @id
        ORDER BY refunded_at, id
        """;

    private const string TeamSql = """
        SELECT t.id AS TeamId, t.campaign_id AS CampaignId, g.name AS CampaignName, t.state AS State, t.size AS Size, t.expires_at AS ExpiresAt
        FROM group_buy_teams t
        JOIN group_buy_campaigns g ON g.id = t.campaign_id
        WHERE t.id = (SELECT MIN(m.team_id) FROM group_buy_members m WHERE m.order_id = @id)
        """;

    private const string MembersSql = """
        SELECT m.customer_id AS CustomerId, cu.external_id AS CustomerExternalId, cu.name AS CustomerName, m.is_leader AS IsLeader,
               m.joined_at AS JoinedAt, o.order_id AS OrderId
        FROM group_buy_members m
        JOIN customers cu ON cu.id = m.customer_id
        LEFT JOIN orders o ON o.id = m.order_id
        WHERE m.team_id = @teamId
        ORDER BY m.is_leader DESC, m.joined_at, m.id
        """;
}
