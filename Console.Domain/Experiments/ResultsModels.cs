using Console.Domain.Statistics;

namespace Console.Domain.Experiments;

/// <summary>
/// The stored results of one experiment at one time, as the results job computed them: the page and the API read these
/// and never compute. Money figures are in the shop currency (yuan), not fen, as the statistics take them.
/// </summary>
public sealed record ResultsSnapshot(string Experiment, string Status, string MetricKind, DateTime ComputedAt, double Alpha,
    IReadOnlyList<VariantResult> Variants, SrmCheck? Srm, HoldoutResult? Holdout, IReadOnlyList<DailyPoint> Daily);

/// <summary>Users, and conversions with their rate, or mean and sd; against the control (null for the control itself).</summary>
public sealed record VariantResult(string Key, bool IsControl, int Weight, long Users, long Conversions, double Rate, double Mean,
    double Sd, double Revenue, long Orders, Comparison? Effect, SequentialResult? Sequential, CupedEffect? Cuped,
    IReadOnlyList<GuardrailResult> Guardrails, string? Note);

/// <summary>The fixed-horizon comparison with the control: effects with intervals, p-value, chance to win and risk.</summary>
public sealed record Comparison(Effect Absolute, RelativeEffect Relative, double PValue, double ChanceToWin, Risk Risk);

/// <summary>The comparison after CUPED's adjustment with the same metric over the 14 days before exposure, θ pooled over arms.</summary>
public sealed record CupedEffect(double Theta, Effect Absolute, RelativeEffect Relative, double PValue);

public sealed record SrmCheck(double ChiSquare, int Df, double PValue, bool Mismatch);

/// <summary>A guardrail of one variant against the control; Worse when it moved the wrong way at the experiment's alpha.</summary>
public sealed record GuardrailResult(string Kind, double Control, double Treatment, Comparison? Effect, bool Worse);

/// <summary>The holdout against everyone in the test: the incrementality of the promotion as a whole.</summary>
public sealed record HoldoutResult(long Users, double Value, long TestUsers, double TestValue, Comparison? Effect, string? Note);

/// <summary>Cumulative figures up to the end of one business day: users and the metric (rate or mean) per variant.</summary>
public sealed record DailyPoint(DateOnly Day, IReadOnlyList<long> Users, IReadOnlyList<double> Values);
