import { useEffect, useState } from 'react';
import { query } from '../api/apiClient.js';
import AccountBudgetEditor from './AccountBudgetEditor.jsx';
import BarChart from './BarChart.jsx';
import { formatUsd } from './CostEstimate.jsx';

const DayMs = 24 * 60 * 60 * 1000;
const Ranges = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
];
const Outcomes = [
  { key: 'completed', label: 'Completed', colour: '#2e7d32' },
  { key: 'failed', label: 'Failed', colour: '#c62828' },
  { key: 'cancelled', label: 'Cancelled', colour: '#757575' },
  { key: 'queued', label: 'Queued', colour: '#f9a825' },
  { key: 'processing', label: 'Processing', colour: '#1565c0' },
];

/** Per-account usage for service admins: jobs per day by outcome, images, p95 generation time, rate-limit refusals. */
export default function UsageDashboard({ api }) {
  const [accounts, setAccounts] = useState([]);
  const [accountId, setAccountId] = useState('');
  const [days, setDays] = useState(30);
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    api.get('/api/admin/accounts').then(
      (list) => {
        setAccounts(list);
        setAccountId((current) => current || list[0]?.accountId || '');
      },
      (failure) => setError(failure.message),
    );
  }, [api]);

  useEffect(() => {
    if (!accountId) {
      return undefined;
    }
    // A slower answer for an earlier choice must not overwrite the current one.
    let current = true;
    const to = new Date();
    const from = new Date(to.getTime() - days * DayMs);
    api
      .get(`/api/admin/accounts/${accountId}/usage${query({ from: from.toISOString(), to: to.toISOString(), granularity: 'day' })}`)
      .then(
        (result) => {
          if (current) {
            setReport(result);
            setError(null);
          }
        },
        (failure) => current && setError(failure.message),
      );
    return () => {
      current = false;
    };
  }, [api, accountId, days]);

  const periods = (report?.periods ?? []).map((period) => ({
    label: period.start.slice(0, 10),
    figures: period.figures,
  }));
  const totals = report?.totals;

  return (
    <section aria-labelledby="usage-heading">
      <h1 id="usage-heading">Usage</h1>
      <div className="filters">
        <div>
          <label htmlFor="usage-account">Account</label>
          <select id="usage-account" value={accountId} onChange={(event) => setAccountId(event.target.value)}>
            {accounts.map((account) => (
              <option key={account.accountId} value={account.accountId}>
                {account.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="usage-range">Time range</label>
          <select id="usage-range" value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {Ranges.map((range) => (
              <option key={range.days} value={range.days}>
                {range.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {accountId && <AccountBudgetEditor api={api} accountId={accountId} />}
      {totals && (
        <dl className="totals" data-testid="usage-totals">
          <div>
            <dt>Jobs</dt>
            <dd>{totals.jobs}</dd>
          </div>
          <div>
            <dt>Images</dt>
            <dd>{totals.images}</dd>
          </div>
          <div>
            <dt>p95 generation time</dt>
            <dd>{totals.generationSecondsP95 === undefined ? '—' : `${totals.generationSecondsP95.toFixed(1)} s`}</dd>
          </div>
          <div>
            <dt>Rate-limit rejections</dt>
            <dd>{totals.rateLimitRejections}</dd>
          </div>
          <div>
            <dt>Billed</dt>
            <dd data-testid="usage-billed">{formatUsd(totals.billedUsd)}</dd>
          </div>
          <div>
            <dt>Cost of delivered images</dt>
            <dd>{formatUsd(totals.costUsd)}</dd>
          </div>
        </dl>
      )}
      {report && (
        <div className="charts">
          <BarChart
            title="Jobs per day by outcome"
            periods={periods.map((p) => ({ label: p.label, values: p.figures.jobsByStatus ?? {} }))}
            series={Outcomes}
          />
          <BarChart
            title="Images per day"
            periods={periods.map((p) => ({ label: p.label, values: { images: p.figures.images } }))}
            series={[{ key: 'images', label: 'Images', colour: '#6a1b9a' }]}
          />
          <BarChart
            title="Billed USD per day"
            periods={periods.map((p) => ({ label: p.label, values: { billed: p.figures.billedUsd ?? 0 } }))}
            series={[{ key: 'billed', label: 'Billed USD', colour: '#37474f' }]}
          />
          <BarChart
            title="p95 generation seconds per day"
            periods={periods.map((p) => ({ label: p.label, values: { p95: p.figures.generationSecondsP95 ?? 0 } }))}
            series={[{ key: 'p95', label: 'p95 seconds', colour: '#00838f' }]}
          />
          <BarChart
            title="Rate-limit rejections per day"
            periods={periods.map((p) => ({ label: p.label, values: { rejections: p.figures.rateLimitRejections } }))}
            series={[{ key: 'rejections', label: 'Rejections', colour: '#ef6c00' }]}
          />
        </div>
      )}
      {report && (
        <div className="table-scroll">
          <table>
            <caption>Usage per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Jobs</th>
                <th scope="col">Completed</th>
                <th scope="col">Failed</th>
                <th scope="col">Images</th>
                <th scope="col">Billed USD</th>
                <th scope="col">p95 s</th>
                <th scope="col">Rate-limit rejections</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.label}>
                  <td>{p.label}</td>
                  <td>{p.figures.jobs}</td>
                  <td>{p.figures.jobsByStatus?.completed ?? 0}</td>
                  <td>{p.figures.jobsByStatus?.failed ?? 0}</td>
                  <td>{p.figures.images}</td>
                  <td>{formatUsd(p.figures.billedUsd)}</td>
                  <td>{p.figures.generationSecondsP95?.toFixed(1) ?? '—'}</td>
                  <td>{p.figures.rateLimitRejections}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
