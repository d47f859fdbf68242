using Console.Jobs;
using Console.Web.Cli;
using Dapper;

namespace Console.Tests.Partners;

/// <summary>jobs list and jobs run NAME, over every recurring job, against a real store.</summary>
public sealed class JobsVerbTests : IDisposable
{
    private readonly TempStore _store = new(migrate: true);

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliVerbs.RunAsync([.. args, $"--Database:Path={_store.Path}",
            $"--Jobs:SqlitePath={Path.Combine(_store.Directory, "jobs.db")}"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Jobs_list_names_every_recurring_job_with_its_schedule_and_next_run()
    {
        var (code, output, _) = await Run("jobs", "list");
        Assert.Equal(0, code);
        foreach (var id in RecurringJobs.Ids)
            Assert.Matches($"(?m)^{id}\\t[^\\t]+\\tnever\\t\\d{{4}}-\\d{{2}}-\\d{{2}}T", output);
        Assert.Contains("partners-settle-commissions\t0 * * * *\t", output);
    }

    [Fact]
    public async Task Jobs_run_settles_due_commissions_now_and_an_unknown_name_fails_with_the_list()
    {
        await using (var c = await _store.Db.OpenAsync())
            await c.ExecuteAsync(
                """
                INSERT INTO customers (id, external_id, created_at, updated_at) VALUES (1, 'c-1', '2026-01-01', '2026-01-01');
                INSERT INTO courses (id, external_id, title, list_price, created_at, updated_at) VALUES (1, 'k-1', 'K', 19900, '2026-01-01', '2026-01-01');
                INSERT INTO orders (id, order_id, customer_id, course_id, list_price, payable, status, paid_at, created_at)
                VALUES (1, 'o-1', 1, 1, 19900, 19900, 'paid', '2026-01-02 00:00:00', '2026-01-02 00:00:00');
                INSERT INTO kols (id, external_id, name, created_at, updated_at) VALUES (1, 'kol-1', 'Lin', '2026-01-01', '2026-01-01');
                INSERT INTO kol_contracts (id, kol_id, starts_at, rate_kind, rate_value, created_at) VALUES (1, 1, '2026-01-01', 'percent', 1000, '2026-01-01');
                INSERT INTO kol_commissions (kol_id, order_id, contract_id, kind, amount, base, rate_kind, rate_value, status, month, earned_at, available_at, created_at)
                VALUES (1, 1, 1, 'commission', 1990, 19900, 'percent', 1000, 'pending', '2026-01', '2026-01-02 00:00:00', '2026-01-17 00:00:00', '2026-01-02 00:00:00');
                """);
        var (code, output, _) = await Run("jobs", "run", RecurringJobs.SettleCommissions);
        Assert.Equal(0, code);
        Assert.Contains("1 lines approved", output);
        await using (var c = await _store.Db.OpenAsync())
        {
            Assert.Equal("approved", await c.ExecuteScalarAsync<string>("SELECT status FROM kol_commissions"));
            Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kol_month_closes WHERE month = '2026-01'"));
        }

        var unknown = await Run("jobs", "run", "no-such-job");
        Assert.NotEqual(0, unknown.Code);
        Assert.Contains(RecurringJobs.SettleCommissions, unknown.Err);
    }

    public void Dispose() => _store.Dispose();
}
