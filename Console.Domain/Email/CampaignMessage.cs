using Fluid;
using MimeKit;

namespace Console.Domain.Email;

/// <summary>A campaign's templates parsed once per send, and the sender's identity.</summary>
public sealed record CompiledCampaign(long Id, IFluidTemplate Subject, IFluidTemplate Html, IFluidTemplate Text, string FromName,
    string FromAddress, string MessageIdDomain)
{
    public static CompiledCampaign From(EmailCampaign campaign, EmailOptions options) => new(campaign.Id,
        EmailTemplate.Parse(campaign.Subject), EmailTemplate.Parse(campaign.Html),
        EmailTemplate.Parse(campaign.TextBody ?? HtmlBody.ToText(campaign.Html)),
        string.IsNullOrWhiteSpace(campaign.FromName) ? options.FromName : campaign.FromName, options.FromAddress, options.MessageIdDomain);
}

/// <summary>Builds the message for one recipient row: its Message-ID comes from that row, so a resend would be recognisable as the same message.</summary>
public static class CampaignMessage
{
    public static string MessageId(long campaignId, long recipientId, string domain) => $"ec{campaignId}.r{recipientId}@{domain}";

    public static MimeMessage Build(CompiledCampaign campaign, long recipientId, string toAddress, TemplateModel model)
    {
        // One context for the three parts: a campaign renders thousands of these.
        var context = EmailTemplate.Context(model);
        // Given its Message-ID up front, MimeKit skips making one of its own (a host name look-up and random bytes) per message.
        var messageId = MessageId(campaign.Id, recipientId, campaign.MessageIdDomain);
        var message = new MimeMessage(new Header(HeaderId.MessageId, $"<{messageId}>"));
        message.From.Add(new MailboxAddress(campaign.FromName, campaign.FromAddress));
        message.To.Add(new MailboxAddress(model.Name ?? "", toAddress));
        message.Date = DateTimeOffset.UtcNow;
        message.Subject = EmailTemplate.RenderText(campaign.Subject, context).ReplaceLineEndings(" ").Trim();
        // RFC 8058 one-click unsubscribe: an https address the mailbox provider may POST to without the recipient's cookies.
        message.Headers.Add("List-Unsubscribe", $"<{model.UnsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder
        {
            HtmlBody = EmailTemplate.RenderHtml(campaign.Html, context),
            TextBody = EmailTemplate.RenderText(campaign.Text, context),
        }.ToMessageBody();
        return message;
    }
}
