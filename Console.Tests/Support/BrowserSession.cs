using System.Net;
using System.Text.RegularExpressions;
using Console.Domain.Admin;
using Console.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Console.Tests.Support;

/// <summary>A cookie-keeping client that behaves like a browser on the sign-in form: fetch it, post it with its antiforgery token.</summary>
public sealed partial class BrowserSession(ConsoleApp app)
{
    public HttpClient Client { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<long> AddUserAsync(ConsoleApp app, string email, string role, string password = "longpassword1")
    {
        var (user, errors) = await app.Service<ConsoleUsers>().AddAsync(email, role, password, "test");
        Assert.True(user is not null, string.Join("; ", errors));
        return user.Id;
    }

    /// <summary>The antiforgery token in the page's form; fetching the page also sets the matching cookie.</summary>
    public async Task<string> TokenFromAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = "/")
    {
        var token = await TokenFromAsync("/signin");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = password };
        if (returnUrl is not null) form["ReturnUrl"] = returnUrl;
        return await Client.PostAsync("/auth/signin", new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)""")]
    private static partial Regex TokenInput();
}
