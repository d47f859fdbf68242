using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Customers;

/// <summary>
/// Erases a customer (PIPL and GDPR deletion): name, email, phone, city and free-text answers go, and the external id
/// becomes a pseudonym. Orders, redemptions, events and exposures stay under the same row, so sales rollups, campaign
/// results, commissions and experiment results do not move, and later events under the old id start a new customer.
/// </summary>
public sealed class EraseCustomer(StatementRunner runner, ExternalIds externalIds, TimeProvider clock)
{
    public const string PseudonymPrefix = "erased-";

    public abstract record Outcome
    {
        public sealed record Erased(string Pseudonym) : Outcome;
        public sealed record NotFound : Outcome;
    }

    private sealed record Response(long Id, long SurveyId, string AnswersJson, string? TextAnswers);

    public async Task<Outcome> ExecuteAsync(string externalId, string actor, CancellationToken ct = default)
    {
        var outcome = await EraseAsync(externalId, actor, ct);
        // This node's id cache forgets the old id; other web nodes keep theirs until they restart (docs/operations.md).
        if (outcome is Outcome.Erased) externalIds.ForgetCustomer(externalId);
        return outcome;
    }

    private Task<Outcome> EraseAsync(string externalId, string actor, CancellationToken ct) =>
        runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var id = await s.SingleOrDefaultAsync<long?>("SELECT id FROM customers WHERE external_id = @externalId", token, ("externalId", externalId));
            if (id is null) return new Outcome.NotFound();
            var now = clock.GetUtcNow().UtcDateTime;
            var pseudonym = PseudonymPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var erasedTexts = await EraseAnswersAsync(s, id.Value, token);
            // Consent ends with the customer; the history keeps that it ended by erasure.
            if (await s.ScalarAsync<long>("SELECT email_opt_in FROM customers WHERE id = @id", token, ("id", id.Value)) == 1)
                await Consent.ConsentChanges.RecordAsync(s, id.Value, false, Consent.ConsentSources.Erasure, null, now, token);
            // Mail not yet handed to a worker is cancelled; the address leaves every delivery row, sent or not.
            await s.ExecuteAsync(
                """
                UPDATE email_recipients SET state = CASE WHEN state = 'queued' THEN 'skipped' ELSE state END,
                    reason = CASE WHEN state = 'queued' THEN 'no_consent' ELSE reason END, email = NULL, updated_at = @now
                WHERE customer_id = @id
                """, token, ("now", now), ("id", id.Value));
            await s.ExecuteAsync(
                """
                UPDATE customers SET external_id = @pseudonym, email = NULL, email_hash = NULL, name = NULL, phone = NULL, phone_hash = NULL,
                    city = NULL, email_opt_in = 0,
                    updated_at = @now
                WHERE id = @id
                """, token, ("pseudonym", pseudonym), ("now", now), ("id", id.Value));
            // The log keeps that an erasure happened and what it removed, never the removed values themselves.
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "customer.erase", "customer", pseudonym, null,
                new { freeTextAnswers = erasedTexts }, now);
            return new Outcome.Erased(pseudonym);
        }, outcome => outcome is Outcome.Erased, _ => null, UndoFree: false), ct);

    /// <summary>Removes the text answers from the customer's responses and from the theme examples quoting them; answers how many.</summary>
    private static async Task<int> EraseAnswersAsync(Statements s, long customerId, CancellationToken ct)
    {
        var responses = (await s.Connection.QueryAsync<Response>(new CommandDefinition(
            """
            SELECT id AS Id, survey_id AS SurveyId, answers_json AS AnswersJson, free_text AS TextAnswers FROM survey_responses WHERE customer_id = @customerId
            """, new { customerId }, s.Transaction, cancellationToken: ct))).ToList();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var textKeysOf = new Dictionary<long, HashSet<string>>();
        foreach (var response in responses)
        {
            if (!textKeysOf.TryGetValue(response.SurveyId, out var textKeys))
                textKeysOf[response.SurveyId] = textKeys = (await s.Connection.QueryAsync<string>(new CommandDefinition(
                    """
                    SELECT question_key FROM survey_questions WHERE survey_id = @surveyId AND kind = 'text'
                    """, new { surveyId = response.SurveyId }, s.Transaction, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
            var answers = JsonNode.Parse(response.AnswersJson)?.AsObject() ?? [];
            var erased = answers.Select(a => a.Key).Where(textKeys.Contains).ToList();
            foreach (var key in erased)
            {
                if (answers[key]?.GetValueKind() == JsonValueKind.String) texts.Add(answers[key]!.GetValue<string>().Trim());
                answers.Remove(key);
            }
            foreach (var line in (response.TextAnswers ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) texts.Add(line);
            if (erased.Count == 0 && response.TextAnswers is null) continue;
            // What was read from the text (its sentiment and theme) goes with it, and the survey is analysed again by the
            // minutely job, so its themes and stored figures stop counting the erased words.
            await s.ExecuteAsync(
                """
                UPDATE survey_responses SET answers_json = @answers, free_text = NULL, sentiment = NULL, sentiment_positive = NULL, theme = NULL, analysed = 0
                WHERE id = @id
                """, ct, ("answers", answers.ToJsonString()), ("id", response.Id));
        }
        foreach (var surveyId in responses.Select(r => r.SurveyId).Distinct())
            await EraseThemeExamplesAsync(s, surveyId, texts, ct);
        return texts.Count;
    }

    private static async Task EraseThemeExamplesAsync(Statements s, long surveyId, HashSet<string> texts, CancellationToken ct)
    {
        var themes = await s.Connection.QueryAsync<(int Position, string ExamplesJson)>(new CommandDefinition(
            "SELECT position, examples_json FROM survey_themes WHERE survey_id = @surveyId", new { surveyId }, s.Transaction, cancellationToken: ct));
        foreach (var (position, examplesJson) in themes)
        {
            var examples = JsonSerializer.Deserialize<List<string>>(examplesJson) ?? [];
            var kept = examples.Where(e => !texts.Contains(e.Trim())).ToList();
            if (kept.Count == examples.Count) continue;
            await s.ExecuteAsync("UPDATE survey_themes SET examples_json = @kept WHERE survey_id = @surveyId AND position = @position", ct,
                ("kept", JsonSerializer.Serialize(kept)), ("surveyId", surveyId), ("position", position));
        }
    }
}
