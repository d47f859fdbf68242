using Bunit;
using Console.Domain.Admin;
using Console.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Admin;

public sealed class AddUserDialogTests : UiContext
{
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<AddUserDialog>("Add user",
            new DialogParameters<AddUserDialog> { { d => d.Actor, "boss@x.io" } }));
        return (provider, dialog!);
    }

    [Fact]
    public async Task Bad_input_is_explained_next_to_the_fields_and_nothing_is_saved()
    {
        var (provider, _) = await OpenAsync();
        provider.Find("input[type=email]").Input("not-an-address");
        provider.Find("input[type=password]").Input("short");
        provider.Find("button[data-testid=save]").Click();

        provider.WaitForAssertion(() =>
        {
            var errors = provider.FindAll(".mud-input-error").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains("Enter an address such as name@example.com.", errors);
            Assert.Contains("At least 10 characters.", errors);
        });
        Assert.Empty(await Services.GetRequiredService<UserList>().ListAsync());
    }

    [Fact]
    public async Task A_taken_address_is_reported_on_the_email_field_and_a_good_one_is_saved_and_audited()
    {
        await Services.GetRequiredService<ConsoleUsers>().AddAsync("taken@x.io", Roles.Admin, "longpassword1", "test");
        var (provider, dialog) = await OpenAsync();
        provider.Find("input[type=email]").Input("TAKEN@x.io");
        provider.Find("input[type=password]").Input("longpassword1");
        provider.Find("button[data-testid=save]").Click();
        provider.WaitForAssertion(() => Assert.Contains("A user with this email already exists.", provider.Markup));

        provider.Find("input[type=email]").Input("new@x.io");
        provider.Find("button[data-testid=save]").Click();
        var result = await dialog.Result;

        Assert.False(result!.Canceled);
        var added = Assert.Single(await Services.GetRequiredService<UserList>().ListAsync(), u => u.Email == "new@x.io");
        Assert.Equal(Roles.Marketer, added.Role);
        var entry = (await Services.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter(Actor: "boss@x.io"), 0, 10)).Rows;
        Assert.Equal("user.add", Assert.Single(entry).Action);
    }
}
