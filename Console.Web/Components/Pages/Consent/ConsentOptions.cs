namespace Console.Web.Components.Pages.Consent;

/// <summary>
/// Console:PublicUrl is the address people and mailbox providers reach the console at; links in mail are built on it.
/// The default fits the embedded start on this machine; production sets its own https address.
/// </summary>
public sealed class ConsentOptions
{
    public const string Section = "Console";

    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>The address without a trailing slash.</summary>
    public string PublicBase => PublicUrl.TrimEnd('/');

    public static bool IsValid(ConsentOptions o) =>
        Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
