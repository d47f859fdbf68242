using System.Collections;

namespace Console.Domain.Data;

/// <summary>
/// One field's validation error as a code (FieldCodes) and the values its message needs. The API words it in English
/// and the console in the reader's language, so rewording a message never changes what a client or a form matches on.
/// </summary>
public sealed record FieldError(string Field, string Code, params object[] Args);

/// <summary>The field errors of one request, in the order they were found; empty means valid.</summary>
public sealed class FieldErrors : IEnumerable<FieldError>
{
    public static FieldErrors None => new();

    private readonly List<FieldError> _errors = [];

    public bool Valid => _errors.Count == 0;

    public int Count => _errors.Count;

    public void Add(string field, string code, params object[] args) => _errors.Add(new FieldError(field, code, args));

    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    public IEnumerable<FieldError> For(string field) => _errors.Where(e => e.Field == field);

    /// <summary>Field → its errors, in first-found order, the shape problem documents and forms group them by.</summary>
    public IEnumerable<IGrouping<string, FieldError>> ByField() => _errors.GroupBy(e => e.Field, StringComparer.Ordinal);

    public IEnumerator<FieldError> GetEnumerator() => _errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
