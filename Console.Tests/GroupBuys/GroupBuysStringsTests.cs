using Console.Domain.GroupBuys;
using Console.Tests.Support;

namespace Console.Tests.GroupBuys;

/// <summary>Every key the group-buy pages and the audit log ask for exists, including each team state's name.</summary>
public sealed class GroupBuysStringsTests
{
    [Fact]
    public void Every_key_the_pages_use_exists_including_the_ones_built_from_a_prefix()
    {
        var en = ResourceFiles.Read("GroupBuysStrings.resx");
        var files = ResourceFiles.Components("Pages/GroupBuys", "Pages/Admin");
        ResourceFiles.AssertAllExist(en, ResourceFiles.KeysUsed(files, "GroupBuys", "Teams", "RefundDue"), 40);
        foreach (var state in TeamState.All) Assert.Contains("Teams.State." + state, en.Keys);
    }
}
