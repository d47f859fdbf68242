namespace Console.Web.Resources;

/// <summary>Marker for the promotions pages' strings in PromotionsStrings.resx (English) and PromotionsStrings.zh-Hans.resx.</summary>
public sealed class PromotionsStrings;
