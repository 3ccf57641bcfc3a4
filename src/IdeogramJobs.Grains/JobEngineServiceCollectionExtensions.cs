using IdeogramJobs.Database.Budgets;
using IdeogramJobs.Grains.Accounts;
using IdeogramJobs.Grains.Budgets;
using IdeogramJobs.Grains.Draining;
using IdeogramJobs.Grains.ImageFiles;
using IdeogramJobs.Grains.Jobs;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Grains.ProviderKeys;
using IdeogramJobs.Grains.Retention;
using IdeogramJobs.Ideogram;
using IdeogramJobs.Settings.Pricing;
using IdeogramJobs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains;

public static class JobEngineServiceCollectionExtensions
{
    /// <summary>
    /// What the grains need besides the database: the job engine's limits (MAX_CONCURRENT_JOBS,
    /// JOB_TIMEOUT_SECONDS, RETRY_MAX_ATTEMPTS, ...), the Ideogram client and image storage.
    /// </summary>
    public static IServiceCollection AddJobEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobEngineOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobEngineOptions>, JobEngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GrainReferences>();
        services.AddIdeogramClient(configuration);
        services.AddIdeogramPrices(configuration);
        services.AddSingleton<BudgetThresholdAlerts>();
        services.AddSingleton<IBudgetAlertAnnouncer>(provider => provider.GetRequiredService<BudgetThresholdAlerts>());
        services.AddSingleton<AccountBudgetGate>();
        services.AddSingleton<SubmissionBuilder>();
        services.AddImageStorage(configuration);
        services.AddSingleton<GeneratedImageRecorder>();
        services.AddSingleton<ImageFileRepairAtStart>();
        services.AddHostedService(provider => provider.GetRequiredService<ImageFileRepairAtStart>());
        services.AddSingleton<JobAttemptRunner>();
        services.AddSingleton<JobProviderKeys>();
        services.AddOptions<SiloDrainOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloDrainOptions>, SiloDrainOptionsValidator>());
        services.AddSingleton<SiloDrain>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<SiloDrain>());
        services.AddOptions<RetentionOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.AddSingleton<RetentionSweeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RetentionSchedule>();
        return services;
    }
}
