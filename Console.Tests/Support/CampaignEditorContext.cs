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

    // Sets a field the way its binding would, found by its label.
    protected static async Task SetAsync<TField, TValue>(IRenderedComponent<IComponent> page, string label, TValue value,
        Func<TField, EventCallback<TValue>> changed, Func<TField, string?> labelOf) where TField : IComponent
    {
        var field = page.FindComponents<TField>().Single(c => labelOf(c.Instance) == label);
        await field.InvokeAsync(() => changed(field.Instance).InvokeAsync(value));
    }
}
