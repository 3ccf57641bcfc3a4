import { useEffect, useState } from 'react';

/** The service admin's accounts; choosing one lets the admin work on its job types, jobs and images. */
export default function AccountPicker({ api, session, onActOnAccount }) {
  const [accounts, setAccounts] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    api.get('/api/admin/accounts').then(setAccounts, (failure) => setError(failure.message));
  }, [api]);

  return (
    <section aria-labelledby="accounts-heading">
      <h1 id="accounts-heading">Accounts</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {accounts === null && !error && <p>Loading…</p>}
      {accounts && (
        <table>
          <caption className="visually-hidden">Accounts of the service</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Active</th>
              <th scope="col">Work on it</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.accountId}>
                <td>{account.name}</td>
                <td>{account.slug}</td>
                <td>{account.isActive ? 'yes' : 'no'}</td>
                <td>
                  {session.actingAccountId === account.accountId ? (
                    <button type="button" className="secondary" onClick={() => onActOnAccount(null)}>
                      Stop acting on {account.name}
                    </button>
                  ) : (
                    <button type="button" onClick={() => onActOnAccount(account.accountId)}>
                      Act on {account.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
