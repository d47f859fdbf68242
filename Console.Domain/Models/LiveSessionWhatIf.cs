using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Models;

/// <summary>
/// The what-if planner for one live session's page: that show's viewers, the active interaction model. The work runs on
/// the thread pool, not on the caller's context: SQLite reads complete synchronously and loading a model parses its
/// bytes, and a Blazor circuit renders on the context that would otherwise wait for them.
/// </summary>
public sealed class LiveSessionWhatIf(Db db, InteractionSlotReader reader, ActiveModels models)
{
    public abstract record Outcome
    {
        public sealed record Answered(WhatIfAnswer Answer, ModelVersion Model) : Outcome;
        public sealed record NoModel : Outcome;
        public sealed record SessionNotFound : Outcome;
    }

    public Task<ActiveModel<InteractionModel>?> ModelAsync(CancellationToken ct) =>
        models.GetAsync(ModelKinds.Interaction, InteractionModel.FromBytes, ct);

    public Task<Outcome> PlanAsync(string sessionExternalId, IReadOnlyList<PlannedAction> actions, CancellationToken ct) =>
        Task.Run(() => PlanHereAsync(sessionExternalId, actions, ct), ct);

    private async Task<Outcome> PlanHereAsync(string sessionExternalId, IReadOnlyList<PlannedAction> actions, CancellationToken ct)
    {
        SessionRow? session;
        await using (var connection = await db.OpenAsync(ct))
            session = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
                "SELECT id AS Id, started_at AS StartedAt FROM live_sessions WHERE external_id = @sessionExternalId",
                new { sessionExternalId }, cancellationToken: ct));
        if (session is null) return new Outcome.SessionNotFound();
        if (await ModelAsync(ct) is not { } active) return new Outcome.NoModel();
        SessionSlots? profile = null;
        if (session.StartedAt is { } at)
            profile = (await reader.ReadAsync(at, at.AddSeconds(1), ct)).FirstOrDefault(s => s.SessionId == session.Id);
        return new Outcome.Answered(InteractionPlanner.Plan(active.Model, actions, profile), active.Version);
    }

    private sealed class SessionRow
    {
        public long Id { get; init; }
        public DateTime? StartedAt { get; init; }
    }
}
