using System.Diagnostics;
using Console.Domain.Data;
using Console.Domain.Sales;
using Microsoft.Data.Sqlite;

namespace Console.Bench.Dashboard;

/// <summary>
/// A SQLite store of ~a year of sales (deterministic from a fixed seed), rolled up with the job's own
/// code. Generating takes a while, so the file is kept under the temp directory and reused.
/// </summary>
internal static class DashboardStore
{
    public const int Customers = 50_000;
    public const int Courses = 40;
    public const int Days = 365;
    public static readonly string[] Channels = ["storefront", "douyin", "wechat", "live_room", "kol"];
    // Midnight in Shanghai, so the last generated day is whole.
    public static readonly DateTime End = new(2025, 6, 30, 16, 0, 0, DateTimeKind.Utc);

    public static async Task<Db> OpenOrCreateAsync(int orders, BusinessTime time)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cc-bench");
        var path = Path.Combine(directory, $"dashboard-{orders}-v1.db");
        if (File.Exists(path))
        {
            // A cached store from an older schema catches up: later migrations derive their tables from the rollups.
            var cached = Open(path);
            new Migrator(cached).Migrate();
            return cached;
        }
        Directory.CreateDirectory(directory);
        var building = path + ".building";
        foreach (var stale in Directory.GetFiles(directory, Path.GetFileName(building) + "*")) File.Delete(stale);
        var db = Open(building);
        new Migrator(db).Migrate();
        var clock = Stopwatch.StartNew();
        Generate(db, orders);
        System.Console.WriteLine($"generated {orders:N0} orders in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var result = await new RollupDailySales(db, time).RunAsync(chunkSize: 5_000);
        System.Console.WriteLine($"rolled up {result.Orders:N0} orders and {result.Refunds:N0} refunds in {result.Chunks} chunks, {clock.Elapsed.TotalSeconds:F1} s");
        using (var c = db.Open())
        using (var checkpoint = c.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return Open(path);
    }

    private static Db Open(string path) => new(new DatabaseOptions { Provider = Dialect.Sqlite, Path = path });

    private static void Generate(Db db, int orders)
    {
        var random = new Random(20250701);
        var start = End.AddDays(-Days);
        using var connection = (SqliteConnection)db.Open();
        using var tx = connection.BeginTransaction();
        var customer = Prepare(connection, tx, "INSERT INTO customers (id, external_id, created_at, updated_at) VALUES ($id, $ext, $at, $at)", "$id", "$ext", "$at");
        for (var i = 1; i <= Customers; i++) Run(customer, i, $"c{i}", start);
        var course = Prepare(connection, tx,
            "INSERT INTO courses (id, external_id, title, category, list_price, created_at, updated_at) VALUES ($id, $ext, $title, $cat, $price, $at, $at)",
            "$id", "$ext", "$title", "$cat", "$price", "$at");
        var prices = new long[Courses + 1];
        for (var i = 1; i <= Courses; i++)
            Run(course, i, $"k{i}", $"Course {i}", $"category {i % 8}", prices[i] = 9_900 + 10_000 * (i % 10), start);
        var live = Prepare(connection, tx, "INSERT INTO live_sessions (id, external_id, course_id, title, updated_at) VALUES ($id, $ext, $course, $title, $at)",
            "$id", "$ext", "$course", "$title", "$at");
        for (var i = 1; i <= 200; i++) Run(live, i, $"ls{i}", 1 + i % Courses, $"Live {i}", start);

        var order = Prepare(connection, tx, """
            INSERT INTO orders (id, order_id, customer_id, course_id, live_session_id, channel, list_price, discount, payable, refunded, status, paid_at, created_at)
            VALUES ($id, $oid, $customer, $course, $live, $channel, $price, $discount, $payable, $refunded, $status, $at, $at)
            """, "$id", "$oid", "$customer", "$course", "$live", "$channel", "$price", "$discount", "$payable", "$refunded", "$status", "$at");
        var refund = Prepare(connection, tx,
            "INSERT INTO refunds (order_id, amount, first_for_order, refunded_at) VALUES ($order, $amount, 1, $at)", "$order", "$amount", "$at");
        var step = Days * TimeSpan.TicksPerDay / orders;
        for (var id = 1; id <= orders; id++)
        {
            var courseId = random.Next(1, Courses + 1);
            var discount = random.Next(4) == 0 ? prices[courseId] / 10 : 0;
            var payable = prices[courseId] - discount;
            var refunded = random.Next(30) == 0 ? payable : 0;
            var paidAt = start.AddTicks(step * (id - 1) + random.NextInt64(step));
            Run(order, id, $"o{id}", random.Next(1, Customers + 1), courseId, random.Next(5) == 0 ? random.Next(1, 201) : DBNull.Value,
                Channels[random.Next(Channels.Length)], prices[courseId], discount, payable, refunded, refunded > 0 ? "refunded" : "paid", paidAt);
            if (refunded > 0) Run(refund, id, refunded, paidAt.AddDays(3));
        }
        tx.Commit();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
