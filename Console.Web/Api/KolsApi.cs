using System.Globalization;
using System.Security.Claims;
using Console.Domain.Data;
using Console.Domain.Partners;

namespace Console.Web.Api;

/// <summary>The KOL roster, contracts, codes, tracked links and commission lines (API.md "Partners (KOL)"); manage keys only.</summary>
internal static class KolsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var kols = v1.MapGroup("/kols").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("KOLs");
        kols.MapPost("", CreateAsync).Accepts<KolInput>("application/json").Produces<IdAnswer>(StatusCodes.Status201Created)
            .Documented("CreateKol", "Add a KOL to the roster; an externalId already used is refused.",
                new KolInput("kol-lin", "Lin Xiaoyu", "douyin", "@linxiaoyu", "lin@example.com", Status: KolWords.Active),
                PartnerRefusals.KolExists);
        kols.MapGet("/{id:long}", GetAsync).Produces<KolAnswer>()
            .Documented("GetKol", "A KOL with its codes, links, contracts, linked coupon campaigns and month-to-date figures.");
        kols.MapPatch("/{id:long}", UpdateAsync).Accepts<KolInput>("application/json").Produces<KolAnswer>()
            .Documented("UpdateKol", "Change any of a KOL's fields; fields left out stay as they are. A paused KOL wins no new orders.",
                new KolInput(Status: KolWords.Paused), PartnerRefusals.KolExists);
        kols.MapPost("/{id:long}/contracts", AddContractAsync).Accepts<ContractInput>("application/json")
            .Produces<IdAnswer>(StatusCodes.Status201Created)
            .Documented("AddKolContract", "Add a contract: rates, tiers, fee, attribution window and binding. Two contracts of one KOL may not overlap.",
                new ContractInput("2026-12-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00", new RateInput(KolWords.Percent, 10m),
                    [new TierInput(50000m, 12m), new TierInput(100000m, 15m)], [new CourseRateInput("k-101", KolWords.Percent, 20m)],
                    3000m, 7, 15, KolWords.LastTouch), PartnerRefusals.ContractOverlap);
        kols.MapPut("/{id:long}/contracts/{contractId:long}", UpdateContractAsync).Accepts<ContractInput>("application/json")
            .Produces<ContractAnswer>()
            .Documented("UpdateKolContract", "Replace a contract's terms (the same fields as adding one). Lines already written keep their rate; the period may not overlap another contract of the KOL.",
                new ContractInput("2026-12-01T00:00:00+08:00", "2027-02-01T00:00:00+08:00", new RateInput(KolWords.Percent, 12m),
                    [new TierInput(50000m, 14m)], [new CourseRateInput("k-101", KolWords.Flat, 30m)], 3000m, 10, 15, KolWords.FirstTouch),
                PartnerRefusals.ContractOverlap);
        kols.MapPost("/{id:long}/codes", AddCodeAsync).Accepts<AddKolCode.Command>(true, "application/json")
            .Produces<CodeAnswer>(StatusCodes.Status201Created)
            .Documented("AddKolCode", "Give the KOL a referral code; left out, a speakable one is generated. A code of a KOL or a coupon is refused.",
                new AddKolCode.Command("LINXY"), PartnerRefusals.CodeTaken);
        kols.MapPost("/{id:long}/links", AddLinkAsync).Accepts<AddLink.Command>("application/json")
            .Produces<LinkAnswer>(StatusCodes.Status201Created)
            .Documented("AddKolLink", "Create a tracked link /r/{code} to a destination on an allowed host (Partners:AllowedHosts).",
                new AddLink.Command("https://shop.example.com/courses/k-101", "k-101", Label: "Douyin bio"));
        kols.MapPatch("/{id:long}/links/{code}", SetLinkStatusAsync).Accepts<SetLinkStatus.Command>("application/json")
            .Produces<LinkDetail>()
            .Documented("SetKolLinkStatus", "Pause or resume a tracked link: a paused link answers /r/{code} with 404 and logs no click; resumed, it redirects again.",
                new SetLinkStatus.Command(KolWords.Paused));
        kols.MapPost("/{id:long}/coupon-campaigns", LinkCampaignAsync).Accepts<LinkCouponCampaign.Command>("application/json")
            .Produces<LinkCouponCampaign.Command>()
            .Documented("LinkKolCouponCampaign", "Link a coupon campaign to the KOL: orders using its codes are attributed to the KOL.",
                new LinkCouponCampaign.Command(12), PartnerRefusals.CampaignLinked);
        kols.MapGet("/{id:long}/commissions", CommissionsAsync).Produces<List<LineAnswer>>()
            .Documented("ListKolCommissions", "The KOL's commission, clawback and adjustment lines earned in [from, to), optionally of one status.");
        kols.MapGet("/{id:long}/fraud-signals", SignalsAsync).Produces<List<FraudSignal>>()
            .Documented("ListKolFraudSignals", "The fraud signals the KOL trips now: self_referral, refund_heavy, click_burst, instant_orders.");
    }

    public sealed record IdAnswer(long Id);

    public sealed record CodeAnswer(string Code);

    public sealed record LinkAnswer(string Code, string Url);

    public sealed record RateAnswer(string Kind, decimal Value);

    public sealed record TierAnswer(decimal FromMonthlyNet, decimal Value);

    public sealed record CourseRateAnswer(string CourseExternalId, string Kind, decimal Value);

    public sealed record ContractAnswer(long Id, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, RateAnswer Rate, IReadOnlyList<TierAnswer> Tiers,
        IReadOnlyList<CourseRateAnswer> CourseRates, decimal FixedFee, int AttributionWindowDays, int HoldingDays, string Binding);

    public sealed record LinkDetail(string Code, string Url, string DestinationUrl, string? CourseExternalId, string? LiveSessionExternalId,
        string? Label, string Status, long Clicks);

    public sealed record FiguresAnswer(long Clicks, long Orders, decimal Gmv, decimal NetRevenue, decimal Commission);

    public sealed record KolAnswer(long Id, string ExternalId, string Name, string Platform, string? Handle, string? Email, string? Phone,
        string? CustomerExternalId, string Status, IReadOnlyList<string> Codes, IReadOnlyList<LinkDetail> Links,
        IReadOnlyList<ContractAnswer> Contracts, IReadOnlyList<long> CouponCampaignIds, FiguresAnswer MonthToDate);

    public sealed record LineAnswer(string OrderId, string Kind, decimal Amount, decimal Base, RateAnswer Rate, string Status, bool Held,
        DateTimeOffset EarnedAt, DateTimeOffset AvailableAt, long? PayoutId);

    private static string Actor(ClaimsPrincipal user) => CouponCampaignsApi.Actor(user);

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CreateKol create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<KolInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, Actor(user), ct) switch
        {
            CreateKol.Outcome.Created c => TypedResults.Created($"/api/v1/kols/{c.Id}", new IdAnswer(c.Id)),
            CreateKol.Outcome.Exists e => Refusal(PartnerRefusals.KolExists, e.ExternalId),
            CreateKol.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> GetAsync(long id, HttpRequest request, GetKol kols, CancellationToken ct) =>
        await kols.FindAsync(id, ct) is { } k ? TypedResults.Ok(Answer(k, request)) : NoKol(id);

    private static async Task<IResult> UpdateAsync(long id, HttpRequest request, ClaimsPrincipal user, UpdateKol update, GetKol kols,
        CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<KolInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await update.ExecuteAsync(id, body.Value!, Actor(user), ct) switch
        {
            UpdateKol.Outcome.Updated => TypedResults.Ok(Answer((await kols.FindAsync(id, ct))!, request)),
            UpdateKol.Outcome.NotFound => NoKol(id),
            UpdateKol.Outcome.Exists e => Refusal(PartnerRefusals.KolExists, e.ExternalId),
            UpdateKol.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> AddContractAsync(long id, HttpRequest request, ClaimsPrincipal user, AddContract add, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ContractInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await add.ExecuteAsync(id, body.Value!, Actor(user), ct) switch
        {
            AddContract.Outcome.Created c => TypedResults.Created($"/api/v1/kols/{id}", new IdAnswer(c.Id)),
            AddContract.Outcome.NotFound => NoKol(id),
            AddContract.Outcome.Overlap o => Refusal(PartnerRefusals.ContractOverlap, o.OtherId),
            AddContract.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> UpdateContractAsync(long id, long contractId, HttpRequest request, ClaimsPrincipal user,
        UpdateContract update, GetKol kols, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ContractInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await update.ExecuteAsync(id, contractId, body.Value!, Actor(user), ct) switch
        {
            UpdateContract.Outcome.Updated => (await kols.FindAsync(id, ct))?.Contracts.FirstOrDefault(c => c.Id == contractId) is { } c
                ? TypedResults.Ok(Answer(c))
                : NoContract(id, contractId),
            UpdateContract.Outcome.NotFound => NoContract(id, contractId),
            UpdateContract.Outcome.Overlap o => Refusal(PartnerRefusals.ContractOverlap, o.OtherId),
            UpdateContract.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> SetLinkStatusAsync(long id, string code, HttpRequest request, ClaimsPrincipal user, SetLinkStatus set,
        GetKol kols, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<SetLinkStatus.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await set.ExecuteAsync(id, code, body.Value!, Actor(user), ct) switch
        {
            SetLinkStatus.Outcome.Set s => (await kols.FindAsync(id, ct))?.Links.FirstOrDefault(l => l.Code == s.Code) is { } l
                ? TypedResults.Ok(Answer(l, request))
                : NoLink(id, code),
            SetLinkStatus.Outcome.NotFound => NoLink(id, code),
            SetLinkStatus.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> AddCodeAsync(long id, HttpRequest request, ClaimsPrincipal user, AddKolCode add, CancellationToken ct)
    {
        // The body may be left out altogether: a generated code is asked for.
        var body = request.ContentLength == 0
            ? new ApiBody.Result<AddKolCode.Command>(new AddKolCode.Command(), null)
            : await ApiBody.ReadAsync<AddKolCode.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await add.ExecuteAsync(id, body.Value!, Actor(user), ct) switch
        {
            AddKolCode.Outcome.Created c => TypedResults.Created($"/api/v1/kols/{id}", new CodeAnswer(c.Code)),
            AddKolCode.Outcome.NotFound => NoKol(id),
            AddKolCode.Outcome.Taken t => Refusal(PartnerRefusals.CodeTaken, t.Code),
            AddKolCode.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> AddLinkAsync(long id, HttpRequest request, ClaimsPrincipal user, AddLink add, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<AddLink.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await add.ExecuteAsync(id, body.Value!, Actor(user), ct) switch
        {
            AddLink.Outcome.Created c => TypedResults.Created($"/api/v1/kols/{id}", new LinkAnswer(c.Code, LinkUrl(request, c.Code))),
            AddLink.Outcome.NotFound => NoKol(id),
            AddLink.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> LinkCampaignAsync(long id, HttpRequest request, ClaimsPrincipal user, LinkCouponCampaign link,
        CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<LinkCouponCampaign.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await link.ExecuteAsync(id, body.Value!, Actor(user), ct) switch
        {
            LinkCouponCampaign.Outcome.Linked l => TypedResults.Ok(new LinkCouponCampaign.Command(l.CampaignId)),
            LinkCouponCampaign.Outcome.NotFound => NoKol(id),
            LinkCouponCampaign.Outcome.AlreadyLinked a => Refusal(PartnerRefusals.CampaignLinked, a.CampaignId),
            LinkCouponCampaign.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> CommissionsAsync(long id, string? from, string? to, string? status, KolCommissions lines,
        CancellationToken ct)
    {
        var fields = new FieldErrors();
        var fromUtc = Instant("from", from, fields);
        var toUtc = Instant("to", to, fields);
        if (status is not null && !LineWords.Statuses.Contains(status)) fields.Add("status", FieldCodes.OneOf, string.Join(", ", LineWords.Statuses));
        if (!fields.Valid) return Problems.Validation(fields);
        return await lines.ListAsync(id, fromUtc, toUtc, status, ct) is { } found
            ? TypedResults.Ok(found.Select(Answer).ToList())
            : NoKol(id);
    }

    private static async Task<IResult> SignalsAsync(long id, GetKol kols, FraudSignals signals, HttpRequest request, CancellationToken ct) =>
        await kols.FindAsync(id, ct) is null ? NoKol(id) : TypedResults.Ok(await signals.ForKolAsync(id, ct));

    /// <summary>A day (yyyy-MM-dd, read as UTC midnight) or an ISO-8601 time with an offset.</summary>
    internal static DateTime? Instant(string field, string? text, FieldErrors fields)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && text.Contains('T'))
            return time.UtcDateTime;
        fields.Add(field, FieldCodes.NotIsoTime);
        return null;
    }

    internal static string LinkUrl(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}/r/{Uri.EscapeDataString(code)}";

    internal static RateAnswer Answer(Rate rate) => new(rate.Kind, rate.Value / 100m);

    private static LineAnswer Answer(CommissionLine l) => new(l.OrderId, l.Kind, Money.ToDecimal(l.Amount), Money.ToDecimal(l.Base),
        Answer(l.Rate), l.Status, l.Held, Utc(l.EarnedAt), Utc(l.AvailableAt), l.PayoutId);

    private static KolAnswer Answer(KolDetail d, HttpRequest request) => new(d.Kol.Id, d.Kol.ExternalId, d.Kol.Name, d.Kol.Platform,
        d.Kol.Handle, d.Kol.Email, d.Kol.Phone, d.Kol.CustomerExternalId, d.Kol.Status, d.Codes.Select(c => c.Code).ToList(),
        d.Links.Select(l => Answer(l, request)).ToList(), d.Contracts.Select(Answer).ToList(),
        d.CouponCampaignIds, new FiguresAnswer(d.MonthToDate.Clicks, d.MonthToDate.Orders, Money.ToDecimal(d.MonthToDate.Gmv),
            Money.ToDecimal(d.MonthToDate.NetRevenue), Money.ToDecimal(d.MonthToDate.Commission)));

    private static LinkDetail Answer(KolLink l, HttpRequest request) => new(l.Code, LinkUrl(request, l.Code), l.DestinationUrl,
        l.CourseExternalId, l.LiveSessionExternalId, l.Label, l.Status, l.Clicks);

    private static ContractAnswer Answer(Contract c) => new(c.Id, Utc(c.StartsAt), c.EndsAt is { } e ? Utc(e) : null, Answer(c.Rate),
        c.Tiers.Select(t => new TierAnswer(Money.ToDecimal(t.FromMonthlyNet), t.Value / 100m)).ToList(),
        c.CourseRates.Select(r => new CourseRateAnswer(r.CourseExternalId, r.Kind, r.Value / 100m)).ToList(),
        Money.ToDecimal(c.FixedFee), c.AttributionWindowDays, c.HoldingDays, c.Binding);

    internal static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static IResult NoKol(long id) => Problems.NotFound($"No KOL {id}.");

    private static IResult NoContract(long id, long contractId) => Problems.NotFound($"No contract {contractId} of KOL {id}.");

    private static IResult NoLink(long id, string code) => Problems.NotFound($"No link '{code}' of KOL {id}.");

    internal static IResult Refusal(string code, params object[] args) => Problems.Refusal(code, ErrorText.English(code, args));
}
