import { useState } from 'react';
import { draftFrom, editorStateFrom } from '../settings/jobTypeDraft.js';
import { errorsFor } from '../settings/uiSchemaValues.js';
import { DefaultSettingsFields } from '../settings/v3Options.js';
import SettingsOverride from './SettingsOverride.jsx';
import UiSchemaBuilder from './UiSchemaBuilder.jsx';

/** Creates or edits a job type: its names, its default settings and the form users get. */
export default function JobConfigEditor({ api, jobType, onSaved, onCancel }) {
  const isNew = jobType.configId === undefined;
  const [state, setState] = useState(() => editorStateFrom(jobType));
  const [initialDefaults] = useState(state.defaults);
  const [problem, setProblem] = useState({ errors: {}, message: null });
  const [saving, setSaving] = useState(false);

  async function save(event) {
    event.preventDefault();
    setSaving(true);
    try {
      const draft = draftFrom(state);
      const saved = isNew
        ? await api.post('/api/jobs/configurations', draft)
        : await api.put(`/api/jobs/configurations/${jobType.configId}`, draft);
      onSaved(saved);
    } catch (error) {
      setProblem({ errors: error.fieldErrors, message: error.message });
    } finally {
      setSaving(false);
    }
  }

  const settingErrors = Object.fromEntries(Object.entries(problem.errors).filter(([key]) => key.startsWith('defaultSettings')));
  const schemaErrors = Object.entries(problem.errors)
    .filter(([key]) => key.startsWith('uiSchema'))
    .flatMap(([key, messages]) => messages.map((message) => `${key}: ${message}`));

  function topField(name, label, control) {
    const errors = errorsFor(Object.fromEntries(Object.entries(problem.errors).filter(([key]) => !key.includes('.'))), name);
    return (
      <div className={errors.length ? 'field field-invalid' : 'field'}>
        <label htmlFor={`jobtype-${name}`}>{label}</label>
        {control({ id: `jobtype-${name}`, 'aria-invalid': errors.length > 0, 'aria-describedby': errors.length ? `jobtype-${name}-errors` : undefined })}
        {errors.length > 0 && (
          <ul id={`jobtype-${name}-errors`} className="field-errors" role="alert">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  return (
    <form className="job-type-editor" onSubmit={save} aria-labelledby="editor-heading" noValidate>
      <h2 id="editor-heading">{isNew ? 'New job type' : `Edit ${jobType.displayName}`}</h2>
      {topField('jobTypeName', 'Job type name (letters, digits, underscores)', (props) => (
        <input {...props} type="text" value={state.jobTypeName} onChange={(event) => setState({ ...state, jobTypeName: event.target.value })} />
      ))}
      {topField('displayName', 'Display name', (props) => (
        <input {...props} type="text" value={state.displayName} onChange={(event) => setState({ ...state, displayName: event.target.value })} />
      ))}
      {topField('description', 'Description', (props) => (
        <textarea {...props} rows={2} value={state.description} onChange={(event) => setState({ ...state, description: event.target.value })} />
      ))}
      {topField('executionOrder', 'Execution order', (props) => (
        <input {...props} type="number" min={0} value={state.executionOrder} onChange={(event) => setState({ ...state, executionOrder: event.target.value })} />
      ))}
      <div className="field-checkbox">
        <input id="jobtype-isActive" type="checkbox" checked={state.isActive} onChange={(event) => setState({ ...state, isActive: event.target.checked })} />
        <label htmlFor="jobtype-isActive">Active</label>
      </div>
      <fieldset>
        <legend>Default settings</legend>
        <SettingsOverride
          idPrefix="defaults"
          fields={DefaultSettingsFields}
          values={state.defaults}
          defaults={initialDefaults}
          errors={settingErrors}
          onChange={(defaults) => setState({ ...state, defaults })}
        />
      </fieldset>
      <UiSchemaBuilder rows={state.fields} errors={schemaErrors} onChange={(fields) => setState({ ...state, fields })} />
      {problem.message && <p role="alert" className="error">{problem.message}</p>}
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save job type'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
