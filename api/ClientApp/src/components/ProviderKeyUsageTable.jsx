import { useEffect, useState } from 'react';
import { query } from '../api/apiClient.js';

const Days = 30;
const DayMs = 24 * 60 * 60 * 1000;

function keyLabel(keyIdentity) {
  return keyIdentity === 'service' ? 'Service key' : 'Own key';
}

/** One organisation's jobs and images of the last 30 days, split by the Ideogram key they ran on. */
export default function ProviderKeyUsageTable({ api, organizationId }) {
  const [usage, setUsage] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    let current = true;
    const to = new Date();
    const from = new Date(to.getTime() - Days * DayMs);
    api.get(`/api/admin/usage/provider-keys${query({ from: from.toISOString(), to: to.toISOString(), organizationId })}`).then(
      (report) => current && setUsage(report.organisations.find((o) => o.organizationId === organizationId) ?? null),
      (failure) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, organizationId]);

  if (error) {
    return <p className="error">{error}</p>;
  }
  const rows = usage ? Object.entries(usage.byKeyIdentity) : [];
  return (
    <div className="table-scroll">
      <table>
        <caption>Usage of the last {Days} days by key</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Jobs</th>
            <th scope="col">Completed</th>
            <th scope="col">Failed</th>
            <th scope="col">Cancelled</th>
            <th scope="col">Images</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={6}>No jobs in the last {Days} days.</td>
            </tr>
          )}
          {rows.map(([keyIdentity, figures]) => (
            <tr key={keyIdentity} aria-label={keyLabel(keyIdentity)}>
              <th scope="row">{keyLabel(keyIdentity)}</th>
              <td>{figures.jobs}</td>
              <td>{figures.completed}</td>
              <td>{figures.failed}</td>
              <td>{figures.cancelled}</td>
              <td>{figures.images}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
