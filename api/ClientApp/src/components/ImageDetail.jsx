import { useEffect, useMemo, useRef, useState } from 'react';
import { defaultValues, overridesFrom } from '../settings/uiSchemaValues.js';
import JobProgress from './JobProgress.jsx';
import SettingsOverride from './SettingsOverride.jsx';
import { formatSetting } from './SettingsPreview.jsx';

/** One image large, with the prompt and settings that made it; review it, or regenerate its job. */
export default function ImageDetail({ api, image, jobType, onStatusChange, onClose }) {
  const fields = useMemo(() => (jobType?.uiSchema?.fields ?? []).filter((field) => field.name !== 'prompt'), [jobType]);
  const startingValues = useMemo(() => defaultValues(fields, image.finalSettings), [fields, image]);
  const [editing, setEditing] = useState(false);
  const [prompt, setPrompt] = useState(image.prompt ?? '');
  const [values, setValues] = useState(startingValues);
  const [regeneration, setRegeneration] = useState({ jobIds: [], errors: {}, message: null });
  const heading = useRef(null);

  // Opened from the gallery above: bring it into view and move keyboard focus to it.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);

  // mode exact replays the recorded seeds (a job per image when they differ), variations asks for new ones.
  async function regenerate(withChanges, mode) {
    const body = withChanges ? { prompt, overrides: overridesFrom(fields, values, startingValues) } : { mode };
    try {
      const accepted = await api.post(`/api/jobs/${image.jobId}/regenerate`, body);
      setRegeneration({ jobIds: accepted.jobs ? accepted.jobs.map((job) => job.jobId) : [accepted.jobId], errors: {}, message: null });
      setEditing(false);
    } catch (error) {
      setRegeneration({ jobIds: [], errors: error.fieldErrors, message: error.message });
    }
  }

  return (
    <section className="image-detail" aria-labelledby="image-detail-heading">
      <div className="detail-header">
        <h2 id="image-detail-heading" ref={heading} tabIndex={-1}>Image {image.imageId}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <img className="large" src={image.url} alt={`Image ${image.imageId}: ${image.prompt ?? ''}`} />
      <dl className="image-facts">
        <dt>Status</dt>
        <dd data-testid="image-status">{image.status}</dd>
        <dt>Job</dt>
        <dd>
          {image.jobId} ({image.jobType})
        </dd>
        <dt>Prompt</dt>
        <dd>{image.prompt}</dd>
        {image.seed !== undefined && (
          <>
            <dt>Seed</dt>
            <dd>{image.seed}</dd>
          </>
        )}
        {Object.entries(image.finalSettings ?? {}).map(([name, value]) => (
          <div key={name} className="preview-row">
            <dt>{name}</dt>
            <dd>{formatSetting(value)}</dd>
          </div>
        ))}
      </dl>
      <div className="actions" role="group" aria-label="Review">
        <button type="button" onClick={() => onStatusChange([image.imageId], 'approve')}>
          Approve
        </button>
        <button type="button" onClick={() => onStatusChange([image.imageId], 'reject')}>
          Reject
        </button>
        <button type="button" onClick={() => onStatusChange([image.imageId], 'archive')}>
          Archive
        </button>
      </div>
      <div className="actions" role="group" aria-label="Regenerate">
        <button type="button" onClick={() => regenerate(false, 'exact')}>
          Regenerate the same
        </button>
        <button type="button" className="secondary" onClick={() => regenerate(false, 'variations')}>
          Variations
        </button>
        <button type="button" className="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Regenerate with changes…
        </button>
      </div>
      {editing && (
        <form
          aria-label="Regenerate with changes"
          onSubmit={(event) => {
            event.preventDefault();
            regenerate(true);
          }}
        >
          <label htmlFor="regenerate-prompt">Prompt</label>
          <textarea id="regenerate-prompt" rows={3} value={prompt} onChange={(event) => setPrompt(event.target.value)} />
          <SettingsOverride idPrefix="regenerate" fields={fields} values={values} defaults={startingValues} errors={regeneration.errors} onChange={setValues} />
          <button type="submit">Regenerate with these changes</button>
        </form>
      )}
      {regeneration.message && <p role="alert" className="error">{regeneration.message}</p>}
      {regeneration.jobIds.map((jobId) => (
        <JobProgress key={jobId} api={api} jobId={jobId} />
      ))}
    </section>
  );
}
