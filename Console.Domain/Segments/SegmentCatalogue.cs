using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>One catalogue field with whether its source holds data now, so builders can grey it out and say why.</summary>
public sealed record CatalogueField(SegmentField Field, bool Available);

/// <summary>The catalogue as builders render it: every field, its operators and value editor, and its availability.</summary>
public sealed class SegmentCatalogue(StatementRunner runner)
{
    public async Task<IReadOnlyList<CatalogueField>> FieldsAsync(CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        var propensity = await RuleReferences.PropensityAvailableAsync(read.Connection, null, ct);
        return SegmentFields.All.Select(f => new CatalogueField(f, f.Code != SegmentFields.Propensity || propensity)).ToList();
    }
}
