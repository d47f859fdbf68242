using Console.Domain.Models;

namespace Console.Tests.Models;

/// <summary>Live sessions cut into 5-minute slots, the SDCA model of their conversion, and the what-if planner on top.</summary>
public sealed class InteractionTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Slots_count_viewers_actions_and_the_orders_of_their_viewers_until_a_day_after_the_show()
    {
        var start = ModelsData.T0.AddHours(12);
        await new ModelsData(_store.Db).Course(1, "Art").Course(2, "Art").Customer(1).Customer(2).Customer(3)
            .Session(10, 1, start, 30)
            .Event(1, "watch", start.AddMinutes(2), 1, 10, 60).Event(1, "watch", start.AddMinutes(7), 1, 10, 60)
            .Event(2, "watch", start.AddMinutes(8), 1, 10, 60).Event(3, "watch", start.AddMinutes(21), 1, 10, 60)
            .Event(1, "coupon_claim", start.AddMinutes(7), 1, 10).Event(2, "poll_vote", start.AddMinutes(9), 1, 10, 2)
            .Event(3, "chat", start.AddMinutes(22), 1, 10).Event(3, "question", start.AddMinutes(23), 1, 10)
            .Order(1, 1, start.AddMinutes(9), 10)                 // in the room, while watching slot 1
            .Order(2, 1, start.AddHours(5))                       // the show's course after the show: buyer's last slot
            .Order(3, 2, start.AddHours(5))                       // another course: not this show's
            .Order(3, 1, start.AddDays(2))                        // more than 24 h after: not this show's
            .SaveAsync();

        var session = Assert.Single(await new InteractionSlotReader(_store.Db).ReadAsync(start.AddDays(-1), start.AddDays(1), CancellationToken.None));
        Assert.Equal(3, session.UniqueViewers);
        Assert.Equal(6, session.Slots.Count);
        var s = session.Slots;
        Assert.Equal((1, 0, 0), (s[0].Viewers, s[0].Orders, s[0].CouponClaims));
        Assert.Equal((2, 2, 1, 1), (s[1].Viewers, s[1].Orders, s[1].CouponClaims, s[1].PollVotes));
        Assert.Equal((1, 0, 1, 1), (s[4].Viewers, s[4].Orders, s[4].Chats, s[4].Questions));
        Assert.Equal(100.0, s[1].Conversion);
    }

    private async Task SeedSessionsAsync(int sessions)
    {
        var random = new Random(3);
        var data = new ModelsData(_store.Db).Course(1, "Art");
        for (var c = 1; c <= 400; c++) data.Customer(c);
        for (var id = 1; id <= sessions; id++)
        {
            var start = ModelsData.T0.AddDays(id).AddHours(12);
            data.Session(id, 1, start, 60);
            var pushSlot = random.NextDouble() < 0.7 ? random.Next(12) : -1;
            foreach (var c in Enumerable.Range(1, 400).OrderBy(_ => random.Next()).Take(30))
            {
                var first = random.Next(9);
                var bought = false;
                for (var slot = first; slot < Math.Min(12, first + 2 + random.Next(3)); slot++)
                {
                    var at = start.AddMinutes(slot * 5 + 1);
                    data.Event(c, "watch", at, 1, id, 240);
                    if (random.NextDouble() < 0.3) data.Event(c, "chat", at.AddSeconds(30), 1, id);
                    var claimed = slot == pushSlot && random.NextDouble() < 0.5;
                    if (claimed) data.Event(c, "coupon_claim", at.AddSeconds(40), 1, id);
                    if (!bought && random.NextDouble() < (claimed ? 0.5 : 0.03))
                    {
                        bought = true;
                        data.Order(c, 1, at.AddMinutes(2), id);
                    }
                }
            }
        }
        await data.SaveAsync();
    }

    [Fact]
    public async Task The_model_finds_that_coupon_pushes_raise_conversion_and_the_planner_says_so_with_an_interval()
    {
        await SeedSessionsAsync(60);
        var registry = new ModelRegistry(_store.Db, TimeProvider.System);
        var trainer = new InteractionTrainer(_store.Db, new InteractionSlotReader(_store.Db), registry) { Options = new InteractionOptions(BootstrapRounds: 30) };
        var outcome = Assert.IsType<TrainModel.Outcome.Trained>(
            await new TrainModel(_store.Db, registry, [trainer], TimeProvider.System).RunAsync(ModelKinds.Interaction, CancellationToken.None));
        Assert.True(outcome.Promoted);
        Assert.True(double.IsFinite(outcome.Candidate.Metrics["r2_holdout"]));
        Assert.True(outcome.Candidate.Metrics["r2_holdout"] > 0.05, $"R² {outcome.Candidate.Metrics["r2_holdout"]}");

        var model = InteractionModel.FromBytes((await registry.LoadBytesAsync(outcome.Candidate.Id, CancellationToken.None))!);
        var push = Array.IndexOf(InteractionModel.FeatureNames, "coupon_push");
        var (low, high) = model.Interval(push);
        Assert.True(model.Coefficients[push] > 0 && low > 0 && high > low, $"coupon push {model.Coefficients[push]} [{low}, {high}]");

        var plan = InteractionPlanner.Plan(model, [new PlannedAction(PlannedActionKinds.CouponPush, 30)], null);
        Assert.Equal("raises", plan.Verdict);
        Assert.True(plan.ConversionChangeLow > 0 && plan.ConversionChangeLow <= plan.ConversionChange && plan.ConversionChange <= plan.ConversionChangeHigh);
        Assert.Null(plan.ThinReason);

        // No lottery was ever drawn in these shows: the planner must not pretend to know its effect.
        var lottery = InteractionPlanner.Plan(model, [new PlannedAction(PlannedActionKinds.Lottery, 10)], null);
        Assert.Equal("too_little_data", lottery.Verdict);
        Assert.Equal(new ThinData(ThinData.RareAction, "lottery", lottery.ThinReason!.Have, 20), lottery.ThinReason);
        Assert.InRange(lottery.ThinReason.Have, 0, 19);
    }

    [Fact]
    public void A_model_learnt_from_few_slots_is_too_thin_to_tell()
    {
        var names = InteractionModel.FeatureNames;
        var ones = names.Select(_ => 1.0).ToArray();
        var model = new InteractionModel(names, ones, 0, Enumerable.Repeat(ones, 50).ToArray(), new double[50], names.Select(_ => 500).ToArray(),
            TrainSlots: 80, TrainSessions: 8, MeanSlotViewers: 20, MeanUniqueViewers: 100);
        var answer = InteractionPlanner.Plan(model, [new PlannedAction(PlannedActionKinds.CouponPush, 30), new PlannedAction(PlannedActionKinds.Poll, 30, 2)], null);
        Assert.Equal("too_little_data", answer.Verdict);
        // Three slots changed by one each, 20 viewers each, one more order per 100 viewers: 0.6 orders of 100 unique viewers.
        Assert.Equal(0.6, answer.ExtraOrders, 10);
        Assert.Equal(0.6, answer.ConversionChange, 10);

        var enough = InteractionPlanner.Plan(model with { TrainSlots = 5_000 }, [new PlannedAction(PlannedActionKinds.CouponPush, 30)], null);
        Assert.Equal("raises", enough.Verdict);
    }

    [Fact]
    public async Task The_live_session_planner_answers_as_the_planner_does_for_that_shows_viewers()
    {
        await SeedSessionsAsync(60);
        var registry = new ModelRegistry(_store.Db, TimeProvider.System);
        var reader = new InteractionSlotReader(_store.Db);
        var trainer = new InteractionTrainer(_store.Db, reader, registry) { Options = new InteractionOptions(BootstrapRounds: 30) };
        var trained = Assert.IsType<TrainModel.Outcome.Trained>(
            await new TrainModel(_store.Db, registry, [trainer], TimeProvider.System).RunAsync(ModelKinds.Interaction, CancellationToken.None));
        var model = InteractionModel.FromBytes((await registry.LoadBytesAsync(trained.Candidate.Id, CancellationToken.None))!);
        var start = ModelsData.T0.AddDays(12).AddHours(12);
        var profile = (await reader.ReadAsync(start, start.AddSeconds(1), CancellationToken.None)).Single(s => s.SessionId == 12);
        var whatIf = new LiveSessionWhatIf(_store.Db, reader, new ActiveModels(registry, TimeProvider.System));
        PlannedAction[][] plans =
        [
            [new(PlannedActionKinds.CouponPush, 30)],
            [new(PlannedActionKinds.CouponPush, 30), new(PlannedActionKinds.Poll, 10, 2)],
            [new(PlannedActionKinds.Questions, 20, 5)],
            [new(PlannedActionKinds.Lottery, 5)],
        ];

        foreach (var plan in plans)
        {
            var answered = Assert.IsType<LiveSessionWhatIf.Outcome.Answered>(await whatIf.PlanAsync("l-12", plan, CancellationToken.None));
            Assert.Equal(InteractionPlanner.Plan(model, plan, profile), answered.Answer);
            Assert.Equal(trained.Candidate.Id, answered.Model.Id);
        }
        Assert.IsType<LiveSessionWhatIf.Outcome.SessionNotFound>(await whatIf.PlanAsync("l-999", plans[0], CancellationToken.None));
    }
}
