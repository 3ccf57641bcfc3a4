import { useState } from 'react';
import JobProgress from './JobProgress.jsx';

/**
 * Regenerate a finished job: "the same" replays each image's recorded seed with the recorded settings
 * (one new job per image when the seeds differed), "variations" keeps the settings with new seeds.
 * The new jobs are followed below.
 */
export default function RegenerateActions({ api, jobId }) {
  const [regeneration, setRegeneration] = useState({ jobs: [], note: null, error: null, pending: false });

  async function regenerate(mode) {
    setRegeneration({ jobs: [], note: null, error: null, pending: true });
    try {
      const accepted = await api.post(`/api/jobs/${jobId}/regenerate`, { mode });
      setRegeneration({ jobs: accepted.jobs, note: accepted.unsent, error: null, pending: false });
    } catch (error) {
      setRegeneration({ jobs: [], note: null, error: error.message, pending: false });
    }
  }

  return (
    <div className="regenerate-actions">
      <div className="actions" role="group" aria-label={`Regenerate job ${jobId}`}>
        <button type="button" disabled={regeneration.pending} onClick={() => regenerate('exact')}>
          Regenerate the same
        </button>
        <button type="button" className="secondary" disabled={regeneration.pending} onClick={() => regenerate('variations')}>
          Variations
        </button>
      </div>
      {regeneration.error && <p role="alert" className="error">{regeneration.error}</p>}
      {regeneration.note && <p className="field-help">{regeneration.note}</p>}
      {regeneration.jobs.length > 0 && (
        <ul className="regenerated-jobs" aria-label={`Regenerations of job ${jobId}`}>
          {regeneration.jobs.map((job) => (
            <li key={job.jobId} data-testid="regenerated-job">
              <p className="field-help">
                {job.replay.mode === 'exact'
                  ? `Replays ${job.replay.imageIndex == null ? 'every image' : `image ${job.replay.imageIndex + 1}`} with seed ${job.replay.seed}`
                  : 'New seeds, same settings'}
              </p>
              <JobProgress api={api} jobId={job.jobId} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
