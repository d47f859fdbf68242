using Bunit;
using Console.Domain.Coupons;
using Console.Domain.GroupBuys;
using Dapper;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Support;

/// <summary>bUnit for the campaign editors: their domain rules (the ones the API uses), a signed-in marketer and one course.</summary>
public abstract class CampaignEditorContext : UiContext
{
    protected CampaignEditorContext()
    {
        Services.AddSingleton<CreateCouponCampaign>();
        Services.AddSingleton<UpdateCouponCampaign>();
        Services.AddSingleton<GetCouponCampaign>();
        Services.AddSingleton<ListCouponCampaigns>();
        Services.AddSingleton<PromotionChoices>();
        Services.AddSingleton<CreateGroupBuyCampaign>();
        Services.AddSingleton<ListGroupBuyCampaigns>();
        AddAuthorization().SetAuthorized("m@x.io");
        using var connection = Store.Db.Open();
        connection.Execute("""
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES ('c-art', 'Painting', 'art', 19900, @now, @now)
            """, new { now = DateTime.UtcNow });
    }

    /// <summary>
    /// Customers a, b and c with sealed addresses, those named opted in to marketing email, and a segment "Opted in" whose
    /// rule holds them; answers the segment's id.
    /// </summary>
    protected long SeedOptedInSegment(params string[] optedIn)
    {
        using var connection = Store.Db.Open();
        var now = DateTime.UtcNow;
        foreach (var id in new[] { "a", "b", "c" })
            connection.Execute("""
                INSERT INTO customers (external_id, email, email_opt_in, created_at, updated_at) VALUES (@id, @email, @optIn, @now, @now)
                """, new { id, email = Store.PersonalData.Seal($"{id}@example.com"), optIn = optedIn.Contains(id), now });
        return connection.ExecuteScalar<long>("""
            INSERT INTO segments (name, rule_json, created_at, updated_at)
            VALUES ('Opted in', '{"all":[{"field":"email_opt_in","op":"is","value":true}]}', @now, @now);
            SELECT last_insert_rowid();
            """, new { now });
    }

    // Sets a field the way its binding would, found by its label.
    protected static async Task SetAsync<TField, TValue>(IRenderedComponent<IComponent> page, string label, TValue value,
        Func<TField, EventCallback<TValue>> changed, Func<TField, string?> labelOf) where TField : IComponent
    {
        var field = page.FindComponents<TField>().Single(c => labelOf(c.Instance) == label);
        await field.InvokeAsync(() => changed(field.Instance).InvokeAsync(value));
    }
}
