namespace Console.Web.Resources;

/// <summary>Marker for the models, propensity and what-if planner strings in ModelsStrings.resx (English) and ModelsStrings.zh-Hans.resx.</summary>
public sealed class ModelsStrings;
