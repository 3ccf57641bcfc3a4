using System.Data;

namespace IdeogramJobs.Database.Migrations.Scripts;

/// <summary>A parameterised command on a migration's connection and transaction (migrations get ADO.NET interfaces, not MySqlConnector types).</summary>
internal static class MigrationCommand
{
    public static IDbCommand Create(IDbConnection connection, IDbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
