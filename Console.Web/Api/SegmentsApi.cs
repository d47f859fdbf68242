using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Console.Domain.Data;
using Console.Domain.Segments;

namespace Console.Web.Api;

/// <summary>Audience segments (API.md "Segments and email"): rules over the field catalogue, their sizes and samples; manage keys only.</summary>
internal static class SegmentsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var segments = v1.MapGroup("/segments").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Segments");
        segments.MapPost("", CreateAsync).Accepts<SegmentInput>("application/json").Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .Documented("CreateSegment", "Save a segment; answers its id and its size now. An unknown field, an operator that does not fit "
                + "the field or a bad value is a 400 naming the condition's path, e.g. rule.all[2].op.", Example);
        segments.MapGet("", ListAsync).Produces<ListAnswer>()
            .Documented("ListSegments", "Saved segments, one page, sorted by newest, name, size or updated (direction asc or desc), "
                + "with the size the daily job last recorded.");
        segments.MapGet("/fields", FieldsAsync).Produces<List<FieldAnswer>>()
            .Documented("ListSegmentFields", "The field catalogue: each field's value kind, operators, bounds and whether its source has data now.");
        segments.MapPost("/preview", PreviewRuleAsync).Accepts<PreviewInput>("application/json").Produces<PreviewAnswer>()
            .Documented("PreviewSegmentRule", "The size and a sample of customers of a rule that is not saved, as a builder shows while editing.",
                new PreviewInput(Example.Rule, 20));
        segments.MapGet("/{id:long}", GetAsync).Produces<SegmentAnswer>()
            .Documented("GetSegment", "A segment with its rule, last recorded size and size history (the last 30 business days).");
        segments.MapPatch("/{id:long}", PatchAsync).Accepts<SegmentInput>("application/json").Produces<SegmentAnswer>()
            .Documented("UpdateSegment", "Rename a segment or replace its rule; a field left out stays as it is.", new SegmentInput("Engaged viewers"));
        segments.MapPut("/{id:long}", PutAsync).Accepts<SegmentInput>("application/json").Produces<SegmentAnswer>()
            .Documented("ReplaceSegment", "Replace a segment's name and rule; both are required.", Example);
        segments.MapDelete("/{id:long}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("DeleteSegment", "Delete (archive) a segment; refused while a coupon campaign that has not ended or an experiment that has "
                + "not stopped uses it as its audience.", null, SegmentRefusals.InUse);
        segments.MapGet("/{id:long}/preview", PreviewAsync).Produces<PreviewAnswer>()
            .Documented("PreviewSegment", "A saved segment's size now and a sample of n customers (0 to 100, default 20), newest first.");
    }

    private static readonly SegmentInput Example = new("Watched over 30 minutes, did not buy",
        JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["all"] = new object[]
            {
                new Dictionary<string, object> { ["field"] = "watch_minutes_30d", ["op"] = "gte", ["value"] = 30 },
                new Dictionary<string, object> { ["field"] = "orders", ["op"] = "eq", ["value"] = 0 },
                new Dictionary<string, object> { ["any"] = new object[]
                {
                    new Dictionary<string, object> { ["field"] = "city", ["op"] = "in", ["value"] = new[] { "Shanghai", "Hangzhou" } },
                    new Dictionary<string, object> { ["field"] = "email_opt_in", ["op"] = "is", ["value"] = true },
                } },
            },
        }));

    /// <summary>A rule to preview without saving it, and how many sample customers to answer (0 to 100, default 20).</summary>
    public sealed record PreviewInput(JsonElement? Rule = null, int? N = null);

    public sealed record CreatedAnswer(long Id, long Size);

    public sealed record SizeAnswer(string Day, long Size);

    public sealed record SegmentAnswer(long Id, string Name, JsonElement Rule, long? Size, string? SizeDay, IReadOnlyList<SizeAnswer> History,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record RowAnswer(long Id, string Name, long? Size, string? SizeDay, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record ListAnswer(IReadOnlyList<RowAnswer> Items, long Total);

    public sealed record SampleAnswer(string ExternalId, string? Name, string? Email, string? City);

    public sealed record PreviewAnswer(long Size, IReadOnlyList<SampleAnswer> Sample);

    /// <summary>min and max bound whole values; refs names what a list of references points at; choices lists a choice field's words.</summary>
    public sealed record FieldAnswer(string Field, string Kind, IReadOnlyList<string> Ops, long? Min, long? Max, string? Refs,
        IReadOnlyList<string>? Choices, bool Available);

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CreateSegment create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<SegmentInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            CreateSegment.Outcome.Created c => TypedResults.Created($"/api/v1/segments/{c.Id}", new CreatedAnswer(c.Id, c.Size)),
            CreateSegment.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> ListAsync(string? sort, string? direction, string? skip, string? take, ListSegments list,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var sortBy = ListSegments.Sort.Newest;
        if (sort is not null && !(Enum.TryParse(sort, true, out sortBy) && Enum.IsDefined(sortBy) && !int.TryParse(sort, out _)))
            errors.Add("sort", FieldCodes.OneOf, string.Join(", ", Enum.GetNames<ListSegments.Sort>().Select(n => n.ToLowerInvariant())));
        if (direction is not null and not ("asc" or "desc")) errors.Add("direction", FieldCodes.OneOf, "asc, desc");
        var from = Whole("skip", skip, 0, 0, int.MaxValue, errors);
        var count = Whole("take", take, 50, 1, 200, errors);
        if (!errors.Valid) return Problems.Validation(errors);
        var page = await list.ExecuteAsync(sortBy, direction is null ? sortBy != ListSegments.Sort.Name : direction == "desc", from, count, ct);
        return TypedResults.Ok(new ListAnswer(page.Rows.Select(r => new RowAnswer(r.Id, r.Name, r.Size, r.SizeDay,
            CouponCampaignsApi.Time(r.CreatedAt)!.Value, CouponCampaignsApi.Time(r.UpdatedAt)!.Value)).ToList(), page.Total));
    }

    private static async Task<IResult> FieldsAsync(SegmentCatalogue catalogue, CancellationToken ct) =>
        TypedResults.Ok((await catalogue.FieldsAsync(ct)).Select(f => new FieldAnswer(f.Field.Code, Word(f.Field.Kind.ToString()), f.Field.Ops,
            f.Field.Kind == ValueKind.Whole ? f.Field.Min : null, f.Field.Kind == ValueKind.Whole ? f.Field.Max : null,
            f.Field.Refs == RefKind.None ? null : Word(f.Field.Refs.ToString()), f.Field.Choices, f.Available)).ToList());

    private static async Task<IResult> PreviewRuleAsync(HttpRequest request, PreviewSegment preview, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<PreviewInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return Answer(await preview.RuleAsync(body.Value!.Rule, body.Value.N ?? 20, ct), 0);
    }

    private static async Task<IResult> PreviewAsync(long id, string? n, PreviewSegment preview, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Whole("n", n, 20, 0, SegmentQueries.MaxSample, errors);
        if (!errors.Valid) return Problems.Validation(errors);
        return Answer(await preview.SavedAsync(id, size, ct), id);
    }

    private static async Task<IResult> GetAsync(long id, GetSegment segments, CancellationToken ct) =>
        await segments.FindAsync(id, ct) is { } s ? TypedResults.Ok(await AnswerAsync(s, segments, ct)) : NoSegment(id);

    private static Task<IResult> PatchAsync(long id, HttpRequest request, ClaimsPrincipal user, UpdateSegment update, GetSegment segments,
        CancellationToken ct) => UpdateAsync(id, request, user, update, segments, replace: false, ct);

    private static Task<IResult> PutAsync(long id, HttpRequest request, ClaimsPrincipal user, UpdateSegment update, GetSegment segments,
        CancellationToken ct) => UpdateAsync(id, request, user, update, segments, replace: true, ct);

    private static async Task<IResult> UpdateAsync(long id, HttpRequest request, ClaimsPrincipal user, UpdateSegment update, GetSegment segments,
        bool replace, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<SegmentInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var input = body.Value!;
        if (replace && (input.Name is null || input.Rule is null))
        {
            var errors = new FieldErrors();
            if (input.Name is null) errors.Add("name", FieldCodes.Required);
            if (input.Rule is null) errors.Add("rule", FieldCodes.Required);
            return Problems.Validation(errors);
        }
        return await update.ExecuteAsync(id, input, CouponCampaignsApi.Actor(user), ct) switch
        {
            UpdateSegment.Outcome.Updated u => TypedResults.Ok(await AnswerAsync(u.Segment, segments, ct)),
            UpdateSegment.Outcome.NotFound => NoSegment(id),
            UpdateSegment.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> DeleteAsync(long id, ClaimsPrincipal user, ArchiveSegment archive, CancellationToken ct) =>
        await archive.ExecuteAsync(id, CouponCampaignsApi.Actor(user), ct) switch
        {
            ArchiveSegment.Outcome.Archived => TypedResults.NoContent(),
            ArchiveSegment.Outcome.NotFound => NoSegment(id),
            ArchiveSegment.Outcome.InUse u => Problems.Refusal(SegmentRefusals.InUse, ErrorText.English(SegmentRefusals.InUse, [id])),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };

    private static IResult Answer(PreviewSegment.Outcome outcome, long id) => outcome switch
    {
        PreviewSegment.Outcome.Previewed p => TypedResults.Ok(new PreviewAnswer(p.Preview.Size,
            p.Preview.Sample.Select(c => new SampleAnswer(c.ExternalId, c.Name, c.Email, c.City)).ToList())),
        PreviewSegment.Outcome.NotFound => NoSegment(id),
        PreviewSegment.Outcome.Invalid i => Problems.Validation(i.Errors),
        var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
    };

    private static async Task<SegmentAnswer> AnswerAsync(Segment s, GetSegment segments, CancellationToken ct)
    {
        var history = await segments.HistoryAsync(s.Id, 30, ct);
        using var rule = JsonDocument.Parse(s.RuleJson);
        return new SegmentAnswer(s.Id, s.Name, rule.RootElement.Clone(), s.LastSize, s.LastSizeDay is { } d ? SegmentStore.DayText(d) : null,
            history.Select(h => new SizeAnswer(SegmentStore.DayText(h.Day), h.Size)).ToList(),
            CouponCampaignsApi.Time(s.CreatedAt)!.Value, CouponCampaignsApi.Time(s.UpdatedAt)!.Value);
    }

    private static IResult NoSegment(long id) => Problems.NotFound($"No segment {id}.");

    private static int Whole(string field, string? text, int fallback, int min, int max, FieldErrors errors)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors.Add(field, FieldCodes.Between, min, max);
        return fallback;
    }

    /// <summary>An enum name as the API's lower-case word with underscores (LiveSession → live_session).</summary>
    private static string Word(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
