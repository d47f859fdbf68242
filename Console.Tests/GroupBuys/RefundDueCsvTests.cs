using Console.Domain.Data;
using Console.Domain.GroupBuys;
using CsvHelper;

namespace Console.Tests.GroupBuys;

/// <summary>The refund-due export keeps free-text client ids intact for the payment system that reads it back.</summary>
public sealed class RefundDueCsvTests
{
    [Fact]
    public void Ids_with_quotes_commas_and_line_breaks_read_back_as_written_and_an_open_failure_time_is_an_empty_field()
    {
        RefundDueLine[] lines =
        [
            new() { OrderId = "o-1", CustomerExternalId = "say \"hi\", then\nleave", TeamId = 7, Owed = 129_950,
                PaidAt = new DateTime(2025, 3, 1, 0, 10, 0), TeamFailedAt = new DateTime(2025, 3, 1, 2, 0, 0) },
            new() { OrderId = "o-2", CustomerExternalId = "客户", TeamId = 8, Owed = 5, PaidAt = new DateTime(2025, 3, 2, 23, 59, 59) },
        ];

        var text = CsvText.Write(lines);

        Assert.Equal(
            "order_id,customer_external_id,team_id,owed,paid_at,team_failed_at\n" +
            "o-1,\"say \"\"hi\"\", then\nleave\",7,1299.50,2025-03-01T00:10:00Z,2025-03-01T02:00:00Z\n" +
            "o-2,客户,8,0.05,2025-03-02T23:59:59Z,\n", text);
        using var reader = CsvReader.FromText(text);
        Assert.Equal(lines, reader.GetRecords<RefundDueLine>().ToArray());
    }

    [Fact]
    public void An_export_without_rows_is_its_header()
    {
        Assert.Equal("order_id,customer_external_id,team_id,owed,paid_at,team_failed_at\n", CsvText.Write(Array.Empty<RefundDueLine>()));
    }
}
