import { useEffect, useState } from 'react';
import { readServerSentEvents } from '../api/serverSentEvents.js';

const TerminalStatuses = ['completed', 'failed', 'cancelled'];

/** A job followed live through its event stream: status, progress bar, and each image as it is stored. */
export default function JobProgress({ api, jobId, renderFinished }) {
  const [state, setState] = useState({ status: 'queued', progress: 0, message: 'Submitted', images: [], error: null });

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'queued', progress: 0, message: 'Submitted', images: [], error: null });
    (async () => {
      try {
        const response = await api.stream(`/api/jobs/${jobId}/events`, abort.signal);
        await readServerSentEvents(response, ({ data }) => {
          setState((current) => ({
            ...current,
            status: data.status ?? current.status,
            progress: data.progressPercentage ?? current.progress,
            message: data.message ?? current.message,
            images:
              data.image && !current.images.some((image) => image.imageId === data.image.imageId)
                ? [...current.images, data.image]
                : current.images,
          }));
        });
        // A stream cut short (a proxy, a restart) ends without the terminal event: the status endpoint has the last word.
        const final = await api.get(`/api/jobs/${jobId}/status`, { signal: abort.signal });
        setState((current) => ({ ...current, status: final.status, progress: final.progressPercentage, error: final.errorMessage ?? null }));
      } catch (error) {
        if (!abort.signal.aborted) {
          setState((current) => ({ ...current, error: error.message }));
        }
      }
    })();
    return () => abort.abort();
  }, [api, jobId]);

  const finished = TerminalStatuses.includes(state.status);
  return (
    <section className="job-progress" aria-labelledby={`progress-heading-${jobId}`}>
      <h2 id={`progress-heading-${jobId}`}>Job {jobId}</h2>
      <p>
        Status: <strong data-testid="job-status">{state.status}</strong>
        {state.message && <span> — {state.message}</span>}
      </p>
      <progress max={100} value={state.progress} aria-label={`Progress of job ${jobId}`}>
        {state.progress}%
      </progress>
      <span aria-live="polite" className="progress-text">
        {state.progress}%{finished ? ' (finished)' : ''}
      </span>
      {state.error && <p role="alert" className="error">{state.error}</p>}
      <ul className="gallery" aria-label={`Images of job ${jobId}`}>
        {state.images.map((image) => (
          <li key={image.imageId}>
            <img src={image.url} alt={`Image ${image.index + 1} of job ${jobId}`} loading="lazy" />
          </li>
        ))}
      </ul>
      {finished && renderFinished?.(state.status)}
    </section>
  );
}
