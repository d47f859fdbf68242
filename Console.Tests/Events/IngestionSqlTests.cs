using System.Reflection;
using Console.Domain.Data;
using Console.Domain.Events;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Console.Tests.Events;

public sealed class IngestionSqlTests
{
    [Fact]
    public void Every_SQL_Server_text_of_ingestion_parses_as_TSql()
    {
        string[] areas = ["Console.Domain.Customers", "Console.Domain.Courses", "Console.Domain.LiveSessions", "Console.Domain.Events",
            "Console.Domain.Data"];
        var texts = typeof(IngestEvents).Assembly.GetTypes()
            .Where(t => areas.Contains(t.Namespace))
            .SelectMany(t => t.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.StartsWith("SqlServer", StringComparison.Ordinal))
            .Select(f => (Name: f.DeclaringType!.Name + "." + f.Name, Sql: (string)f.GetRawConstantValue()!))
            // Statements composed per engine are sent to SQL Server in their composed form.
            .Concat(Console.Tests.Data.SqlServerDialectTests.ComposedSqlServerTexts()
                .Where(t => areas.Any(a => t.Where.StartsWith(a + ".", StringComparison.Ordinal))))
            .ToList();

        Assert.True(texts.Count >= 8, $"found only {texts.Count} SQL Server texts");
        foreach (var (name, sql) in texts)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }
}
