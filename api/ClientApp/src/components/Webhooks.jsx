import { useCallback, useEffect, useState } from 'react';
import { useDeliveryLog } from '../hooks/useDeliveryLog.js';
import JobWebhookSigning from './JobWebhookSigning.jsx';
import RedeliverCell from './RedeliverCell.jsx';

const EndpointsPath = '/api/webhooks/endpoints';
const JobEvents = ['job.completed', 'job.failed', 'job.cancelled'];

/** A secret just created or rotated: shown this once, to copy; the API never answers it again. */
function SecretOnce({ secret, onDismiss }) {
  return (
    <div className="notice" role="alert" aria-label="New signing secret">
      <p>
        Copy this signing secret now: it is not shown again. Receivers verify each webhook with it (Standard Webhooks).
      </p>
      <code className="secret">{secret}</code>{' '}
      <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(secret)}>
        Copy
      </button>{' '}
      <button type="button" className="secondary" onClick={onDismiss}>
        Done
      </button>
    </div>
  );
}

/** Event checkboxes for an endpoint's subscription. */
function EventPicker({ eventTypes, selected, onChange, idPrefix }) {
  function toggle(type) {
    onChange(selected.includes(type) ? selected.filter((t) => t !== type) : [...selected, type]);
  }
  return (
    <fieldset>
      <legend>Events</legend>
      {eventTypes.map((type) => (
        <label key={type} htmlFor={`${idPrefix}-${type}`} className="inline">
          <input id={`${idPrefix}-${type}`} type="checkbox" checked={selected.includes(type)} onChange={() => toggle(type)} /> {type}
        </label>
      ))}
    </fieldset>
  );
}

/** The endpoint's delivery log, newest first, with redeliver on delivered and failed deliveries. */
function DeliveryLog({ api, endpointId }) {
  const { deliveries, error, load, redeliver } = useDeliveryLog(api, `${EndpointsPath}/${endpointId}/deliveries`);

  if (error) {
    return <p className="error">{error}</p>;
  }
  if (!deliveries) {
    return <p>Loading deliveries…</p>;
  }
  return (
    <div aria-label={`Deliveries of endpoint ${endpointId}`}>
      <button type="button" className="secondary" onClick={load}>
        Refresh
      </button>
      {deliveries.length === 0 ? (
        <p>No deliveries yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Event</th>
              <th>Job</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Last response</th>
              <th>Next attempt</th>
              <th>Delivered</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.deliveryId} aria-label={`Delivery ${delivery.deliveryId}`}>
                <td>{delivery.eventType}</td>
                <td>{delivery.jobId ?? ''}</td>
                <td>{delivery.status}</td>
                <td>{delivery.attempts}</td>
                <td title={delivery.lastError ?? ''}>{delivery.lastResponseCode ?? delivery.lastError ?? ''}</td>
                <td>{delivery.nextAttemptAt ? new Date(delivery.nextAttemptAt).toLocaleString() : ''}</td>
                <td>{delivery.deliveredAt ? new Date(delivery.deliveredAt).toLocaleString() : ''}</td>
                <RedeliverCell delivery={delivery} onRedeliver={redeliver} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One endpoint: enable/disable, change events, rotate the secret, delete, open its log. */
function EndpointRow({ api, endpoint, eventTypes, onChanged, onSecret }) {
  const [events, setEvents] = useState(endpoint.eventTypes);
  const [showLog, setShowLog] = useState(false);
  const [error, setError] = useState(null);

  async function act(action) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setError(failure.fieldErrors?.eventTypes?.[0] ?? failure.fieldErrors?.url?.[0] ?? failure.message);
    }
  }

  const change = (body) => act(() => api.patch(`${EndpointsPath}/${endpoint.endpointId}`, body));
  const rotate = () => act(async () => onSecret((await api.post(`${EndpointsPath}/${endpoint.endpointId}/rotate-secret`)).secret));
  const remove = () => act(() => api.delete(`${EndpointsPath}/${endpoint.endpointId}`));

  return (
    <li aria-label={`Endpoint ${endpoint.url}`}>
      <strong>{endpoint.url}</strong> <span>{endpoint.enabled ? 'enabled' : 'disabled'}</span>
      {endpoint.disabledReason && <span className="field-help"> ({endpoint.disabledReason})</span>}
      <EventPicker eventTypes={eventTypes} selected={events} onChange={setEvents} idPrefix={`events-${endpoint.endpointId}`} />
      <button type="button" className="secondary" onClick={() => change({ eventTypes: events })}>
        Save events
      </button>{' '}
      <button type="button" className="secondary" onClick={() => change({ enabled: !endpoint.enabled })}>
        {endpoint.enabled ? 'Disable' : 'Enable'}
      </button>{' '}
      <button type="button" className="secondary" onClick={rotate}>
        Rotate secret
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setShowLog(!showLog)}>
        {showLog ? 'Hide deliveries' : 'Deliveries'}
      </button>{' '}
      <button type="button" className="danger" onClick={remove}>
        Delete
      </button>
      {error && <p className="error">{error}</p>}
      {showLog && <DeliveryLog api={api} endpointId={endpoint.endpointId} />}
    </li>
  );
}

/** The account's webhook endpoints (account admins): add, change, rotate, delete, and each one's delivery log. */
export default function Webhooks({ api }) {
  const [endpoints, setEndpoints] = useState(null);
  const [eventTypes, setEventTypes] = useState(JobEvents);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState(JobEvents);
  const [secret, setSecret] = useState(null);
  const [error, setError] = useState(null);

  const load = useCallback(async () => {
    try {
      setEndpoints(await api.get(EndpointsPath));
      setError(null);
    } catch (failure) {
      setError(failure.status === 403 ? 'Only account admin keys manage webhooks.' : failure.message);
    }
  }, [api]);

  useEffect(() => {
    load();
    api.get('/api/webhooks/event-types').then(setEventTypes, () => setEventTypes(JobEvents));
  }, [api, load]);

  async function add(event) {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.post(EndpointsPath, { url, eventTypes: events });
      setSecret(created.secret);
      setUrl('');
      await load();
    } catch (failure) {
      setError(failure.fieldErrors?.url?.[0] ?? failure.fieldErrors?.eventTypes?.[0] ?? failure.message);
    }
  }

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <p>Endpoints are told when a job completes, fails or is cancelled, signed per Standard Webhooks.</p>
      {secret && <SecretOnce secret={secret} onDismiss={() => setSecret(null)} />}
      {error && <p className="error">{error}</p>}
      <form onSubmit={add} aria-label="Add an endpoint">
        <label htmlFor="webhook-url">Endpoint URL</label>
        <input id="webhook-url" type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://hooks.example.com/ideogram" />
        <EventPicker eventTypes={eventTypes} selected={events} onChange={setEvents} idPrefix="new-endpoint" />
        <button type="submit">Add endpoint</button>
      </form>
      {endpoints && endpoints.length === 0 && <p>No endpoints yet.</p>}
      {endpoints && (
        <ul className="webhook-endpoints">
          {endpoints.map((endpoint) => (
            <EndpointRow key={endpoint.endpointId} api={api} endpoint={endpoint} eventTypes={eventTypes} onChanged={load} onSecret={setSecret} />
          ))}
        </ul>
      )}
      <JobWebhookSigning api={api} />
    </section>
  );
}
