using System.Collections.Concurrent;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>
/// Which active KOL a code names (a KOL code, or a code of a coupon campaign linked to a KOL) and that KOL's contracts,
/// kept in memory, so that checkout does not ask the store again for every order that carries a code (or a coupon code,
/// which may be linked). The Partners use cases that change a KOL, its contracts, codes or linked campaigns call
/// <see cref="Invalidate"/> once their change is committed; an entry is also read again after <see cref="Lifetime"/>, so
/// a change made by another node or written straight into the store counts within seconds.
/// </summary>
public sealed class KolCodeTerms
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>Codes are the caller's input: past this many the cache starts afresh rather than grow without end.</summary>
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record Entry(long Generation, long LoadedAtMs, IReadOnlyList<CodeContract> Contracts);

    private sealed record ContractRow(long KolId, long? KolCustomerId, long ContractId, DateTime StartsAt, DateTime? EndsAt, string RateKind,
        long RateValue, long WindowDays, long HoldingDays, string Binding);

    private sealed record CourseRateRow(long ContractId, long CourseId, string Kind, long Value);

    private sealed record CodeContract(ContractRow Contract, IReadOnlyDictionary<long, CourseRateRow> CourseRates);

    /// <summary>Called after a change to KOLs, contracts, codes or linked campaigns has been committed.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>Awaits a write that changed what codes resolve to, and invalidates whatever the write's outcome.</summary>
    internal async Task<T> AfterAsync<T>(Task<T> write)
    {
        try { return await write; }
        finally { Invalidate(); }
    }

    /// <summary>The terms of the active KOL the code names under the contract running at paidAt, or null.</summary>
    internal async Task<OrderAttribution.Terms?> FindAsync(Statements run, string code, long courseId, DateTime paidAt, CancellationToken ct)
    {
        // The generation is read before the store: a change committed while this entry loads leaves it stale, so it is read again.
        var generation = Interlocked.Read(ref _generation);
        var now = Environment.TickCount64;
        if (!_entries.TryGetValue(code, out var entry) || entry.Generation != generation || now - entry.LoadedAtMs > Lifetime.TotalMilliseconds)
        {
            entry = new Entry(generation, now, await LoadAsync(run, code, ct));
            if (_entries.Count >= MaxEntries) _entries.Clear();
            _entries[code] = entry;
        }
        foreach (var (c, rates) in entry.Contracts)
        {
            if (c.StartsAt > paidAt || (c.EndsAt is { } end && end <= paidAt)) continue;
            var rate = rates.GetValueOrDefault(courseId);
            return new OrderAttribution.Terms(c.KolId, c.KolCustomerId, c.ContractId, c.RateKind, c.RateValue, c.WindowDays, c.HoldingDays,
                c.Binding, rate?.Kind, rate?.Value);
        }
        return null;
    }

    private static async Task<IReadOnlyList<CodeContract>> LoadAsync(Statements run, string code, CancellationToken ct)
    {
        var contracts = (await run.Connection.QueryAsync<ContractRow>(new CommandDefinition(ContractsSql, new { code }, run.Transaction,
            cancellationToken: ct))).ToList();
        if (contracts.Count == 0) return [];
        var rates = (await run.Connection.QueryAsync<CourseRateRow>(new CommandDefinition(CourseRatesSql, new { code }, run.Transaction,
            cancellationToken: ct))).ToList();
        return contracts.Select(c => new CodeContract(c, rates.Where(r => r.ContractId == c.ContractId).ToDictionary(r => r.CourseId)))
            .ToList();
    }

    // Both name the KOLs of a code the same way: its own code, or a code of a coupon campaign linked to it.
    private const string ContractsSql =
        """
        SELECT k.id AS KolId, k.customer_id AS KolCustomerId, c.id AS ContractId, c.starts_at AS StartsAt, c.ends_at AS EndsAt,
               c.rate_kind AS RateKind, c.rate_value AS RateValue, c.attribution_window_days AS WindowDays, c.holding_days AS HoldingDays,
               c.binding
        FROM kols k JOIN kol_contracts c ON c.kol_id = k.id
        WHERE k.status = 'active' AND k.id IN (
            SELECT kol_id FROM kol_codes WHERE code = @code
            UNION ALL
            SELECT kc.kol_id FROM coupon_codes cc JOIN kol_coupon_campaigns kc ON kc.campaign_id = cc.campaign_id WHERE cc.code = @code)
        ORDER BY c.starts_at, c.id
        """;

    private const string CourseRatesSql =
        """
        SELECT r.contract_id AS ContractId, r.course_id AS CourseId, r.kind, r.value
        FROM kol_contract_course_rates r JOIN kol_contracts c ON c.id = r.contract_id JOIN kols k ON k.id = c.kol_id
        WHERE k.status = 'active' AND k.id IN (
            SELECT kol_id FROM kol_codes WHERE code = @code
            UNION ALL
            SELECT kc.kol_id FROM coupon_codes cc JOIN kol_coupon_campaigns kc ON kc.campaign_id = cc.campaign_id WHERE cc.code = @code)
        """;
}
