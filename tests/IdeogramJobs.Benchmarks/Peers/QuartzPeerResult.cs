namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>What the Quartz.NET peer measured over its jobs after the warm-up.</summary>
/// <param name="Seconds">From the submit command to the last job ended, as the benchmark's poll saw it.</param>
/// <param name="CpuMsPerJob">CPU of the scheduler process(es) per job.</param>
/// <param name="MariaDbCpuMsPerJob">CPU of the MariaDB server per job.</param>
/// <param name="StatementsPerJob">MariaDB's Questions per job, less the benchmark's own polls.</param>
/// <param name="DataStatementsPerJob">Com_select + Com_insert + Com_update + Com_delete per job, less the polls.</param>
/// <param name="BilledPerJob">Generations the simulator billed per completed job.</param>
/// <param name="StatementsByCommand">The commands MariaDB counted most, per job.</param>
public sealed record QuartzPeerResult(
    int Instances,
    double Seconds,
    long Completed,
    long Failed,
    double CpuMsPerJob,
    double MariaDbCpuMsPerJob,
    double StatementsPerJob,
    double DataStatementsPerJob,
    double BilledPerJob,
    string StatementsByCommand);
