namespace Console.Domain.Email;

/// <summary>
/// Absolute one-click unsubscribe addresses (RFC 8058) holding an opaque signed token. Every marketing message puts
/// one in its List-Unsubscribe header and in the template's unsubscribe_url.
/// </summary>
public interface IUnsubscribeLinks
{
    /// <summary>The https address that unsubscribes this customer; the campaign, when given, is credited with the unsubscribe.</summary>
    string UrlFor(long customerId, long? emailCampaignId);
}
