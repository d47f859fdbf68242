namespace Console.Domain.Partners;

public static class PayoutStatus
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Paid = "paid";
}

/// <summary>One KOL's part of a payout: its netted lines, in fen, and where to pay it.</summary>
/// <summary>Read by property: its sums are computed (see <see cref="KolLink"/>).</summary>
public sealed record PayoutKol
{
    public long KolId { get; init; }
    public string ExternalId { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Account { get; init; }
    // Sealed at rest (PersonalData); GetPayout opens them and picks the account: email, else phone, else handle.
    internal string? Email { get; init; }
    internal string? Phone { get; init; }
    internal string? Handle { get; init; }
    public long Amount { get; init; }
    public long Lines { get; init; }
    public long Held { get; init; }
}

public sealed record Payout(long Id, DateOnly PeriodEnd, string Status, long Total, long Lines, DateTime CreatedAt, string CreatedBy,
    DateTime? ApprovedAt, string? ApprovedBy, DateTime? PaidAt, IReadOnlyList<PayoutKol> Kols);
