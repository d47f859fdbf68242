namespace Console.Web.Resources;

/// <summary>Marker for the coupon campaign pages' strings in CouponsStrings.resx (English) and CouponsStrings.zh-Hans.resx.</summary>
public sealed class CouponsStrings;
