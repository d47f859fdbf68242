namespace Console.Domain.Admin;

/// <summary>Why an admin change to a user did or did not happen; the UI turns each into a message.</summary>
public enum UserChangeResult
{
    Done,
    Unchanged,
    NotFound,
    LastAdmin,
    Invalid,
}
