using Console.Domain.Data;
using Console.Web.Components.Shared;

namespace Console.Web.Components.Pages.Experiments;

/// <summary>
/// Field errors worded as every form words them (FormErrors). Its localizer is resolved from FormErrors' own constructor, so
/// these pages follow wherever the console keeps its error texts without naming that strings file.
/// </summary>
public static class ExperimentErrors
{
    public static FormErrors Of(FieldErrors errors, IServiceProvider services)
    {
        var constructor = typeof(FormErrors).GetConstructors().Single(c => c.GetParameters().Length == 2);
        var localizer = services.GetRequiredService(constructor.GetParameters()[1].ParameterType);
        return (FormErrors)constructor.Invoke([errors, localizer]);
    }
}
