using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>
/// Creates a tracked link: /r/{code} will log each click and send it on to the destination. Only https or http URLs on
/// a host of Partners:AllowedHosts are accepted, so a link can never redirect anywhere else.
/// </summary>
public sealed class AddLink(StatementRunner runner, TimeProvider clock, PartnersOptions options)
{
    public const int MaxUrlLength = 2000;

    public sealed record Command(string? DestinationUrl = null, string? CourseExternalId = null, string? LiveSessionExternalId = null,
        string? Label = null);

    public abstract record Outcome
    {
        public sealed record Created(string Code) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long kolId, Command command, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var url = fields.Required("destinationUrl", command.DestinationUrl, MaxUrlLength);
        if (url.Length > 0 && fields.Valid)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                fields.Add("destinationUrl", FieldCodes.UrlShape);
            else if (!options.AllowsHost(uri.Host)) fields.Add("destinationUrl", FieldCodes.HostNotAllowed, uri.Host);
        }
        var course = fields.Optional("courseExternalId", command.CourseExternalId);
        var session = fields.Optional("liveSessionExternalId", command.LiveSessionExternalId);
        var label = fields.Optional("label", command.Label, 200);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var code = KolCodeGenerator.Generate();
            try
            {
                return await runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
                {
                    if (await run.SingleOrDefaultAsync<long?>("SELECT id FROM kols WHERE id = @kolId", token, ("kolId", kolId)) is null)
                        return new Outcome.NotFound();
                    long? courseId = null, sessionId = null;
                    if (course is not null && (courseId = await run.SingleOrDefaultAsync<long?>(
                            "SELECT id FROM courses WHERE external_id = @course", token, ("course", course))) is null)
                        fields.Add("courseExternalId", FieldCodes.UnknownCourse, course);
                    if (session is not null && (sessionId = await run.SingleOrDefaultAsync<long?>(
                            "SELECT id FROM live_sessions WHERE external_id = @session", token, ("session", session))) is null)
                        fields.Add("liveSessionExternalId", FieldCodes.UnknownLiveSession, session);
                    if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
                    await run.ExecuteAsync(
                        """
                        INSERT INTO kol_links (code, kol_id, destination_url, course_id, live_session_id, label, status, created_at)
                        VALUES (@code, @kolId, @url, @courseId, @sessionId, @label, 'active', @now)
                        """, token, ("code", code), ("kolId", kolId), ("url", url), ("courseId", courseId), ("sessionId", sessionId),
                        ("label", label), ("now", now));
                    await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "kol_link.create", "kol", kolId.ToString(), null,
                        new { code, url, course, session, label }, now);
                    return new Outcome.Created(code);
                }, outcome => outcome is Outcome.Created, _ => null, UndoFree: false), ct);
            }
            catch (System.Data.Common.DbException e) when (StatementRunner.IsUniqueViolation(e) && attempt < 4)
            {
            }
        }
    }
}
