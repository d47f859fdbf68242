using Console.Domain.Orders;
using Console.Web.Api;

namespace Console.Web.Cli.Import;

/// <summary>Orders go through the same CreateOrder use case as POST /api/v1/orders, one transaction per order.</summary>
internal sealed class OrdersCsv(CreateOrder createOrder) : ICsvImporter
{
    public string Kind => "orders";
    public IReadOnlyList<string> RequiredColumns { get; } = ["orderId", "customerExternalId", "courseExternalId"];
    public IReadOnlyList<string> OptionalColumns { get; } =
        ["couponCodes", "referralCode", "liveSessionExternalId", "channel", "paidAt"];

    public async Task<ChunkResult> ImportAsync(IReadOnlyList<CsvRow> rows, CancellationToken ct)
    {
        var rejected = new List<RowRejection>();
        int stored = 0, already = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            // Several coupons in one cell are separated by semicolons, since commas separate cells.
            var coupons = row["couponCodes"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var outcome = await createOrder.ExecuteAsync(new CreateOrder.Command(row["orderId"], row["customerExternalId"],
                row["courseExternalId"], coupons, row["referralCode"], row["liveSessionExternalId"], row["channel"],
                null, row["paidAt"]), ct);
            switch (outcome)
            {
                case CreateOrder.Outcome.Created:
                    stored++;
                    break;
                case CreateOrder.Outcome.Existing:
                    already++;
                    break;
                case CreateOrder.Outcome.Invalid invalid:
                    foreach (var field in invalid.Errors.ByField())
                        rejected.Add(new RowRejection(i, field.Key, string.Join(" ", field.Select(ErrorText.English))));
                    break;
                case CreateOrder.Outcome.Refused refused:
                    rejected.Add(new RowRejection(i, ColumnOf(refused.Refusal.Code), $"{refused.Refusal.Code} ({ErrorText.English(refused.Refusal.Code, refused.Refusal.Args)})"));
                    break;
            }
        }
        return new ChunkResult(stored, already, rejected);
    }

    private static string ColumnOf(string code) => code switch
    {
        OrderRefusals.UnknownCourse => "courseExternalId",
        OrderRefusals.UnknownLiveSession => "liveSessionExternalId",
        _ when code.StartsWith("coupon", StringComparison.Ordinal) => "couponCodes",
        _ => "orderId",
    };
}
