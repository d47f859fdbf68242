using Console.Domain.Email;

namespace Console.Tests.Support;

/// <summary>Unsubscribe addresses that name the customer and campaign in the clear, so tests can read them back from a message.</summary>
public sealed class TestUnsubscribeLinks : IUnsubscribeLinks
{
    public string UrlFor(long customerId, long? emailCampaignId) => $"https://console.test/u/c{customerId}-e{emailCampaignId}";
}
