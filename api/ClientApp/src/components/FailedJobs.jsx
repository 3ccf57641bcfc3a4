import { useCallback, useState } from 'react';
import { query } from '../api/apiClient.js';
import { useLatestRequest } from '../hooks/useLatestRequest.js';
import { useLiveList } from '../hooks/useLiveList.js';

const PageSize = 50;

/** The account's failed jobs: why each failed, its attempts from the job's log, and retry one or many. */
export default function FailedJobs({ api }) {
  const [page, setPage] = useState(null);
  const [selected, setSelected] = useState(new Set());
  const [logs, setLogs] = useState({});
  const [notice, setNotice] = useState(null);
  const [error, setError] = useState(null);
  const latestRequest = useLatestRequest();

  const load = useCallback(
    () =>
      latestRequest(
        api.get(`/api/jobs${query({ status: 'failed', limit: PageSize })}`),
        (result) => {
          setPage(result);
          setSelected((current) => new Set([...current].filter((id) => result.items.some((job) => job.jobId === id))));
          setError(null);
        },
        (failure) => setError(failure.message),
      ),
    [api, latestRequest],
  );

  useLiveList(api, load, (event, reloadSoon) => event.type === 'status' && reloadSoon());

  async function toggleAttempts(jobId) {
    if (logs[jobId]) {
      setLogs(({ [jobId]: _, ...rest }) => rest);
      return;
    }
    try {
      const log = await api.get(`/api/jobs/${jobId}/log`);
      setLogs((current) => ({ ...current, [jobId]: log.lines }));
    } catch (failure) {
      setError(failure.message);
    }
  }

  async function retry(jobIds) {
    try {
      const answer = await api.post('/api/jobs/retry', { jobIds });
      const refused = answer.results.filter((result) => result.outcome !== 'queued');
      setNotice(
        `${answer.queued} job(s) queued again.` +
          (refused.length ? ` Not retried: ${refused.map((result) => `job ${result.jobId} (${result.message ?? result.outcome})`).join('; ')}.` : ''),
      );
      setSelected(new Set());
      await load();
    } catch (failure) {
      setError(failure.message);
    }
  }

  function toggle(jobId) {
    const next = new Set(selected);
    if (next.has(jobId)) {
      next.delete(jobId);
    } else {
      next.add(jobId);
    }
    setSelected(next);
  }

  const jobs = page?.items ?? [];
  return (
    <section aria-labelledby="failed-heading">
      <h1 id="failed-heading">Failed jobs</h1>
      <div className="actions" role="group" aria-label="Failed job actions">
        <button type="button" disabled={selected.size === 0} onClick={() => retry([...selected])}>
          Retry selected ({selected.size})
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {page && jobs.length === 0 && <p>No failed jobs.</p>}
      <ul className="failed-jobs" aria-label="Failed jobs of the account">
        {jobs.map((job) => (
          <li key={job.jobId} data-job-id={job.jobId} className="failed-job">
            <label>
              <input type="checkbox" checked={selected.has(job.jobId)} onChange={() => toggle(job.jobId)} aria-label={`Select failed job ${job.jobId}`} /> Job{' '}
              {job.jobId} · {job.jobTypeName} · {new Date(job.createdAt).toLocaleString()}
            </label>
            <p className="prompt">{job.prompt}</p>
            <p className="reason" data-testid="failure-reason">
              <strong>Reason:</strong> {job.errorMessage ?? 'No reason was recorded.'}
            </p>
            <p>Retries spent: {job.retryCount}</p>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => retry([job.jobId])} aria-label={`Retry job ${job.jobId}`}>
                Retry
              </button>
              <button type="button" className="secondary" aria-expanded={Boolean(logs[job.jobId])} onClick={() => toggleAttempts(job.jobId)}>
                {logs[job.jobId] ? 'Hide attempts' : 'Show attempts'}
              </button>
            </div>
            {logs[job.jobId] && (
              <ol className="attempts" aria-label={`Attempts of job ${job.jobId}`}>
                {logs[job.jobId].map((line, index) => (
                  <li key={index} className={`log-${line.level}`}>
                    <time dateTime={line.at}>{new Date(line.at).toLocaleString()}</time> — {line.message}
                  </li>
                ))}
                {logs[job.jobId].length === 0 && <li>No attempts were logged.</li>}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
