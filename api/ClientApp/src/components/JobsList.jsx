import { useCallback, useState } from 'react';
import { query } from '../api/apiClient.js';
import { useLatestRequest } from '../hooks/useLatestRequest.js';
import { FallbackRefreshMs, useLiveList } from '../hooks/useLiveList.js';
import FilterSelect from './FilterSelect.jsx';
import Pager from './Pager.jsx';

const PageSize = 25;
const JobStatuses = ['queued', 'processing', 'completed', 'failed', 'cancelled'];

/** The account's jobs with status, progress, retries and errors; cancel a running one, retry a failed one. */
export default function JobsList({ api }) {
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState(null);
  const [error, setError] = useState(null);

  const latestRequest = useLatestRequest();

  const load = useCallback(
    () =>
      latestRequest(
        api.get(`/api/jobs${query({ status, offset, limit: PageSize })}`),
        (result) => {
          setPage(result);
          setError(null);
        },
        (failure) => setError(failure.message),
      ),
    [api, status, offset, latestRequest],
  );

  // Running jobs move on their own: the list follows the account's event stream, moving a shown job's
  // progress in place and reading the page again when a job is added or changes status.
  const live = useLiveList(api, load, (event, reloadSoon) => {
    if (event.type === 'progress' || event.type === 'image') {
      setPage((current) =>
        current && {
          ...current,
          items: current.items.map((job) => (job.jobId === event.jobId ? { ...job, progressPercentage: event.progressPercentage } : job)),
        },
      );
    } else {
      reloadSoon();
    }
  });

  async function command(jobId, action) {
    try {
      await api.post(`/api/jobs/${jobId}/${action}`);
      await load();
    } catch (failure) {
      setError(failure.message);
    }
  }

  return (
    <section aria-labelledby="jobs-heading">
      <h1 id="jobs-heading">Jobs</h1>
      <p className="live-state" data-testid="jobs-live">{live ? 'Live' : `Refreshing every ${FallbackRefreshMs / 1000} s`}</p>
      <div className="filters">
        <FilterSelect
          id="jobs-status"
          label="Status"
          value={status}
          choices={JobStatuses}
          onChange={(chosen) => {
            setStatus(chosen);
            setOffset(0);
          }}
        />
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Jobs of the account</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Retries</th>
              <th scope="col">Images</th>
              <th scope="col">Error</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(page?.items ?? []).map((job) => (
              <tr key={job.jobId} data-job-id={job.jobId}>
                <td>{job.jobId}</td>
                <td>{job.jobTypeName}</td>
                <td>{job.status}</td>
                <td>
                  <progress max={100} value={job.progressPercentage} aria-label={`Progress of job ${job.jobId}`} /> {job.progressPercentage}%
                </td>
                <td>{job.retryCount}</td>
                <td>{job.imageCount}</td>
                <td>{job.errorMessage}</td>
                <td>
                  {(job.status === 'queued' || job.status === 'processing') && (
                    <button type="button" className="secondary" onClick={() => command(job.jobId, 'cancel')} aria-label={`Cancel job ${job.jobId}`}>
                      Cancel
                    </button>
                  )}
                  {(job.status === 'failed' || job.status === 'cancelled') && (
                    <button type="button" className="secondary" onClick={() => command(job.jobId, 'retry')} aria-label={`Retry job ${job.jobId}`}>
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page && page.total === 0 && <p>No jobs yet.</p>}
      <Pager label="Pages of jobs" offset={offset} pageSize={PageSize} page={page} onOffset={setOffset} />
    </section>
  );
}
