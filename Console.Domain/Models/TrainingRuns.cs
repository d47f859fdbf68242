using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Models;

/// <summary>The run in progress or the last run of a kind, as the models page shows it.</summary>
public sealed record TrainingRun(string Kind, string Status, string Stage, double Fraction, DateTime StartedAt, DateTime UpdatedAt,
    DateTime? FinishedAt, string? Message, long? CandidateId, bool Promoted, string? ComparedMetric = null, double? CandidateFigure = null,
    long? ActiveId = null, double? ActiveFigure = null, DateTime? EvaluatedFrom = null, DateTime? EvaluatedTo = null)
{
    public bool Running => Status == "running";
}

public sealed class TrainingRuns(Db db)
{
    private const string Sql =
        """
        SELECT kind AS Kind, status AS Status, stage AS Stage, fraction AS Fraction, started_at AS StartedAt,
               updated_at AS UpdatedAt, finished_at AS FinishedAt, message AS Message, candidate_id AS CandidateId,
               promoted AS Promoted, compared_metric AS ComparedMetric, candidate_figure AS CandidateFigure, active_id AS ActiveId,
               active_figure AS ActiveFigure, evaluated_from AS EvaluatedFrom, evaluated_to AS EvaluatedTo
        FROM model_training
        WHERE run_token <> ''
        ORDER BY kind
        """;

    public async Task<IReadOnlyList<TrainingRun>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: ct));
        return rows.Select(r => new TrainingRun(r.Kind, r.Status, r.Stage, r.Fraction, r.StartedAt, r.UpdatedAt, r.FinishedAt,
            r.Message, r.CandidateId, r.Promoted, r.ComparedMetric, r.CandidateFigure, r.ActiveId, r.ActiveFigure,
            r.EvaluatedFrom is { } f ? Utc(f) : null, r.EvaluatedTo is { } t ? Utc(t) : null)).ToList();
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private sealed class Row
    {
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public string Stage { get; init; } = "";
        public double Fraction { get; init; }
        public DateTime StartedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public DateTime? FinishedAt { get; init; }
        public string? Message { get; init; }
        public long? CandidateId { get; init; }
        public bool Promoted { get; init; }
        public string? ComparedMetric { get; init; }
        public double? CandidateFigure { get; init; }
        public long? ActiveId { get; init; }
        public double? ActiveFigure { get; init; }
        public DateTime? EvaluatedFrom { get; init; }
        public DateTime? EvaluatedTo { get; init; }
    }
}
