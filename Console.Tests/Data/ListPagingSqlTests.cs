using Console.Domain.Courses;
using Console.Domain.Customers;
using Console.Domain.Data;
using Console.Domain.LiveSessions;
using Console.Domain.Orders;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Console.Tests.Data;

/// <summary>The list statements are put together from a sort and a paging clause: every combination SQL Server can receive parses.</summary>
public sealed class ListPagingSqlTests
{
    private static readonly OrderList.Args AllOrderFilters =
        new("%o%", "%c%", "%k%", OrderStatus.Paid, "spring20", new DateTime(2026, 1, 1), new DateTime(2026, 2, 1));

    private static readonly OrderList.Args NoOrderFilter = new(null, null, null, null, null, null, null);

    public static TheoryData<bool> Directions => new() { true, false };

    [Theory]
    [MemberData(nameof(Directions))]
    public void Every_sort_of_every_list_parses_as_t_sql_in_both_directions(bool descending)
    {
        var texts = Enum.GetValues<CustomerSort>().Select(s => CustomerList.PageSql(new CustomerQuery(Sort: s, Descending: descending), Dialect.SqlServer))
            .Concat(Enum.GetValues<CourseSort>().Select(s => CourseList.PageSql(new CourseQuery(Sort: s, Descending: descending))))
            .Concat(Enum.GetValues<LiveSessionSort>().Select(s => LiveSessionList.PageSql(new LiveSessionQuery(Sort: s, Descending: descending))))
            .Append(OrderList.PageSql(AllOrderFilters, Dialect.SqlServer))
            .Append(OrderList.CountSql(AllOrderFilters))
            .Append(OrderList.PageSql(NoOrderFilter, Dialect.SqlServer))
            .ToList();
        Assert.Equal(Enum.GetValues<CustomerSort>().Length + Enum.GetValues<CourseSort>().Length + Enum.GetValues<LiveSessionSort>().Length + 3, texts.Count);
        foreach (var sql in texts)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, $"{string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n{sql}");
        }
        Assert.EndsWith("OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY", texts[0]);
        Assert.EndsWith("LIMIT @take OFFSET @skip", CustomerList.PageSql(new CustomerQuery(), Dialect.Sqlite));
    }
}
