using FluentMigrator;

namespace IdeogramJobs.Database.Migrations.Scripts;

/// <summary>
/// A forward-only migration that runs one script of sql/ statement by statement (see
/// <see cref="SqlScript"/> for why the statements are split here rather than by the server).
/// </summary>
public abstract class ScriptMigration(string scriptPath) : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.WithConnection((connection, transaction) =>
        {
            foreach (var statement in SqlScript.Split(EmbeddedSql.Read(scriptPath)))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }
        });
}
