namespace Console.Web.Resources;

/// <summary>Marker for the experiments pages' strings in ExperimentsStrings.resx (English) and ExperimentsStrings.zh-Hans.resx.</summary>
public sealed class ExperimentsStrings;
