namespace Console.Domain.Segments;

/// <summary>A checked part of a rule, with the path that names it in errors (rule.all[2].any[0]).</summary>
public abstract record RuleNode(string Path);

/// <summary>A group: all of its items hold (all) or at least one does (any).</summary>
public sealed record RuleGroup(string Path, bool All, IReadOnlyList<RuleNode> Items) : RuleNode(Path);

/// <summary>One checked condition: a catalogue field, one of its operators and the value in the domain's units.</summary>
public sealed record RuleCondition(string Path, SegmentField Field, string Op, RuleValue Value) : RuleNode(Path);

/// <summary>
/// A condition's value: Texts for text, choice and reference values (campaign ids as their digits), Whole for whole numbers
/// and money (fen), Real for probabilities, Flag for yes/no.
/// </summary>
public sealed record RuleValue(IReadOnlyList<string> Texts, long Whole = 0, double Real = 0, bool Flag = false)
{
    public static readonly RuleValue Nothing = new([]);
}

/// <summary>A rule that passed every check, with its canonical JSON (what is stored and answered).</summary>
public sealed record SegmentRule(RuleGroup Root, string Json)
{
    public const int MaxDepth = 5;
    public const int MaxConditions = 50;
    public const int MaxListItems = 100;
    public const int MaxTextLength = 100;

    public IEnumerable<RuleCondition> Conditions() => Walk(Root);

    private static IEnumerable<RuleCondition> Walk(RuleNode node) => node switch
    {
        RuleCondition c => [c],
        RuleGroup g => g.Items.SelectMany(Walk),
        _ => [],
    };
}
