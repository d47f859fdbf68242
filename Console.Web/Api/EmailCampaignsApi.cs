using System.Security.Claims;
using Console.Domain.Email;
using Console.Jobs.Email;
using Hangfire;

namespace Console.Web.Api;

/// <summary>Targeted email campaigns (API.md "Segments and email"): write, test, send, pause, follow and read results; manage keys only.</summary>
internal static class EmailCampaignsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var campaigns = v1.MapGroup("/email-campaigns").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Email campaigns");
        campaigns.MapPost("", CreateAsync).Accepts<EmailCampaignInput>("application/json").Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .Documented("CreateEmailCampaign", "Create a draft email campaign to a segment; its Liquid templates must parse (a 400 names the line) "
                + "and its HTML is sanitised.",
                new EmailCampaignInput("Double 12 reminder", 1, "{{ customer.first_name }}, your coupon is waiting",
                    "<p>Hello {{ customer.name }},</p><p>Your code: {{ coupon.code }}</p><p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></p>",
                    CouponCampaignId: 3, Recommendations: 3, HoldoutPercent: 10));
        campaigns.MapGet("", ListAsync).Produces<ListAnswer>()
            .Documented("ListEmailCampaigns", "Campaigns newest first with their progress; offset and limit page the list.");
        campaigns.MapGet("/{id:long}", GetAsync).Produces<CampaignAnswer>()
            .Documented("GetEmailCampaign", "A campaign's status, recipients counted by state and skip reason, and progress from 0 to 1.",
                null, EmailCodes.NotFound);
        campaigns.MapPost("/{id:long}/test", TestAsync).Accepts<TestInput>("application/json").Produces(StatusCodes.Status202Accepted)
            .Documented("TestEmailCampaign", "Send one message rendered for a sample customer to one address.", new TestInput("me@example.com"),
                EmailCodes.NotFound);
        campaigns.MapPost("/{id:long}/send", SendAsync).Accepts<ActionInput>(isOptional: true, "application/json").Produces<SendAnswer>(StatusCodes.Status202Accepted)
            .Documented("SendEmailCampaign", "Freeze the recipients and start sending now, or arm a campaign with a later sendAt, a weekly repeat "
                + "or a trigger. Once only.", new ActionInput("Approved by the marketing lead."), EmailCodes.NotFound, EmailCodes.AlreadySent, EmailCodes.NoSegmentReader);
        campaigns.MapPost("/{id:long}/pause", PauseAsync).Accepts<ActionInput>(isOptional: true, "application/json").Produces(StatusCodes.Status202Accepted)
            .Documented("PauseEmailCampaign", "Stop claiming recipients; what is queued stays queued.", new ActionInput("Wrong coupon in the text."), EmailCodes.NotFound, EmailCodes.NotSending);
        campaigns.MapPost("/{id:long}/resume", ResumeAsync).Accepts<ActionInput>(isOptional: true, "application/json").Produces(StatusCodes.Status202Accepted)
            .Documented("ResumeEmailCampaign", "Carry on sending from where the campaign was paused.", new ActionInput("Coupon fixed."), EmailCodes.NotFound, EmailCodes.NotSending);
        campaigns.MapGet("/{id:long}/deliveries", DeliveriesAsync).Produces<DeliveriesAnswer>()
            .Documented("ListEmailDeliveries", "The delivery log, one line per recipient: state, reason, attempts and the server's last reply.",
                null, EmailCodes.NotFound);
        campaigns.MapGet("/{id:long}/results", ResultsAsync).Produces<ResultsAnswer>()
            .Documented("GetEmailCampaignResults", "Sent, failed, skipped by reason, and orders by recipients within 7 days (net of refunds, and "
                + "with the campaign's coupon) against the holdout.", null, EmailCodes.NotFound);
    }

    public sealed record CreatedAnswer(long Id);

    public sealed record TestInput(string? To);

    /// <summary>The body of send, pause and resume is optional: a reason, kept in the audit entry.</summary>
    public sealed record ActionInput(string? Reason);

    public sealed record SendAnswer(string Status, long? RunId, int? Recipients);

    public sealed record CampaignAnswer(long Id, string Name, long SegmentId, string Subject, string Status, DateTimeOffset? SendAt, bool RepeatWeekly,
        string? Trigger, long? CouponCampaignId, int HoldoutPercent, long Recipients, long Queued, long Sending, long Sent, long Failed,
        long Holdout, IReadOnlyDictionary<string, long> Skipped, double Progress, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, DateTimeOffset CreatedAt);

    public sealed record ListItem(long Id, string Name, string Status, long Recipients, long Sent, long Failed, long Skipped, double Progress,
        DateTimeOffset CreatedAt);

    public sealed record ListAnswer(long Total, IReadOnlyList<ListItem> Items);

    public sealed record DeliveryAnswer(long Id, string CustomerExternalId, string? Email, string State, string? Reason, int Attempts,
        DateTimeOffset? SentAt, string? Reply);

    public sealed record DeliveriesAnswer(long Total, IReadOnlyList<DeliveryAnswer> Items);

    /// <summary>Money is decimal in the shop currency; unsubscribes is null until the consent record credits campaigns.</summary>
    public sealed record GroupAnswer(long Customers, long Buyers, long Orders, decimal NetRevenue, long CouponOrders, double Conversion);

    public sealed record ResultsAnswer(long Sent, long Failed, IReadOnlyDictionary<string, long> Skipped, long? Unsubscribes, GroupAnswer Recipients, GroupAnswer Holdout,
        double UpliftPoints);

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CreateEmailCampaign create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<EmailCampaignInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            CreateEmailCampaign.Outcome.Created c => TypedResults.Created($"/api/v1/email-campaigns/{c.Id}", new CreatedAnswer(c.Id)),
            CreateEmailCampaign.Outcome.Invalid i => EmailErrorText.Problem(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> ListAsync(ListEmailCampaigns list, CancellationToken ct, int offset = 0, int limit = 50)
    {
        var (rows, total) = await list.PageAsync(Math.Max(0, offset), Math.Clamp(limit, 1, 200), ct);
        return TypedResults.Ok(new ListAnswer(total, rows.Select(r => new ListItem(r.Id, r.Name, r.ShownStatus, r.Recipients, r.Sent, r.Failed,
            r.Skipped, r.Progress, CouponCampaignsApi.Time(r.CreatedAt)!.Value)).ToList()));
    }

    private static async Task<IResult> GetAsync(long id, GetEmailCampaign campaigns, CancellationToken ct) =>
        await campaigns.FindAsync(id, ct) is { } v ? TypedResults.Ok(Answer(v)) : Problems.Refusal(EmailCodes.NotFound, EmailErrorText.English(EmailCodes.NotFound, id), StatusCodes.Status404NotFound);

    private static async Task<IResult> TestAsync(long id, HttpRequest request, TestSendEmail test, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<TestInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var to = body.Value!.To?.Trim();
        if (string.IsNullOrEmpty(to)) return Problems.Validation("to", ErrorText.English(Console.Domain.Data.FieldCodes.Required, []));
        if (!MimeKit.MailboxAddress.TryParse(to, out var address) || !address.Address.Contains('@') || to.Length > 320)
            return Problems.Validation("to", EmailErrorText.English(EmailCodes.AddressShape));
        return await test.ExecuteAsync(id, address.Address, ct) switch
        {
            TestSendEmail.Result.Sent => TypedResults.Accepted((string?)null),
            TestSendEmail.Result.NotFound => Problems.Refusal(EmailCodes.NotFound, EmailErrorText.English(EmailCodes.NotFound, id), StatusCodes.Status404NotFound),
            _ => Problems.Validation("html", EmailErrorText.English(EmailCodes.TemplateSyntax, 1, "The template does not render.")),
        };
    }

    /// <summary>A problem when an optional body is there but wrong; the reason otherwise (null without a body).</summary>
    private static async Task<(string? Reason, IResult? Problem)> ReasonAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any()) return (null, null);
        var body = await ApiBody.ReadAsync<ActionInput>(request, ct);
        if (body.Problem is not null) return (null, body.Problem);
        var reason = body.Value!.Reason?.Trim();
        return reason is { Length: > 500 } ? (null, Problems.Validation("reason", ErrorText.English(Console.Domain.Data.FieldCodes.TooLong, [500]))) : (reason, null);
    }

    private static async Task<IResult> SendAsync(long id, HttpRequest request, ClaimsPrincipal user, StartEmailCampaign start, IBackgroundJobClient jobs,
        CancellationToken ct)
    {
        var (reason, problem) = await ReasonAsync(request, ct);
        if (problem is not null) return problem;
        return await start.ExecuteAsync(id, CouponCampaignsApi.Actor(user), ct, reason) switch
        {
            StartEmailCampaign.Outcome.Started s => Accepted(jobs, s),
            StartEmailCampaign.Outcome.Scheduled => TypedResults.Accepted((string?)null, new SendAnswer(EmailCampaignStatus.Scheduled, null, null)),
            StartEmailCampaign.Outcome.NotFound => Problems.Refusal(EmailCodes.NotFound, EmailErrorText.English(EmailCodes.NotFound, id), StatusCodes.Status404NotFound),
            StartEmailCampaign.Outcome.Unavailable => EmailErrorText.Refusal(EmailCodes.NoSegmentReader, id),
            _ => EmailErrorText.Refusal(EmailCodes.AlreadySent, id),
        };
    }

    private static IResult Accepted(IBackgroundJobClient jobs, StartEmailCampaign.Outcome.Started s)
    {
        jobs.Enqueue<SendEmailRunJob>(j => j.ExecuteAsync(s.RunId, CancellationToken.None));
        return TypedResults.Accepted((string?)null, new SendAnswer(EmailCampaignStatus.Sending, s.RunId, s.Recipients));
    }

    private static Task<IResult> PauseAsync(long id, HttpRequest request, ClaimsPrincipal user, PauseEmailCampaign pause, IBackgroundJobClient jobs,
        CancellationToken ct) => ChangeAsync(id, true, request, user, pause, jobs, ct);

    private static Task<IResult> ResumeAsync(long id, HttpRequest request, ClaimsPrincipal user, PauseEmailCampaign pause, IBackgroundJobClient jobs,
        CancellationToken ct) => ChangeAsync(id, false, request, user, pause, jobs, ct);

    private static async Task<IResult> ChangeAsync(long id, bool paused, HttpRequest request, ClaimsPrincipal user, PauseEmailCampaign pause,
        IBackgroundJobClient jobs, CancellationToken ct)
    {
        var (reason, problem) = await ReasonAsync(request, ct);
        if (problem is not null) return problem;
        switch (await pause.ExecuteAsync(id, paused, CouponCampaignsApi.Actor(user), reason, ct))
        {
            case PauseEmailCampaign.Outcome.Done done:
                if (!paused) foreach (var run in done.OpenRuns) jobs.Enqueue<SendEmailRunJob>(j => j.ExecuteAsync(run, CancellationToken.None));
                return TypedResults.Accepted((string?)null);
            case PauseEmailCampaign.Outcome.NotFound:
                return Problems.Refusal(EmailCodes.NotFound, EmailErrorText.English(EmailCodes.NotFound, id), StatusCodes.Status404NotFound);
            default:
                return EmailErrorText.Refusal(EmailCodes.NotSending, id);
        }
    }

    private static async Task<IResult> DeliveriesAsync(long id, GetEmailCampaign campaigns, EmailDeliveries deliveries, CancellationToken ct,
        string? state = null, int offset = 0, int limit = 100)
    {
        if (await campaigns.FindAsync(id, ct) is null) return Problems.Refusal(EmailCodes.NotFound, EmailErrorText.English(EmailCodes.NotFound, id), StatusCodes.Status404NotFound);
        if (state is not null && !RecipientState.All.Contains(state))
            return Problems.Validation("state", ErrorText.English(Console.Domain.Data.FieldCodes.OneOf, [string.Join(", ", RecipientState.All)]));
        var (lines, total) = await deliveries.PageAsync(id, state, Math.Max(0, offset), Math.Clamp(limit, 1, 500), ct);
        return TypedResults.Ok(new DeliveriesAnswer(total, lines.Select(l => new DeliveryAnswer(l.Id, l.CustomerExternalId, l.Email, l.State, l.Reason,
            l.Attempts, CouponCampaignsApi.Time(l.SentAt), l.Reply)).ToList()));
    }

    private static async Task<IResult> ResultsAsync(long id, EmailResults results, CancellationToken ct)
    {
        if (await results.ForAsync(id, ct) is not { } r) return Problems.Refusal(EmailCodes.NotFound, EmailErrorText.English(EmailCodes.NotFound, id), StatusCodes.Status404NotFound);
        return TypedResults.Ok(new ResultsAnswer(r.Counts.Sent, r.Counts.Failed, Skips(r.Counts), r.Unsubscribes, Group(r.Recipients), Group(r.Holdout),
            Math.Round(r.UpliftPoints, 2)));
    }

    private static GroupAnswer Group(GroupOrders g) =>
        new(g.Customers, g.Buyers, g.Orders, Console.Domain.Data.Money.ToDecimal(g.NetRevenue), g.CouponOrders, Math.Round(g.Conversion, 4));

    /// <summary>Keyed by the reason codes of API.md (no_consent, unsubscribed, frequency_cap, no_email).</summary>
    private static IReadOnlyDictionary<string, long> Skips(EmailCounts c) => c.Skipped;

    private static CampaignAnswer Answer(EmailCampaignView v)
    {
        var (c, n) = (v.Campaign, v.Counts);
        return new CampaignAnswer(c.Id, c.Name, c.SegmentId, c.Subject, c.ShownStatus, CouponCampaignsApi.Time(c.SendAt), c.RepeatWeekly, c.TriggerKind,
            c.CouponCampaignId, c.HoldoutPercent, n.Recipients, n.Queued, n.Sending, n.Sent, n.Failed, n.Holdout, Skips(n), Math.Round(n.Progress, 4),
            CouponCampaignsApi.Time(c.StartedAt), CouponCampaignsApi.Time(c.FinishedAt), CouponCampaignsApi.Time(c.CreatedAt)!.Value);
    }
}
