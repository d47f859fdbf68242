using Console.Domain.Data;
using Console.Domain.Models;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>
/// Stores each active customer's highest purchase probability under the active propensity model, so the propensity field
/// of a rule is one indexed look-up. Customers are those the model itself scores: active in its lookback, thinned past
/// <see cref="MaxCustomers"/> by the reader's fixed hash; others have no score and match no propensity condition.
/// With no active model the stored scores are cleared, so no rule filters on a model that is gone.
/// </summary>
public sealed class ScorePropensity(StatementRunner runner, PropensityFeatureReader reader, CustomerPropensity propensity, TimeProvider clock)
{
    public const int MaxCustomers = 50_000;
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(90);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var active = await propensity.ModelAsync(ct);
        var scores = new List<(long CustomerId, double Probability)>();
        if (active is not null)
        {
            var rows = await reader.ReadAsync(now, null, Lookback, MaxCustomers, ct);
            foreach (var customer in rows.GroupBy(r => r.CustomerId))
            {
                var probabilities = active.Model.Score(customer.Select(r => r.Features).ToList());
                if (probabilities.Length > 0) scores.Add((customer.Key, Math.Clamp(probabilities.Max(), 0, 1)));
            }
        }
        var modelId = active?.Version.Id ?? 0;
        await runner.WriteAsync(new WriteUnit<object>(async (s, token) =>
        {
            await s.ExecuteAsync(
                """
                DELETE FROM segment_propensity
                """, token);
            await s.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO segment_propensity (customer_id, probability, model_id, scored_at) VALUES (@CustomerId, @Probability, @modelId, @now)
                """, scores.Select(x => new { x.CustomerId, x.Probability, modelId, now }), s.Transaction, cancellationToken: token));
            return scores;
        }, _ => true, _ => null, UndoFree: false), ct);
        return scores.Count;
    }
}
