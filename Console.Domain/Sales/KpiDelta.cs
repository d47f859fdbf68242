namespace Console.Domain.Sales;

public enum DeltaDirection { Flat, Up, Down }

/// <summary>A figure against the same figure of the previous period.</summary>
public sealed record KpiDelta(double Current, double Previous)
{
    public double Change => Current - Previous;

    public DeltaDirection Direction => Change > 0 ? DeltaDirection.Up : Change < 0 ? DeltaDirection.Down : DeltaDirection.Flat;

    /// <summary>The change relative to the previous figure's size; null when there is nothing to compare with (0).</summary>
    public double? Percent => Previous == 0 ? null : Change / Math.Abs(Previous);
}
