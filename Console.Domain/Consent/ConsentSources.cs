namespace Console.Domain.Consent;

/// <summary>Where a change of a customer's email consent came from, as stored in consent_changes.source.</summary>
public static class ConsentSources
{
    public const string Api = "api";
    public const string Import = "import";
    public const string Console = "console";
    public const string Unsubscribe = "unsubscribe";
    public const string Erasure = "erasure";

    public static readonly IReadOnlyList<string> All = [Api, Import, Console, Unsubscribe, Erasure];
}
