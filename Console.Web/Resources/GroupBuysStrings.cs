namespace Console.Web.Resources;

/// <summary>Marker for the group-buy campaign pages' strings in GroupBuysStrings.resx (English) and GroupBuysStrings.zh-Hans.resx.</summary>
public sealed class GroupBuysStrings;
