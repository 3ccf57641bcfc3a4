using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// The estimate an idempotent replay answers: the one recorded when the job was accepted (its total over
/// the images its settings ask for), not one at today's prices, so the replay reads as the first answer did.
/// </summary>
public static class ReplayedEstimate
{
    public static CostEstimate? Of(JobSnapshot? job)
    {
        if (job?.Cost?.EstimateUsd is not { } total || job.FinalSettings is not { } settings)
        {
            return null;
        }

        var images = settings.ImageCount;
        return new CostEstimate { Currency = job.Cost.Currency, PerImage = total / images, Images = images, Total = total };
    }
}
