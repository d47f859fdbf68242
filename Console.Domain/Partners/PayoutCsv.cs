using Console.Domain.Data;
using CsvHelper;

namespace Console.Domain.Partners;

/// <summary>A payout as a bank upload wants it: one row per KOL with its account, netted amount and line count.</summary>
public static partial class PayoutCsv
{
    [CsvRecord, CsvOptions(NewLine = "\n", Culture = "")]
    internal sealed partial record Row
    {
        [CsvColumn("kol")] public string Kol { get; init; } = "";
        [CsvColumn("name")] public string Name { get; init; } = "";
        [CsvColumn("account")] public string Account { get; init; } = "";
        [CsvColumn("amount"), CsvConverter(typeof(YuanCsv))] public long Amount { get; init; }
        [CsvColumn("lines")] public long Lines { get; init; }
    }

    public static string Write(Payout payout) => CsvText.Write(payout.Kols.Select(k => new Row
    {
        Kol = k.ExternalId, Name = k.Name, Account = k.Account ?? "", Amount = k.Amount, Lines = k.Lines,
    }));
}
