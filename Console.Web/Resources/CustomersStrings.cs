namespace Console.Web.Resources;

/// <summary>Marker for the customer pages' strings in CustomersStrings.resx (English) and CustomersStrings.zh-Hans.resx.</summary>
public sealed class CustomersStrings;
