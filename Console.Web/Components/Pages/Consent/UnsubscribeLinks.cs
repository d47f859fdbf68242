using System.Buffers.Binary;
using System.Security.Cryptography;
using Console.Domain.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Console.Web.Components.Pages.Consent;

/// <summary>What an unsubscribe token says: whose link it is, the campaign it came in (if any) and when it was made.</summary>
public sealed record UnsubscribeToken(long CustomerId, long? EmailCampaignId, DateTimeOffset IssuedAt);

/// <summary>
/// Makes and reads the opaque tokens of /u/{token}. Data Protection encrypts and signs them with the key ring every node
/// shares, so a token cannot be read, altered or made elsewhere, and outlives a restart as long as the key ring does.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, ConsentOptions options, TimeProvider clock) : IUnsubscribeLinks
{
    // A purpose of its own: a token protected for another use (a cookie, antiforgery) is refused here, and the reverse.
    private const string Purpose = "Console.Consent.Unsubscribe.v1";
    private const byte Version = 1;
    private const int Length = 1 + 8 + 8 + 8;
    public const int MaxTokenLength = 400;

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string UrlFor(long customerId, long? emailCampaignId) =>
        options.PublicBase + "/u/" + Protect(new UnsubscribeToken(customerId, emailCampaignId, clock.GetUtcNow()));

    public string Protect(UnsubscribeToken token)
    {
        var bytes = new byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), token.CustomerId);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(9), token.EmailCampaignId ?? 0);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(17), token.IssuedAt.ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(_protector.Protect(bytes));
    }

    /// <summary>The token's contents, or null for anything this key ring did not make for this purpose (tampered, foreign, garbled).</summary>
    public UnsubscribeToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        byte[] bytes;
        try
        {
            bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        if (bytes.Length != Length || bytes[0] != Version) return null;
        var customerId = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        var campaignId = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(9));
        var issued = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(17));
        if (customerId <= 0 || campaignId < 0) return null;
        return new UnsubscribeToken(customerId, campaignId == 0 ? null : campaignId, DateTimeOffset.FromUnixTimeSeconds(issued));
    }
}
