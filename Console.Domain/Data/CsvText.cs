using System.Globalization;
using CsvHelper;

namespace Console.Domain.Data;

/// <summary>Exports written by CsvHelper from [CsvRecord] types: the header, formats and line ends come from each type's attributes.</summary>
public static class CsvText
{
    public static string Write<T>(IEnumerable<T> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.For<T>(), leaveOpen: true)) csv.WriteRecords(rows);
        return text.ToString();
    }
}

/// <summary>A fen amount written as yuan with two decimals ("1299.50"), as every export shows money.</summary>
public sealed class YuanCsv : ICsvConverter<long>
{
    public long Read(CsvReader reader, int index) =>
        Money.TryToFen(reader.Parse<decimal>(index), out var fen)
            ? fen
            : throw new FormatException("Not an amount in yuan with at most two decimals.");

    public void Write(CsvWriter writer, long value) => writer.WriteField(Money.ToDecimal(value), "0.00");
}
