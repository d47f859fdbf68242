namespace Console.Domain.Partners;

public static class PayoutStatus
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Paid = "paid";
}

/// <summary>One KOL's part of a payout: its netted lines, in fen, and where to pay it.</summary>
public sealed record PayoutKol(long KolId, string ExternalId, string Name, string? Account, long Amount, long Lines, long Held);

public sealed record Payout(long Id, DateOnly PeriodEnd, string Status, long Total, long Lines, DateTime CreatedAt, string CreatedBy,
    DateTime? ApprovedAt, string? ApprovedBy, DateTime? PaidAt, IReadOnlyList<PayoutKol> Kols);
