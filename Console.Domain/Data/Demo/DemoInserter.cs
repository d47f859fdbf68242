using System.Data.Common;

namespace Console.Domain.Data.Demo;

/// <summary>One prepared INSERT reused for every row: parameters are bound once, only their values change.</summary>
internal sealed class DemoInserter : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public DemoInserter(DbConnection connection, DbTransaction transaction, string sql, int parameterCount, bool prepare)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _command.Transaction = transaction;
        _parameters = new DbParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _parameters[i] = _command.CreateParameter();
            _parameters[i].ParameterName = "@p" + i;
            _command.Parameters.Add(_parameters[i]);
        }
        // SqlClient can only prepare typed, sized parameters; SQLite compiles the statement once here.
        if (prepare) _command.Prepare();
    }

    public DbTransaction? Transaction
    {
        get => _command.Transaction;
        set => _command.Transaction = value;
    }

    public void Insert(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
