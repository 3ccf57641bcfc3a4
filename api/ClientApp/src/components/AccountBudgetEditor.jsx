import { useEffect, useState } from 'react';
import { formatUsd } from './CostEstimate.jsx';

/** A service admin's view of one account's monthly budget: this month's spend and reservations, and the budget to set. */
export default function AccountBudgetEditor({ api, accountId }) {
  const [standing, setStanding] = useState(null);
  const [budget, setBudget] = useState('');
  const [threshold, setThreshold] = useState('80');
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState(null);

  useEffect(() => {
    if (!accountId) {
      return undefined;
    }
    let current = true;
    api.get(`/api/admin/accounts/${accountId}/budget`).then(
      (result) => {
        if (current) {
          setStanding(result);
          setBudget(result.budget.monthlyBudgetUsd == null ? '' : String(result.budget.monthlyBudgetUsd));
          setThreshold(String(result.budget.thresholdPercent));
          setErrors({});
          setMessage(null);
        }
      },
      (failure) => current && setMessage(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, accountId]);

  async function save(event) {
    event.preventDefault();
    try {
      const result = await api.put(`/api/admin/accounts/${accountId}/budget`, {
        monthlyBudgetUsd: budget.trim() === '' ? null : Number(budget),
        thresholdPercent: Number(threshold),
      });
      setStanding(result);
      setErrors({});
      setMessage('Budget saved.');
    } catch (failure) {
      setErrors(failure.fieldErrors ?? {});
      setMessage(failure.message);
    }
  }

  return (
    <form className="account-budget" aria-labelledby="budget-heading" onSubmit={save} data-testid="account-budget">
      <h2 id="budget-heading">Monthly budget</h2>
      {standing && (
        <p data-testid="budget-standing">
          {standing.month}: spent {formatUsd(standing.spentUsd)}, reserved {formatUsd(standing.reservedUsd)}
          {standing.budget.monthlyBudgetUsd == null ? ', no budget' : ` of ${formatUsd(standing.budget.monthlyBudgetUsd)}`}
        </p>
      )}
      <label htmlFor="budget-usd">Budget (USD per month, empty for none)</label>
      <input id="budget-usd" inputMode="decimal" value={budget} onChange={(event) => setBudget(event.target.value)} />
      {(errors.monthlyBudgetUsd ?? []).map((text) => <p key={text} role="alert" className="error">{text}</p>)}
      <label htmlFor="budget-threshold">Alert at (% of the budget)</label>
      <input id="budget-threshold" type="number" min="1" max="100" value={threshold} onChange={(event) => setThreshold(event.target.value)} />
      {(errors.thresholdPercent ?? []).map((text) => <p key={text} role="alert" className="error">{text}</p>)}
      <button type="submit">Save budget</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
