using System.Text.Json;

namespace Console.Domain.Segments;

/// <summary>A segment as the API and the console's builder send it; the rule is read and checked by <see cref="RuleReader"/>.</summary>
public sealed record SegmentInput(string? Name = null, JsonElement? Rule = null);

/// <summary>A saved segment: its canonical rule and the size the daily job last recorded (null before its first run).</summary>
public sealed record Segment(long Id, string Name, string RuleJson, DateTime CreatedAt, DateTime UpdatedAt, long? LastSize, DateOnly? LastSizeDay);

/// <summary>One customer of a preview, enough to recognise them and link to their profile.</summary>
public sealed record SampleCustomer
{
    public long Id { get; init; }
    public string ExternalId { get; init; } = "";
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? City { get; init; }
}

public sealed record SegmentPreview(long Size, IReadOnlyList<SampleCustomer> Sample);

/// <summary>A day of a segment's size history.</summary>
public sealed record SegmentSize(DateOnly Day, long Size);

/// <summary>Refusal codes of the segments API.</summary>
public static class SegmentRefusals
{
    public const string InUse = "segment_in_use";
    public static readonly string[] All = [InUse];
}
