using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Text;

/// <summary>Stores the label a marketer gives a text by hand, with an audit line; the weekly retraining folds it in.</summary>
public sealed class SaveSentimentCorrection(StatementRunner runner, TimeProvider clock)
{
    public const int MaxTextLength = 4000;

    public sealed record Command(string? Text, string? Label, string? Reference);

    public abstract record Outcome
    {
        public sealed record Saved(SentimentCorrection Correction) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    private static readonly DialectSql InsertSql = new(d => $"""
        INSERT INTO text_sentiment_corrections (text, language, label, reference, corrected_by, corrected_at)
        {DialectSql.OutputId(d)}
        VALUES (@text, @language, @label, @reference, @correctedBy, @correctedAt)
        """);

    private const string AuditSql = """
        INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
        VALUES (@at, @actor, @action, @entity, @entityId, @beforeJson, @afterJson)
        """;

    public async Task<Outcome> ExecuteAsync(Command command, string actor, CancellationToken ct = default)
    {
        var fields = new FieldErrors();
        var text = command.Text?.Trim();
        if (string.IsNullOrEmpty(text)) fields.Add("text", FieldCodes.Required);
        else if (text.Length > MaxTextLength) fields.Add("text", FieldCodes.TooLong, MaxTextLength);
        if (string.IsNullOrEmpty(command.Label)) fields.Add("label", FieldCodes.Required);
        else if (!SentimentLabels.All.Contains(command.Label)) fields.Add("label", FieldCodes.OneOf, string.Join(", ", SentimentLabels.All));
        var reference = string.IsNullOrWhiteSpace(command.Reference) ? null : command.Reference.Trim();
        if (reference is { Length: > 200 }) fields.Add("reference", FieldCodes.TooLong, 200);
        if (!fields.Valid) return new Outcome.Invalid(fields);

        var now = clock.GetUtcNow().UtcDateTime;
        var language = TextLanguage.Detect(text!);
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var id = await s.InsertAsync(InsertSql.For(s.Dialect), token, ("text", text), ("language", language), ("label", command.Label),
                ("reference", reference), ("correctedBy", actor), ("correctedAt", now));
            await s.ExecuteAsync(AuditSql, token, ("at", now), ("actor", actor), ("action", "text.sentiment_correction"),
                ("entity", "text_sentiment_correction"), ("entityId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("beforeJson", null), ("afterJson", System.Text.Json.JsonSerializer.Serialize(new { language, label = command.Label, reference })));
            return new Outcome.Saved(new SentimentCorrection(id, text!, language, command.Label!, actor, now));
        }, _ => true, _ => null, UndoFree: false), ct);
    }
}
