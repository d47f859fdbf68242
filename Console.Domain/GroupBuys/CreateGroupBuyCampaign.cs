using Console.Domain.Admin;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>Creates a group-buy campaign for one course and writes it to the audit log in the same transaction.</summary>
public sealed class CreateGroupBuyCampaign(Db db, TimeProvider clock, MoneyBounds money)
{
    public const int MaxWindowMinutes = 30 * 24 * 60;

    public sealed record Input(string? Name = null, string? CourseExternalId = null, long? TeamSize = null, decimal? GroupPrice = null,
        decimal? LeaderPrice = null, long? TeamWindowMinutes = null, string? StartsAt = null, string? EndsAt = null,
        long? MaxTeams = null, string? Status = null);

    public abstract record Outcome
    {
        public sealed record Created(long Id) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    private sealed record CourseRef(long Id, long ListPrice);

    public Task<Outcome> ExecuteAsync(Input input, string actor, CancellationToken ct = default) =>
        ExecuteAsync(input, actor, freePriceConfirmed: true, ct);

    /// <summary>
    /// All rules in one pass, cross-field ones included, so a form shows every error at once. The console passes
    /// freePriceConfirmed false until the marketer confirms a price of 0; the API's caller has said what it means.
    /// </summary>
    public async Task<Outcome> ExecuteAsync(Input input, string actor, bool freePriceConfirmed, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = new OrderFields();
        var name = fields.Required("name", input.Name, 200);
        var courseExternalId = fields.Required("courseExternalId", input.CourseExternalId);
        var teamSize = fields.Whole("teamSize", input.TeamSize, 2, 50);
        if (input.TeamSize is null) fields.Add("teamSize", FieldCodes.Required);
        var groupPrice = fields.Money0("groupPrice", input.GroupPrice, money);
        if (input.GroupPrice is null) fields.Add("groupPrice", FieldCodes.Required);
        var leaderPrice = fields.Money0("leaderPrice", input.LeaderPrice, money);
        if (leaderPrice > groupPrice) fields.Add("leaderPrice", FieldCodes.LeaderPriceAboveGroup);
        if (!freePriceConfirmed && (groupPrice == 0 || leaderPrice == 0))
            fields.Add(groupPrice == 0 ? "groupPrice" : "leaderPrice", FieldCodes.FreePriceUnconfirmed);
        var window = fields.Whole("teamWindowMinutes", input.TeamWindowMinutes, 1, MaxWindowMinutes);
        if (input.TeamWindowMinutes is null) fields.Add("teamWindowMinutes", FieldCodes.Required);
        var maxTeams = fields.Whole("maxTeams", input.MaxTeams, 0);
        var status = fields.OneOf("status", input.Status, CampaignStatus.Draft, CampaignStatus.All);
        var startsAt = fields.Time("startsAt", input.StartsAt);
        var endsAt = fields.Time("endsAt", input.EndsAt);
        if (startsAt is not null && endsAt is not null && endsAt <= startsAt) fields.Add("endsAt", FieldCodes.EndsBeforeStart);

        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var course = courseExternalId.Length == 0 ? null : await connection.QuerySingleOrDefaultAsync<CourseRef>(new CommandDefinition(
            """
            SELECT id, list_price AS ListPrice FROM courses WHERE external_id = @courseExternalId
            """, new { courseExternalId }, tx, cancellationToken: ct));
        if (course is null && courseExternalId.Length > 0) fields.Add("courseExternalId", FieldCodes.UnknownCourse, courseExternalId);
        if (course is not null && groupPrice > course.ListPrice) fields.Add("groupPrice", FieldCodes.GroupPriceAboveList);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);

        var values = new
        {
            name, courseId = course!.Id, teamSize, groupPrice, leaderPrice, window, startsAt, endsAt, maxTeams, status, now,
        };
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.IsSqlite
            ? """
              INSERT INTO group_buy_campaigns (name, course_id, team_size, group_price, leader_price, team_window_minutes,
                  starts_at, ends_at, max_teams, teams_opened, status, created_at, updated_at)
              VALUES (@name, @courseId, @teamSize, @groupPrice, @leaderPrice, @window, @startsAt, @endsAt, @maxTeams, 0, @status, @now, @now);
              SELECT last_insert_rowid();
              """
            : """
              INSERT INTO group_buy_campaigns (name, course_id, team_size, group_price, leader_price, team_window_minutes,
                  starts_at, ends_at, max_teams, teams_opened, status, created_at, updated_at)
              OUTPUT INSERTED.id
              VALUES (@name, @courseId, @teamSize, @groupPrice, @leaderPrice, @window, @startsAt, @endsAt, @maxTeams, 0, @status, @now, @now);
              """, values, tx, cancellationToken: ct));
        await Audit.WriteAsync(connection, tx, actor, "group_buy_campaign.create", "group_buy_campaign", id.ToString(), null,
            new { name, courseExternalId, teamSize, groupPrice, leaderPrice, teamWindowMinutes = window, startsAt, endsAt, maxTeams, status }, now);
        await tx.CommitAsync(ct);
        return new Outcome.Created(id);
    }
}
