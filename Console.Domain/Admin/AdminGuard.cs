using System.Data.Common;
using Dapper;

namespace Console.Domain.Admin;

/// <summary>Demoting or disabling the last enabled Admin would lock everyone out of user administration.</summary>
internal static class AdminGuard
{
    public static Task<int> OtherEnabledAdminsAsync(DbConnection connection, DbTransaction tx, long userId) =>
        connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(1) FROM console_users WHERE role = 'Admin' AND disabled = 0 AND id <> @userId",
            new { userId }, tx);
}
