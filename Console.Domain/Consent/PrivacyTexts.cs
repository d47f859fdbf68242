using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Consent;

/// <summary>The privacy policy's address and the consent text in each language; empty means "not shown".</summary>
public sealed record PrivacyText(string? PolicyUrl, string? ConsentEn, string? ConsentZh)
{
    public static readonly PrivacyText Empty = new(null, null, null);

    public string? Consent(bool chinese) => chinese ? ConsentZh ?? ConsentEn : ConsentEn ?? ConsentZh;
}

/// <summary>
/// Reads and saves what the public pages (survey answers, unsubscribe) show about privacy. Kept in the store, not in
/// appsettings, so an Admin changes it for every node at once and the change is audited.
/// </summary>
public sealed class PrivacyTexts(Db db, StatementRunner runner, TimeProvider clock)
{
    public const int MaxUrl = 500, MaxConsent = 2_000;
    private const string PolicyUrl = "privacy_policy_url", ConsentEn = "consent_text.en", ConsentZh = "consent_text.zh-Hans";

    public async Task<PrivacyText> GetAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var values = (await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT name, value FROM consent_settings", cancellationToken: ct))).ToDictionary(r => r.Item1, r => r.Item2);
        return new PrivacyText(values.GetValueOrDefault(PolicyUrl), values.GetValueOrDefault(ConsentEn), values.GetValueOrDefault(ConsentZh));
    }

    public static FieldErrors Check(PrivacyText text)
    {
        var errors = new FieldErrors();
        if (Clean(text.PolicyUrl) is { } url)
        {
            if (url.Length > MaxUrl) errors.Add("policyUrl", FieldCodes.TooLong, MaxUrl);
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                errors.Add("policyUrl", FieldCodes.UrlShape);
        }
        if (Clean(text.ConsentEn) is { Length: > MaxConsent }) errors.Add("consentEn", FieldCodes.TooLong, MaxConsent);
        if (Clean(text.ConsentZh) is { Length: > MaxConsent }) errors.Add("consentZh", FieldCodes.TooLong, MaxConsent);
        return errors;
    }

    /// <summary>Saves all three values (a blank one is removed) and audits the change; answers the field errors, empty when saved.</summary>
    public async Task<FieldErrors> SaveAsync(PrivacyText text, string actor, CancellationToken ct = default)
    {
        var errors = Check(text);
        if (!errors.Valid) return errors;
        var before = await GetAsync(ct);
        var after = new PrivacyText(Clean(text.PolicyUrl), Clean(text.ConsentEn), Clean(text.ConsentZh));
        var now = clock.GetUtcNow().UtcDateTime;
        await runner.WriteAsync(new WriteUnit<object>(async (s, t) =>
        {
            foreach (var (name, value) in new[] { (PolicyUrl, after.PolicyUrl), (ConsentEn, after.ConsentEn), (ConsentZh, after.ConsentZh) })
            {
                await s.ExecuteAsync("DELETE FROM consent_settings WHERE name = @name", t, ("name", name));
                if (value is not null)
                    await s.ExecuteAsync("INSERT INTO consent_settings (name, value, updated_at) VALUES (@name, @value, @now)", t,
                        ("name", name), ("value", value), ("now", now));
            }
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "privacy.update", "privacy_settings", null, before, after, now);
            return errors;
        }, _ => true, _ => null, UndoFree: false), ct);
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
