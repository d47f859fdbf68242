using Console.Domain.Email;
using Microsoft.Extensions.Options;

namespace Console.Web.Hosting;

/// <summary>
/// Targeted email's settings and services. ISegmentMembers and IUnsubscribeLinks come from the segments and consent
/// capabilities; until they are registered, campaigns can be written and previewed but not started.
/// </summary>
internal static class EmailRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => o.RatePerSecond >= 1 && o.FrequencyCapPerWeek >= 0 && o.MaxAttempts >= 1 && o.RetryBaseMilliseconds >= 1
                           && o.Smtp.Connections is >= 1 and <= 32 && o.Smtp.TimeoutSeconds >= 1,
                "Email: RatePerSecond, MaxAttempts, RetryBaseMilliseconds, Smtp:Connections (at most 32) and Smtp:TimeoutSeconds must be at least 1; FrequencyCapPerWeek at least 0.")
            .Validate(o => o.SendingLeaseSeconds > 2 * o.Smtp.TimeoutSeconds,
                "Email:SendingLeaseSeconds must be more than twice Email:Smtp:TimeoutSeconds, so a slow send is never taken for a dead one.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value);
        services.AddSingleton<MailTransports>();
        services.AddSingleton<RateSlots>();
        services.AddSingleton<FreezeRun>();
        services.AddSingleton<SendEmailRun>();
        services.AddSingleton<CreateEmailCampaign>();
        services.AddSingleton<GetEmailCampaign>();
        services.AddSingleton<ListEmailCampaigns>();
        services.AddSingleton<StartEmailCampaign>();
        services.AddSingleton<PauseEmailCampaign>();
        services.AddSingleton<EmailDeliveries>();
        services.AddSingleton<EmailResults>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<EmailPreview>();
        services.AddSingleton<TestSendEmail>();
        services.AddSingleton<EmailDispatch>();
        services.AddSingleton<EmailCouponChoices>();
        services.AddSingleton<OneOffMailSender>();
        services.AddSingleton<IOneOffMail>(sp => sp.GetRequiredService<OneOffMailSender>());
    }
}
