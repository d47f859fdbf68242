namespace Console.Web.Resources;

/// <summary>Marker for the orders pages' strings in OrdersStrings.resx (English) and OrdersStrings.zh-Hans.resx.</summary>
public sealed class OrdersStrings;
