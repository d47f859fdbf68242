using System.Data.Common;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Models;

/// <summary>
/// The stored models of every kind. Saving makes a candidate with the next version number; at most one version of a
/// kind is active (a unique index holds that), and activating one retires the one before it in the same transaction.
/// </summary>
public sealed class ModelRegistry(Db db, TimeProvider clock)
{
    // An evaluation with no positives has no AUC: NaN must survive the round trip through JSON.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private const string Columns =
        """
        id AS Id, kind AS Kind, version AS Version, status AS Status, trained_at AS TrainedAt, window_from AS WindowFrom,
        window_to AS WindowTo, options_json AS OptionsJson, metrics_json AS MetricsJson, rows AS Rows,
        compared_with_id AS ComparedWithId, compared_metrics_json AS ComparedMetricsJson, activated_at AS ActivatedAt,
        report_json AS ReportJson
        """;

    private static readonly DialectSql Insert = new(d =>
        $"""
        INSERT INTO model_versions (kind, version, status, trained_at, window_from, window_to, options_json, metrics_json,
            report_json, compared_with_id, compared_metrics_json, rows, model)
        {DialectSql.OutputId(d)}
        VALUES (@kind, @version, 'candidate', @trainedAt, @from, @to, @options, @metrics, @report, @comparedWith,
            @comparedMetrics, @rows, @model)
        """);

    private const string NextVersion = "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE kind = @kind";

    public async Task<ModelVersion> SaveCandidateAsync(string kind, byte[] model, TrainingWindow window,
        IReadOnlyDictionary<string, string> options, IReadOnlyDictionary<string, double> metrics, int rows, CancellationToken ct,
        string? reportJson = null, long? comparedWithId = null, IReadOnlyDictionary<string, double>? comparedMetrics = null)
    {
        await using var connection = await db.OpenAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(NextVersion, new { kind }, tx, cancellationToken: ct));
                var args = new
                {
                    kind, version, trainedAt = clock.GetUtcNow().UtcDateTime, from = window.FromUtc, to = window.ToUtc,
                    options = JsonSerializer.Serialize(options, Json), metrics = JsonSerializer.Serialize(metrics, Json),
                    report = reportJson, comparedWith = comparedWithId,
                    comparedMetrics = comparedMetrics is null ? null : JsonSerializer.Serialize(comparedMetrics, Json),
                    rows, model,
                };
                long id;
                if (db.IsSqlite)
                {
                    await connection.ExecuteAsync(new CommandDefinition(Insert.For(db.Dialect), args, tx, cancellationToken: ct));
                    id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT last_insert_rowid()", transaction: tx, cancellationToken: ct));
                }
                else
                {
                    id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert.For(db.Dialect), args, tx, cancellationToken: ct));
                }
                var saved = await FindAsync(connection, tx, id, ct);
                await tx.CommitAsync(ct);
                return saved!;
            }
            // Two runs of one kind racing for a version number: the loser takes the next one.
            catch (DbException e) when (StatementRunner.IsUniqueViolation(e) && attempt < 3)
            {
            }
        }
    }

    public async Task<ModelVersion?> ActiveAsync(string kind, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM model_versions WHERE kind = @kind AND status = 'active'", new { kind }, cancellationToken: ct));
        return row?.ToVersion();
    }

    /// <summary>The id of a kind's active version: the cheap question every web node asks to see whether to reload.</summary>
    public async Task<long?> ActiveIdAsync(string kind, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM model_versions WHERE kind = @kind AND status = 'active'", new { kind }, cancellationToken: ct));
    }

    public async Task<ModelVersion?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindAsync(connection, null, id, ct);
    }

    public async Task<byte[]?> LoadBytesAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT model FROM model_versions WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>Every version of every kind, newest first within a kind.</summary>
    public async Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM model_versions ORDER BY kind, version DESC", cancellationToken: ct));
        return rows.Select(r => r.ToVersion()).ToList();
    }

    public abstract record Activation
    {
        public sealed record Activated(ModelVersion Model, ModelVersion? Previous) : Activation;
        public sealed record AlreadyActive(ModelVersion Model) : Activation;
        public sealed record NotFound : Activation;
    }

    /// <summary>Makes a version the active one of its kind (a rollback when it is older), with an audit entry.</summary>
    public async Task<Activation> ActivateAsync(long id, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var target = await FindAsync(connection, tx, id, ct);
        if (target is null) return new Activation.NotFound();
        if (target.IsActive) return new Activation.AlreadyActive(target);
        var previous = await SwitchActiveAsync(connection, tx, target, now, ct);
        var after = await FindAsync(connection, tx, id, ct);
        await Audit.WriteAsync(connection, tx, actor, "model.activate", "model_version", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { target.Kind, ActiveId = previous?.Id, ActiveVersion = previous?.Version },
            new { target.Kind, ActiveId = target.Id, ActiveVersion = target.Version }, now);
        await tx.CommitAsync(ct);
        return new Activation.Activated(after!, previous);
    }

    /// <summary>
    /// Activates a candidate only if better(candidate figures, active figures) holds against the version active now;
    /// with no active version the candidate is activated. Answers whether it was promoted.
    /// </summary>
    public async Task<bool> PromoteIfBetterAsync(long candidateId,
        Func<IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>, bool> better, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var candidate = await FindAsync(connection, tx, candidateId, ct);
        if (candidate is null || candidate.Status != ModelStatus.Candidate) return false;
        var active = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM model_versions WHERE kind = @kind AND status = 'active'", new { kind = candidate.Kind }, tx, cancellationToken: ct));
        if (active is not null && !better(candidate.Metrics, active.ToVersion().Metrics)) return false;
        await SwitchActiveAsync(connection, tx, candidate, now, ct);
        await Audit.WriteAsync(connection, tx, "system", "model.promote", "model_version",
            candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { candidate.Kind, ActiveId = active?.Id, ActiveVersion = active?.Version },
            new
            {
                candidate.Kind, ActiveId = candidate.Id, ActiveVersion = candidate.Version,
                // The audit log is plain JSON, which has no NaN: a figure that could not be computed is left out.
                Metrics = candidate.Metrics.Where(m => double.IsFinite(m.Value)).ToDictionary(m => m.Key, m => m.Value),
            }, now);
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task<ModelVersion?> SwitchActiveAsync(DbConnection connection, DbTransaction tx, ModelVersion target, DateTime now,
        CancellationToken ct)
    {
        var previous = (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM model_versions WHERE kind = @kind AND status = 'active'", new { kind = target.Kind }, tx, cancellationToken: ct)))
            ?.ToVersion();
        // Retire first: the unique index on the active version of a kind would refuse two at once.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE model_versions SET status = 'retired' WHERE kind = @kind AND status = 'active'", new { kind = target.Kind }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE model_versions SET status = 'active', activated_at = @now WHERE id = @id", new { id = target.Id, now }, tx, cancellationToken: ct));
        return previous;
    }

    private static async Task<ModelVersion?> FindAsync(DbConnection connection, DbTransaction? tx, long id, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM model_versions WHERE id = @id", new { id }, tx, cancellationToken: ct)))?.ToVersion();

    private sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public int Version { get; init; }
        public string Status { get; init; } = "";
        public DateTime TrainedAt { get; init; }
        public DateTime WindowFrom { get; init; }
        public DateTime WindowTo { get; init; }
        public string OptionsJson { get; init; } = "{}";
        public string MetricsJson { get; init; } = "{}";
        public int Rows { get; init; }
        public long? ComparedWithId { get; init; }
        public string? ComparedMetricsJson { get; init; }
        public DateTime? ActivatedAt { get; init; }
        public string? ReportJson { get; init; }

        public ModelVersion ToVersion() => new(Id, Kind, Version, Status, Utc(TrainedAt), Utc(WindowFrom), Utc(WindowTo),
            JsonSerializer.Deserialize<Dictionary<string, string>>(OptionsJson, Json) ?? [],
            JsonSerializer.Deserialize<Dictionary<string, double>>(MetricsJson, Json) ?? [],
            Rows, ComparedWithId,
            ComparedMetricsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(ComparedMetricsJson, Json),
            ActivatedAt is { } a ? Utc(a) : null, ReportJson);

        private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
    }
}
