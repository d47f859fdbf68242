using MudBlazor;

namespace Console.Web.Components.Shared;

public static class GridPaging
{
    /// <summary>A new view starts on its first page; the grid loads before its first render on its own.</summary>
    public static Task FirstPageAsync<T>(MudDataGrid<T>? grid)
    {
        if (grid is null) return Task.CompletedTask;
        if (grid.CurrentPage != 0) grid.NavigateTo(Page.First);
        return grid.ReloadServerData();
    }
}
