using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Bench.Support;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Partners;
using Dapper;

namespace Console.Bench;

/// <summary>
/// Orders per second through real Kestrel on loopback with 64 concurrent clients: plain orders against orders that
/// redeem one limited coupon, and orders that each carry a KOL's referral code (attributed, with a pending commission), in
/// the same run, alternating. Afterwards the store must show no use past the limit, and the pending lines left waiting
/// on their attributions are written as the settlement writes them, timed.
/// usage: coupons [orders-per-round] [rounds]
/// </summary>
internal static class CouponBench
{
    private const int Clients = 64;
    private const string Course = "bench-course";

    public static async Task RunAsync(string[] args)
    {
        var perRound = args.Length > 0 ? int.Parse(args[0]) : 20_000;
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 5;
        var dir = Path.Combine(Path.GetTempPath(), "cc-bench-coupons-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var dbPath = Path.Combine(dir, "console.db");
        var db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = dbPath });
        new Migrator(db).Migrate();
        var key = (await new ApiKeys(db, TimeProvider.System).CreateAsync("bench", ApiKeyScope.Manage, "bench")).Key;
        await using (var connection = await db.OpenAsync())
            await connection.ExecuteAsync(
                """
                INSERT INTO courses (external_id, title, list_price, created_at, updated_at) VALUES (@Course, 'Bench course', 19900, @now, @now)
                """, new { Course, now = DateTime.UtcNow });

        await using var web = await WebServer.StartAsync(dbPath, arguments: ["--Demo:SeedOnEmpty", "false"]);
        // One kept-alive connection per client, no proxy look-up, no decompression: the generator should cost little.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Clients, UseProxy = false, AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        }) { BaseAddress = web.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var kolCode = await KolCodeAsync(http);
        // Warm every path before anything is measured: under load the JIT's tiering (with PGO) needs ~10 s to settle.
        for (var warm = 1; warm <= 3; warm++)
        {
            await DriveAsync(http, web, $"warm{warm}", 3_000, null);
            await DriveAsync(http, web, $"warmc{warm}", 3_000, await CouponAsync(http, 2_000));
            await DriveAsync(http, web, $"warmk{warm}", 3_000, null, kolCode);
        }

        double plainCpu = 0, couponCpu = 0, kolCpu = 0;
        List<double> plainServerMs = [], kolServerMs = [];
        List<double> plainRates = [], couponRates = [], ratios = [], kolRates = [], kolRatios = [];
        long limitTotal = 0, createdTotal = 0;
        for (var round = 1; round <= rounds; round++)
        {
            // The coupon's limit is reached inside the round: the last tenth of the requests race for uses that are gone.
            var limit = perRound * 9 / 10;
            var code = await CouponAsync(http, limit);
            // Alternate which kind goes first, so drift in the machine's load does not favour one side.
            Run plain, coupon, kol;
            if (round % 2 == 1)
            {
                plain = await DriveAsync(http, web, $"plain{round}", perRound, null);
                kol = await DriveAsync(http, web, $"kol{round}", perRound, null, kolCode);
                coupon = await DriveAsync(http, web, $"coupon{round}", perRound, code);
            }
            else
            {
                coupon = await DriveAsync(http, web, $"coupon{round}", perRound, code);
                kol = await DriveAsync(http, web, $"kol{round}", perRound, null, kolCode);
                plain = await DriveAsync(http, web, $"plain{round}", perRound, null);
            }
            System.Console.WriteLine($"round {round}: kol code {kol.OrdersPerSecond:N0} orders/s, ratio to plain {kol.OrdersPerSecond / plain.OrdersPerSecond:0.00}; " +
                $"server CPU ms/order plain {plain.ServerCpuMs:0.000} / kol {kol.ServerCpuMs:0.000}");
            kolRates.Add(kol.OrdersPerSecond);
            kolRatios.Add(kol.OrdersPerSecond / plain.OrdersPerSecond);
            kolCpu += kol.ServerCpuMs + kol.ClientCpuMs;
            plainServerMs.Add(plain.ServerCpuMs);
            kolServerMs.Add(kol.ServerCpuMs);
            System.Console.WriteLine($"round {round}: plain {plain.OrdersPerSecond:N0} orders/s; coupon {coupon.OrdersPerSecond:N0} orders/s " +
                $"({coupon.Created:N0} redeemed of limit {limit:N0}, {coupon.Refused:N0} coupon_exhausted, {coupon.RequestsPerSecond:N0} requests/s); " +
                $"CPU ms/order server {plain.ServerCpuMs:0.00} / {coupon.ServerCpuMs:0.00}, generator {plain.ClientCpuMs:0.00} / {coupon.ClientCpuMs:0.00}");
            // Each round pairs the two kinds a second apart, so its own ratio is what load swings disturb least.
            plainRates.Add(plain.OrdersPerSecond);
            couponRates.Add(coupon.OrdersPerSecond);
            ratios.Add(coupon.OrdersPerSecond / plain.OrdersPerSecond);
            plainCpu += plain.ServerCpuMs + plain.ClientCpuMs;
            couponCpu += coupon.ServerCpuMs + coupon.ClientCpuMs;
            limitTotal += limit;
            createdTotal += coupon.Created;
        }

        // Checkout leaves each pending commission line waiting on its attribution; the settlement writes them in batches.
        // That later work is timed here, in this process, so that what checkout no longer does is still accounted for.
        await using var check = await db.OpenAsync();
        var waiting = await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM order_attributions WHERE line_amount IS NOT NULL");
        var writeCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var writeWatch = Stopwatch.StartNew();
        int written;
        using (var runner = new StatementRunner(db, new WriteGate(db)))
            written = await PendingLines.WriteAllAsync(runner, CancellationToken.None);
        var writeMs = writeWatch.Elapsed.TotalMilliseconds;
        var writeCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - writeCpu).TotalMilliseconds;
        System.Console.WriteLine($"pending lines waiting after the run {waiting:N0}; written afterwards in batches of {PendingLines.Batch:N0}: " +
            $"{written:N0} in {writeMs:N0} ms, CPU {writeCpuMs * 1000 / Math.Max(1, written):0.0} us per line");
        var pastLimit = await check.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(uses - total_limit), 0) FROM coupon_campaigns WHERE uses > total_limit");
        var redemptions = await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM coupon_redemptions");
        var attributed = await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM order_attributions");
        var commissionLines = await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kol_commissions");
        System.Console.WriteLine($"kol codes (medians of {rounds} rounds): plain {Stats.Median(plainRates):N0} orders/s, kol {Stats.Median(kolRates):N0} orders/s, " +
            $"ratio {Stats.Median(kolRatios):0.00} (per round {string.Join(", ", kolRatios.Select(r => r.ToString("0.00")))}; goal >= 0.90); " +
            $"attributed orders {attributed:N0}, commission lines {commissionLines:N0}");
        System.Console.WriteLine($"coupons (medians of {rounds} rounds): plain {Stats.Median(plainRates):N0} orders/s, coupon {Stats.Median(couponRates):N0} orders/s, " +
            $"ratio {Stats.Median(ratios):0.00} (per round {string.Join(", ", ratios.Select(r => r.ToString("0.00")))}; goal >= 0.70, >= 2,000 orders/s); uses past limit {pastLimit}; " +
            $"redemptions {redemptions:N0} = warm-up 6,000 + redeemed {createdTotal:N0} of limits {limitTotal:N0}");
        // Server CPU per order varies less with the machine's load than orders/s: its ratio shows what attribution itself costs.
        System.Console.WriteLine($"kol codes, server CPU per order (medians): plain {Stats.Median(plainServerMs):0.000} ms, kol {Stats.Median(kolServerMs):0.000} ms, " +
            $"plain/kol {Stats.Median(plainServerMs) / Stats.Median(kolServerMs):0.00}; CPU per order (server + generator) kol {kolCpu / rounds:0.00} ms");
        // With both processes on this machine, its cores divided by the CPU per order bound what an idle machine would reach.
        System.Console.WriteLine($"CPU per order (server + generator): plain {plainCpu / rounds:0.00} ms, coupon {couponCpu / rounds:0.00} ms; " +
            $"ceiling on {Environment.ProcessorCount} idle cores ~{Environment.ProcessorCount * 1000 * rounds / plainCpu:N0} / " +
            $"{Environment.ProcessorCount * 1000 * rounds / couponCpu:N0} orders/s");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>CPU figures are per request (server and generator processes), steadier than orders/s on a busy machine.</summary>
    private sealed record Run(int Created, int Refused, double OrdersPerSecond, double RequestsPerSecond, double ServerCpuMs, double ClientCpuMs);

    private static async Task<Run> DriveAsync(HttpClient http, WebServer web, string tag, int orders, string? code, string? referralCode = null)
    {
        // Bodies are serialised before the clock starts, so the generator spends its time on HTTP only.
        var bodies = Enumerable.Range(0, orders).Select(i => JsonSerializer.SerializeToUtf8Bytes(new
        {
            orderId = $"{tag}-{i}", customerExternalId = $"{tag}-cust-{i}", courseExternalId = Course,
            couponCodes = code is null ? Array.Empty<string>() : [code], referralCode,
        })).ToArray();
        var next = -1;
        var created = 0;
        var refused = 0;
        var serverCpu = web.CpuTime();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < orders; i = Interlocked.Increment(ref next))
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = Json;
                using var response = await http.PostAsync("/api/v1/orders", content);
                if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref created);
                else if (response.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref refused);
                else throw new InvalidOperationException($"{tag}: unexpected {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        var serverMs = (web.CpuTime() - serverCpu).TotalMilliseconds / orders;
        var clientMs = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds / orders;
        return new Run(created, refused, created / seconds, orders / seconds, serverMs, clientMs);
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>A KOL with a running percent contract and one referral code, through the management API.</summary>
    private static async Task<string> KolCodeAsync(HttpClient http)
    {
        var kol = await http.PostAsJsonAsync("/api/v1/kols", new { externalId = "bench-kol", name = "Bench KOL", platform = "douyin" });
        kol.EnsureSuccessStatusCode();
        var id = (await kol.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await http.PostAsJsonAsync($"/api/v1/kols/{id}/contracts",
            new { startsAt = "2020-01-01T00:00:00+08:00", rate = new { kind = "percent", value = 10m } })).EnsureSuccessStatusCode();
        var code = await http.PostAsJsonAsync($"/api/v1/kols/{id}/codes", new { code = "BENCHKOL" });
        code.EnsureSuccessStatusCode();
        return (await code.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task<string> CouponAsync(HttpClient http, int limit)
    {
        var response = await http.PostAsJsonAsync("/api/v1/coupon-campaigns",
            new { name = "bench", kind = "percent_off", value = 10, totalLimit = limit, status = "active" });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return json.GetProperty("codes")[0].GetString()!;
    }
}
