import { useState } from 'react';
import { useDeliveryLog } from '../hooks/useDeliveryLog.js';
import RedeliverCell from './RedeliverCell.jsx';

const SecretPath = '/api/webhooks/signing-secret';
const DeliveriesPath = '/api/webhooks/job-deliveries';

/** Deliveries to jobs' own webhook URLs, newest first, with redeliver on delivered and failed ones. */
function JobDeliveryLog({ api }) {
  const { deliveries, error, load, redeliver } = useDeliveryLog(api, DeliveriesPath);

  if (error) {
    return <p className="error">{error}</p>;
  }
  if (!deliveries) {
    return <p>Loading deliveries…</p>;
  }
  return (
    <div aria-label="Deliveries to jobs' webhook URLs">
      <button type="button" className="secondary" onClick={load}>
        Refresh
      </button>
      {deliveries.length === 0 ? (
        <p>No job has had a webhook URL yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Job</th>
              <th>URL</th>
              <th>Event</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Last response</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.deliveryId} aria-label={`Job delivery ${delivery.deliveryId}`}>
                <td>{delivery.jobId ?? ''}</td>
                <td>{delivery.url}</td>
                <td>{delivery.eventType}</td>
                <td>{delivery.status}</td>
                <td>{delivery.attempts}</td>
                <td title={delivery.lastError ?? ''}>{delivery.lastResponseCode ?? delivery.lastError ?? ''}</td>
                <RedeliverCell delivery={delivery} onRedeliver={redeliver} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * The account's signing secret for jobs submitted with their own webhookUrl (no endpoint needed): hidden
 * until revealed, copyable, rotatable; and the log of those deliveries. Nothing is fetched until asked.
 */
export default function JobWebhookSigning({ api }) {
  const [signing, setSigning] = useState(null);
  const [showLog, setShowLog] = useState(false);
  const [error, setError] = useState(null);

  async function act(action) {
    setError(null);
    try {
      setSigning(await action());
    } catch (failure) {
      setError(failure.message);
    }
  }

  const reveal = () => act(() => api.get(SecretPath));
  const rotate = () => act(() => api.post(`${SecretPath}/rotate`));

  return (
    <section aria-labelledby="job-webhooks-title">
      <h2 id="job-webhooks-title">Jobs&apos; own webhook URLs</h2>
      <p>
        A job submitted with <code>webhookUrl</code> is told when it ends, signed with this account&apos;s signing secret (Standard Webhooks); no
        endpoint is needed.
      </p>
      {signing ? (
        <div aria-label="Signing secret">
          <code className="secret">{signing.secret}</code>{' '}
          <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(signing.secret)}>
            Copy
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setSigning(null)}>
            Hide
          </button>
          {signing.previousSecretUntil && (
            <p className="field-help">The previous secret also signs until {new Date(signing.previousSecretUntil).toLocaleString()}.</p>
          )}
        </div>
      ) : (
        <button type="button" className="secondary" onClick={reveal}>
          Reveal signing secret
        </button>
      )}{' '}
      <button type="button" className="secondary" onClick={rotate}>
        Rotate signing secret
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setShowLog(!showLog)}>
        {showLog ? 'Hide job deliveries' : 'Job deliveries'}
      </button>
      {error && <p className="error">{error}</p>}
      {showLog && <JobDeliveryLog api={api} />}
    </section>
  );
}
