import { useState } from 'react';
import { useJobTypes } from '../hooks/useJobTypes.js';
import { useMe } from '../hooks/useMe.js';
import { NewJobType, draftOf } from '../settings/jobTypeDraft.js';
import JobConfigEditor from './JobConfigEditor.jsx';

/** The account's job types in execution order: create, edit, reorder, and act on a selection. */
export default function JobConfigManager({ api }) {
  const [reloadToken, setReloadToken] = useState(0);
  const { jobTypes, error: loadError } = useJobTypes(api, { includeInactive: true, reloadToken });
  const [selected, setSelected] = useState(new Set());
  const [editing, setEditing] = useState(null);
  const [notice, setNotice] = useState(null);
  const [error, setError] = useState(null);
  // A user key may read job types but not change them: GET /api/me says so before a save is refused.
  const me = useMe(api);
  const mayEdit = me?.may?.editJobTypes !== false;

  const reload = () => setReloadToken((token) => token + 1);
  const chosen = (jobTypes ?? []).filter((jobType) => selected.has(jobType.configId));

  async function run(description, work) {
    setError(null);
    try {
      await work();
      setNotice(description);
    } catch (failure) {
      setError(failure.message);
    }
    setSelected(new Set());
    reload();
  }

  const replace = (jobType, changes) => api.put(`/api/jobs/configurations/${jobType.configId}`, { ...draftOf(jobType), ...changes });

  function setActive(isActive) {
    return run(`${chosen.length} job type(s) ${isActive ? 'activated' : 'deactivated'}.`, () =>
      Promise.all(chosen.map((jobType) => replace(jobType, { isActive }))),
    );
  }

  function remove() {
    return run(`${chosen.length} job type(s) deleted.`, () =>
      Promise.all(chosen.map((jobType) => api.delete(`/api/jobs/configurations/${jobType.configId}`))),
    );
  }

  function duplicate() {
    const suffix = Date.now().toString(36);
    return run(`${chosen.length} job type(s) duplicated (inactive).`, () =>
      Promise.all(
        chosen.map((jobType) =>
          api.post('/api/jobs/configurations', {
            ...draftOf(jobType),
            jobTypeName: `${jobType.jobTypeName}_copy_${suffix}`.slice(0, 100),
            displayName: `${jobType.displayName} (copy)`,
            isActive: false,
          }),
        ),
      ),
    );
  }

  function move(index, by) {
    const list = jobTypes;
    const a = list[index];
    const b = list[index + by];
    // Equal orders would not move anything, so the pair gets distinct ones.
    const aOrder = a.executionOrder === b.executionOrder ? b.executionOrder + (by > 0 ? 1 : -1) : b.executionOrder;
    return run(`${a.displayName} moved ${by < 0 ? 'up' : 'down'}.`, () =>
      Promise.all([replace(a, { executionOrder: Math.max(0, aOrder) }), replace(b, { executionOrder: a.executionOrder })]),
    );
  }

  function toggle(configId) {
    const next = new Set(selected);
    if (next.has(configId)) {
      next.delete(configId);
    } else {
      next.add(configId);
    }
    setSelected(next);
  }

  if (editing) {
    return (
      <JobConfigEditor
        api={api}
        jobType={editing}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setNotice(`Saved ${saved.displayName}.`);
          reload();
        }}
      />
    );
  }

  return (
    <section aria-labelledby="job-types-heading">
      <h1 id="job-types-heading">Job types</h1>
      {!mayEdit && <p role="note">This key has the user role: it runs the job types below but cannot change them.</p>}
      <div className="actions" role="group" aria-label="Job type actions" hidden={!mayEdit}>
        <button type="button" onClick={() => setEditing(NewJobType)}>
          New job type
        </button>
        <button type="button" className="secondary" disabled={chosen.length === 0} onClick={() => setActive(true)}>
          Activate selected
        </button>
        <button type="button" className="secondary" disabled={chosen.length === 0} onClick={() => setActive(false)}>
          Deactivate selected
        </button>
        <button type="button" className="secondary" disabled={chosen.length === 0} onClick={duplicate}>
          Duplicate selected
        </button>
        <button type="button" className="danger" disabled={chosen.length === 0} onClick={remove}>
          Delete selected
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {(error || loadError) && <p role="alert" className="error">{error || loadError}</p>}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Job types in execution order</caption>
          <thead>
            <tr>
              <th scope="col">Select</th>
              <th scope="col">Order</th>
              <th scope="col">Name</th>
              <th scope="col">Display name</th>
              <th scope="col">Active</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(jobTypes ?? []).map((jobType, index) => (
              <tr key={jobType.configId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${jobType.displayName}`}
                    checked={selected.has(jobType.configId)}
                    onChange={() => toggle(jobType.configId)}
                  />
                </td>
                <td>{jobType.executionOrder}</td>
                <td>
                  <code>{jobType.jobTypeName}</code>
                </td>
                <td>{jobType.displayName}</td>
                <td>{jobType.isActive ? 'active' : 'inactive'}</td>
                <td>
                  <div className="actions" hidden={!mayEdit}>
                    <button type="button" className="secondary" onClick={() => setEditing(jobType)} aria-label={`Edit ${jobType.displayName}`}>
                      Edit
                    </button>
                    <button type="button" className="secondary" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${jobType.displayName} up`}>
                      Up
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={index === jobTypes.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={`Move ${jobType.displayName} down`}
                    >
                      Down
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
