using Console.Domain.Email;
using static Console.Web.Api.ApiFields;

namespace Console.Web.Api;

/// <summary>What each field of the email-campaign requests means and accepts, for the OpenAPI document.</summary>
internal static class EmailApiFields
{
    private const string Liquid = " Liquid, with customer, recommendations, coupon and unsubscribe_url.";

    public static readonly Dictionary<Type, IReadOnlyDictionary<string, Field>> Requests = new()
    {
        [typeof(EmailCampaignInput)] = new Dictionary<string, Field>
        {
            ["name"] = new("The campaign's name, for people.", Required: true, MaxLength: 200),
            ["segmentId"] = new("The segment whose members are the recipients, frozen when sending starts.", Kinds.Whole, Required: true, Min: 1),
            ["subject"] = new("The subject line." + Liquid, Required: true, MaxLength: 300),
            ["html"] = new("The HTML body, sanitised on save." + Liquid, Required: true, MaxLength: EmailCampaignRules.MaxHtml),
            ["text"] = new("The plain-text part; made from the HTML when left out." + Liquid, MaxLength: EmailCampaignRules.MaxHtml),
            ["fromName"] = new("The sender's display name; Email:FromName when left out.", MaxLength: 100),
            ["sendAt"] = new("When to send (the first run of a weekly campaign); now when left out. ISO-8601 with an offset.", Kinds.Time),
            ["couponCampaignId"] = new("A coupon campaign with unique codes: each recipient gets one as coupon.code.", Kinds.Whole, Min: 1),
            ["recommendations"] = new("How many recommended courses the template may list; default 0.", Kinds.Whole, Min: 0, Max: 10),
            ["holdoutPercent"] = new("The share of the segment, in percent, that gets nothing and is kept for comparison; default 0.", Kinds.Whole, Min: 0, Max: 50),
            ["repeatWeekly"] = new("Send again every 7 days from sendAt, each time to the segment as it is then.", Kinds.Flag),
            ["trigger"] = new("live_session_ended: a run after each live session ends, to its viewers in the segment who did not buy.", Kinds.Word,
                Words: [.. EmailTriggers.All]),
        },
        [typeof(EmailCampaignsApi.TestInput)] = new Dictionary<string, Field>
        {
            ["to"] = new("The address that receives the one test message.", Required: true, MaxLength: 320),
        },
        [typeof(EmailCampaignsApi.ActionInput)] = new Dictionary<string, Field>
        {
            ["reason"] = new("Why; kept in the audit entry.", MaxLength: 500),
        },
    };
}
