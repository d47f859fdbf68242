using Console.Domain.Partners;
using Console.Web.Auth;
using Console.Web.Components.Shared;
using MudBlazor;

namespace Console.Web.Components.Pages.Partners;

/// <summary>The KOL page's actions: each asks before it changes anything, then reloads the page's figures.</summary>
public partial class KolPage
{
    private async Task ToggleStatusAsync()
    {
        var next = _kol!.Kol.Status == KolWords.Active ? KolWords.Paused : KolWords.Active;
        if (next == KolWords.Paused)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(K["Kol.PauseTitle"], K["Kol.PauseConfirm", _kol.Kol.Name],
                yesText: K["Kol.Pause"], cancelText: K["Common.Cancel"]);
            if (confirmed != true) return;
        }
        await Update.ExecuteAsync(Id, new KolInput(Status: next), await ActorAsync());
        await LoadAsync();
    }

    private async Task AddCodeAsync()
    {
        _codeError = null;
        switch (await AddCode.ExecuteAsync(Id, new AddKolCode.Command(_newCode), await ActorAsync()))
        {
            case AddKolCode.Outcome.Taken taken: _codeError = K["Kol.CodeTaken", taken.Code]; return;
            case AddKolCode.Outcome.Invalid invalid: _codeError = new FormErrors(invalid.Errors, P).All(); return;
        }
        _newCode = null;
        await LoadAsync();
    }

    private async Task AddLinkAsync()
    {
        switch (await AddLinkCase.ExecuteAsync(Id, new AddLink.Command(_destination, Label: _label), await ActorAsync()))
        {
            case AddLink.Outcome.Invalid invalid: _linkErrors = new FormErrors(invalid.Errors, P); return;
        }
        _linkErrors = FormErrors.None;
        _destination = _label = null;
        await LoadAsync();
    }

    private async Task ContractSavedAsync()
    {
        _editing = null;
        await LoadAsync();
    }

    private async Task ToggleLinkAsync(KolLink link)
    {
        var pause = link.Status == KolWords.Active;
        var url = LinkUrl(link.Code);
        var confirmed = await Dialogs.ShowMessageBoxAsync(K[pause ? "Link.PauseTitle" : "Link.ResumeTitle"],
            K[pause ? "Link.PauseConfirm" : "Link.ResumeConfirm", url], yesText: K[pause ? "Link.Pause" : "Link.Resume"],
            cancelText: K["Common.Cancel"]);
        if (confirmed != true) return;
        await SetLink.ExecuteAsync(Id, link.Code, new SetLinkStatus.Command(pause ? KolWords.Paused : KolWords.Active), await ActorAsync());
        await LoadAsync();
    }

    private async Task HoldAsync(bool held)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(K[held ? "Kol.HoldTitle" : "Kol.ReleaseTitle"],
            K[held ? "Kol.HoldConfirm" : "Kol.ReleaseConfirm", _kol!.Kol.Name], yesText: K[held ? "Kol.Hold" : "Kol.Release"],
            cancelText: K["Common.Cancel"]);
        if (confirmed != true) return;
        var changed = await Hold.SetAsync(Id, null, held, await ActorAsync());
        Snackbar.Add(K[held ? "Kol.HeldDone" : "Kol.ReleasedDone", changed], Severity.Success);
        await LoadAsync();
    }
}
