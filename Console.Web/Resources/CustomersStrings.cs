namespace Console.Web.Resources;

/// <summary>Marker for the customer, course and live session page strings in CustomersStrings.resx and CustomersStrings.zh-Hans.resx.</summary>
public sealed class CustomersStrings;
