import { useEffect, useState } from 'react';

/** Messages shown next to one field: the API's errors for that field, else the problem's own message. */
function FieldErrors({ messages }) {
  return (messages ?? []).map((text) => (
    <p key={text} role="alert" className="error">
      {text}
    </p>
  ));
}

function when(value) {
  return value ? new Date(value).toLocaleString() : '—';
}

function describe(key) {
  if (key.status === 'active') {
    return `Own key ending in ${key.lastFour}`;
  }
  if (key.status === 'refusedByIdeogram') {
    return `Own key ending in ${key.lastFour}, refused by Ideogram: its jobs fail until the key is replaced`;
  }
  return 'No key of its own: its jobs use the service key';
}

/**
 * One organisation's own Ideogram key: what may be shown of it (never the key), set or replace it through a
 * write-only field cleared after saving, change its in-flight limit, remove it. A problem shows next to its field.
 */
export default function OrganisationKeyEditor({ api, organizationId }) {
  const path = `/api/admin/organizations/${encodeURIComponent(organizationId)}/ideogram-key`;
  const [key, setKey] = useState(null);
  const [apiKey, setApiKey] = useState('');
  const [limit, setLimit] = useState('');
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState(null);

  function show(result) {
    setKey(result);
    setLimit(String(result.maxInflightImages));
  }

  useEffect(() => {
    let current = true;
    api.get(path).then(
      (result) => current && show(result),
      (failure) => current && setErrors({ organisation: [failure.message] }),
    );
    return () => {
      current = false;
    };
  }, [api, path]);

  async function act(field, action, done) {
    setErrors({});
    setMessage(null);
    try {
      await action();
      setMessage(done);
    } catch (failure) {
      setErrors({ [field]: failure.fieldErrors?.[field] ?? [failure.message] });
    }
  }

  function saveKey(event) {
    event.preventDefault();
    return act(
      'apiKey',
      async () => {
        try {
          show(await api.put(path, { apiKey }));
        } finally {
          // The key is write-only: it leaves the page whether or not the service took it.
          setApiKey('');
        }
      },
      'Key saved.',
    );
  }

  function saveLimit(event) {
    event.preventDefault();
    return act(
      'maxInflightImages',
      async () => show(await api.put(`${path}/limit`, { maxInflightImages: limit.trim() === '' ? null : Number(limit) })),
      'Limit saved.',
    );
  }

  function removeKey() {
    return act(
      'remove',
      async () => {
        await api.delete(path);
        show(await api.get(path));
      },
      'Key removed: its jobs use the service key.',
    );
  }

  const hasKey = key && key.status !== 'none';
  return (
    <div className="organisation-key" data-testid="organisation-key">
      <FieldErrors messages={errors.organisation} />
      {key && (
        <dl className="totals" data-testid="organisation-key-status">
          <div>
            <dt>Key</dt>
            <dd data-testid="organisation-key-description">{describe(key)}</dd>
          </div>
          <div>
            <dt>Last four</dt>
            <dd data-testid="organisation-key-last-four">{key.lastFour ?? '—'}</dd>
          </div>
          <div>
            <dt>Set</dt>
            <dd>{when(key.setAt)}</dd>
          </div>
          <div>
            <dt>In-flight limit</dt>
            <dd data-testid="organisation-key-limit">{key.maxInflightImages}</dd>
          </div>
          {key.refusedAt && (
            <div>
              <dt>Refused by Ideogram</dt>
              <dd data-testid="organisation-key-refused">
                {when(key.refusedAt)}
                {key.refusedReason && <span className="field-help"> {key.refusedReason}</span>}
              </dd>
            </div>
          )}
        </dl>
      )}
      <form aria-label="Organisation key" onSubmit={saveKey}>
        <h2>{hasKey ? 'Replace the key' : 'Set a key'}</h2>
        <label htmlFor="organisation-key-value">Ideogram API key</label>
        <input
          id="organisation-key-value"
          type="password"
          autoComplete="off"
          spellCheck="false"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
        />
        <FieldErrors messages={errors.apiKey} />
        <div className="actions">
          <button type="submit" disabled={apiKey === ''}>
            {hasKey ? 'Replace key' : 'Save key'}
          </button>
          {hasKey && (
            <button type="button" className="danger" onClick={removeKey}>
              Remove key
            </button>
          )}
        </div>
        <FieldErrors messages={errors.remove} />
      </form>
      <form aria-label="In-flight limit" onSubmit={saveLimit}>
        <label htmlFor="organisation-key-limit">In-flight limit (images at once)</label>
        <input id="organisation-key-limit" type="number" value={limit} onChange={(event) => setLimit(event.target.value)} />
        <FieldErrors messages={errors.maxInflightImages} />
        <div className="actions">
          <button type="submit" className="secondary">
            Save limit
          </button>
        </div>
      </form>
      {message && <p role="status">{message}</p>}
    </div>
  );
}
