using Console.Domain.Data.Demo;
using Console.Domain.Partners;
using Console.Tests.Demo;
using Dapper;

namespace Console.Tests.Partners;

/// <summary>The demo's partnerships: a roster of about thirty, the KOL-referred orders on real codes, a KOL per fraud signal.</summary>
public sealed class DemoPartnersTests(DemoStoreFixture fixture) : IClassFixture<DemoStoreFixture>
{
    private T One<T>(string sql)
    {
        using var connection = fixture.Store.Db.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    [Fact]
    public void About_thirty_kols_have_contracts_codes_and_links_and_the_vocabulary_codes_are_real()
    {
        Assert.InRange(One<long>("SELECT COUNT(*) FROM kols"), 28, 40);
        Assert.Equal(0, One<long>("SELECT COUNT(*) FROM kols k WHERE NOT EXISTS (SELECT 1 FROM kol_contracts c WHERE c.kol_id = k.id)"));
        Assert.Equal(0, One<long>("SELECT COUNT(*) FROM kols k WHERE NOT EXISTS (SELECT 1 FROM kol_links l WHERE l.kol_id = k.id)"));
        foreach (var kol in DemoVocabulary.Kols)
            Assert.Equal(1, One<long>($"SELECT COUNT(*) FROM kol_codes WHERE code = '{kol.ReferralCode}'"));
        // Every order that came with a KOL's code is attributed to that KOL.
        Assert.Equal(0, One<long>(
            """
            SELECT COUNT(*) FROM orders o JOIN kol_codes kc ON kc.code = o.referral_code
            WHERE NOT EXISTS (SELECT 1 FROM order_attributions a WHERE a.order_id = o.id AND a.kol_id = kc.kol_id)
            """));
        Assert.Equal(["code", "link", "live_session"], Vias());
        Assert.True(One<long>("SELECT COUNT(*) FROM kol_commissions WHERE kind = 'clawback'") > 0);
        Assert.True(One<long>("SELECT COUNT(*) FROM kol_commissions WHERE status = 'paid'") > 0);
        Assert.True(One<long>("SELECT COUNT(*) FROM kol_clicks") > One<long>("SELECT COUNT(*) FROM order_attributions WHERE via = 'link'"));
    }

    [Fact]
    public async Task One_kol_trips_each_fraud_signal()
    {
        var signals = new FraudSignals(fixture.Store.Db, new PartnersOptions());
        var tripped = new HashSet<string>();
        foreach (var id in Ids()) foreach (var signal in await signals.ForKolAsync(id)) tripped.Add(signal.Kind);
        Assert.Equal(FraudSignalKinds.All.Order(), tripped.Order());
    }

    private List<string> Vias()
    {
        using var connection = fixture.Store.Db.Open();
        return connection.Query<string>("SELECT DISTINCT via FROM order_attributions ORDER BY via").ToList();
    }

    private List<long> Ids()
    {
        using var connection = fixture.Store.Db.Open();
        return connection.Query<long>("SELECT id FROM kols ORDER BY id").ToList();
    }
}
