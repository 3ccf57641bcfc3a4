import { useEffect, useMemo, useState } from 'react';
import { useDebouncedValue } from '../hooks/useDebouncedValue.js';
import { useJobTypes } from '../hooks/useJobTypes.js';
import { MaxReferenceBytes, MaxStyleReferences } from '../settings/referenceImageRules.js';
import { submissionBody } from '../settings/submissionBody.js';
import { defaultValues, errorsFor, overridesFrom } from '../settings/uiSchemaValues.js';
import BrandPicker from './BrandPicker.jsx';
import CostEstimate from './CostEstimate.jsx';
import JobProgress from './JobProgress.jsx';
import RegenerateActions from './RegenerateActions.jsx';
import ReferenceImagePicker from './references/ReferenceImagePicker.jsx';
import SettingsOverride from './SettingsOverride.jsx';
import SettingsPreview from './SettingsPreview.jsx';
import TextareaField from './fields/TextareaField.jsx';

const PreviewDelayMs = 400;

// A job type whose form lacks a prompt field still needs one: the request always carries a prompt.
const PromptField = { name: 'prompt', type: 'textarea', label: 'Prompt', required: true };

/** Choose a job type, override what its form offers, watch the final settings, run it and follow it. */
export default function JobExecutor({ api }) {
  const { jobTypes, error: loadError } = useJobTypes(api);
  const [jobTypeName, setJobTypeName] = useState('');
  const jobType = jobTypes?.find((candidate) => candidate.jobTypeName === jobTypeName) ?? jobTypes?.[0];
  const fields = useMemo(() => jobType?.uiSchema?.fields ?? [], [jobType]);
  const defaults = useMemo(() => defaultValues(fields, jobType?.defaultSettings), [fields, jobType]);
  const [values, setValues] = useState({});
  const [preview, setPreview] = useState({ result: null, errors: {}, error: null, pending: false });
  const [submitErrors, setSubmitErrors] = useState({ fields: {}, message: null });
  const [jobId, setJobId] = useState(null);
  const [submitting, setSubmitting] = useState(false);
  const [brand, setBrand] = useState({});
  const [styleReferences, setStyleReferences] = useState([]);
  const [characterReferences, setCharacterReferences] = useState([]);
  const bytesOf = (files) => files.reduce((sum, file) => sum + file.size, 0);

  useEffect(() => setValues(defaults), [defaults]);

  const overrides = useMemo(() => ({ ...overridesFrom(fields, values, defaults), ...brand }), [fields, values, defaults, brand]);
  const settledOverrides = useDebouncedValue(overrides, PreviewDelayMs);

  useEffect(() => {
    if (!jobType) {
      return undefined;
    }
    const abort = new AbortController();
    setPreview((current) => ({ ...current, pending: true }));
    api
      .post(`/api/jobs/configurations/${jobType.configId}/settings/override`, settledOverrides, { signal: abort.signal })
      .then(
        (result) => setPreview({ result, errors: {}, error: null, pending: false }),
        (error) => {
          if (!abort.signal.aborted) {
            setPreview((current) => ({ ...current, errors: error.fieldErrors, error: error.message, pending: false }));
          }
        },
      );
    return () => abort.abort();
  }, [api, jobType, settledOverrides]);

  async function submit(event) {
    event.preventDefault();
    setSubmitting(true);
    setSubmitErrors({ fields: {}, message: null });
    try {
      const body = submissionBody({ jobType: jobType.jobTypeName, prompt: values.prompt ?? '', overrides, styleReferences, characterReference: characterReferences[0] });
      const options = { extraHeaders: { 'Idempotency-Key': crypto.randomUUID() } };
      const accepted = body instanceof FormData ? await api.postForm('/api/jobs/execute', body, options) : await api.post('/api/jobs/execute', body, options);
      setJobId(accepted.jobId);
    } catch (error) {
      setSubmitErrors({ fields: error.fieldErrors, message: error.message });
    } finally {
      setSubmitting(false);
    }
  }

  const errors = { ...preview.errors, ...submitErrors.fields };
  const promptField = fields.find((field) => field.name === 'prompt');

  return (
    <section aria-labelledby="executor-heading" className="executor">
      <h1 id="executor-heading">Run a job</h1>
      {loadError && <p role="alert" className="error">{loadError}</p>}
      {jobTypes && jobTypes.length === 0 && <p>This account has no active job types.</p>}
      {jobType && (
        <div className="executor-layout">
          <form onSubmit={submit} aria-label="Job settings" noValidate>
            <label htmlFor="job-type">Job type</label>
            <select id="job-type" value={jobType.jobTypeName} onChange={(event) => setJobTypeName(event.target.value)}>
              {jobTypes.map((candidate) => (
                <option key={candidate.configId} value={candidate.jobTypeName}>
                  {candidate.displayName}
                </option>
              ))}
            </select>
            {jobType.description && <p className="field-help">{jobType.description}</p>}
            {!promptField && (
              <TextareaField
                id="run-prompt"
                field={PromptField}
                value={values.prompt}
                errors={errorsFor(submitErrors.fields, 'prompt')}
                onChange={(prompt) => setValues({ ...values, prompt })}
              />
            )}
            <SettingsOverride fields={fields} values={values} defaults={defaults} errors={errors} onChange={setValues} />
            <BrandPicker api={api} onChange={setBrand} />
            <ReferenceImagePicker
              id="style-references"
              label="Style reference images"
              helpText={`Up to ${MaxStyleReferences} images whose look Ideogram follows (with style type Auto or General, without style codes).`}
              files={styleReferences}
              onChange={setStyleReferences}
              maxCount={MaxStyleReferences}
              maxBytes={MaxReferenceBytes}
              otherBytes={bytesOf(characterReferences)}
            />
            <ReferenceImagePicker
              id="character-reference"
              label="Character reference image"
              helpText="One image of a person whose likeness Ideogram keeps (not with the FLASH speed; billed at character-reference prices)."
              files={characterReferences}
              onChange={setCharacterReferences}
              maxCount={1}
              maxBytes={MaxReferenceBytes}
              otherBytes={bytesOf(styleReferences)}
            />
            {[...errorsFor(submitErrors.fields, 'styleReferenceImages'), ...errorsFor(submitErrors.fields, 'characterReferenceImage')].map((message) => (
              <p key={message} role="alert" className="error">{message}</p>
            ))}
            {submitErrors.message && errorsFor(submitErrors.fields, 'prompt').length === 0 && (
              <p role="alert" className="error">{submitErrors.message}</p>
            )}
            <button type="submit" disabled={submitting || !(values.prompt ?? '').trim()}>
              {submitting ? 'Submitting…' : 'Generate images'}
            </button>
          </form>
          <SettingsPreview preview={preview.result} pending={preview.pending} error={preview.error} />
          <CostEstimate estimate={preview.result?.estimate} withCharacterReference={characterReferences.length > 0} />
        </div>
      )}
      {jobId && (
        <JobProgress
          api={api}
          jobId={jobId}
          renderFinished={(status) => status === 'completed' && <RegenerateActions api={api} jobId={jobId} />}
        />
      )}
    </section>
  );
}
