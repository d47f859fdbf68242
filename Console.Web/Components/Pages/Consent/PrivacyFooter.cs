using System.Net;
using Console.Domain.Consent;
using Console.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Pages.Consent;

/// <summary>The privacy policy link and consent text at the foot of the public pages (survey answers, unsubscribe).</summary>
public static class PrivacyFooter
{
    public static string Html(PrivacyText text, bool chinese, IStringLocalizer<ConsentStrings> l)
    {
        var consent = text.Consent(chinese);
        if (text.PolicyUrl is null && consent is null) return "";
        var html = "<footer class=\"cs-privacy\" id=\"privacy\">";
        if (consent is not null) html += $"<p id=\"consent-text\">{WebUtility.HtmlEncode(consent)}</p>";
        // The address was checked to be http(s) when saved, so it cannot carry a script URL.
        if (text.PolicyUrl is not null)
            html += $"<p><a id=\"privacy-policy\" href=\"{WebUtility.HtmlEncode(text.PolicyUrl)}\" rel=\"noopener\">{WebUtility.HtmlEncode(l["Consent.Privacy.Policy"])}</a></p>";
        return html + "</footer>";
    }
}
