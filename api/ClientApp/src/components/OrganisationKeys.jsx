import { useEffect, useState } from 'react';
import OrganisationKeyEditor from './OrganisationKeyEditor.jsx';
import ProviderKeyUsageTable from './ProviderKeyUsageTable.jsx';

/** The organisations as admins know them: by the accounts each one holds (the API lists accounts, not organisations). */
function organisationsOf(accounts) {
  const byId = new Map();
  for (const account of accounts) {
    byId.set(account.organizationId, [...(byId.get(account.organizationId) ?? []), account.name]);
  }
  return [...byId].map(([organizationId, accountNames]) => ({ organizationId, label: accountNames.join(', ') }));
}

/** Service admins: per organisation, its own Ideogram key (bring your own key), its in-flight limit and its usage by key. */
export default function OrganisationKeys({ api }) {
  const [organisations, setOrganisations] = useState([]);
  const [organizationId, setOrganizationId] = useState('');
  const [error, setError] = useState(null);

  useEffect(() => {
    api.get('/api/admin/accounts').then(
      (accounts) => {
        const list = organisationsOf(accounts);
        setOrganisations(list);
        setOrganizationId((current) => current || list[0]?.organizationId || '');
      },
      (failure) => setError(failure.message),
    );
  }, [api]);

  return (
    <section aria-labelledby="organisation-keys-heading">
      <h1 id="organisation-keys-heading">Organisation keys</h1>
      <p className="field-help">
        An organisation with its own Ideogram key runs its jobs on that key, held to that key&apos;s in-flight limit; the others use
        the service key. The key is stored encrypted and never shown again: only its last four characters.
      </p>
      <div className="filters">
        <div>
          <label htmlFor="organisation-keys-organisation">Organisation</label>
          <select id="organisation-keys-organisation" value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
            {organisations.map((organisation) => (
              <option key={organisation.organizationId} value={organisation.organizationId}>
                {organisation.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {organizationId && <OrganisationKeyEditor key={organizationId} api={api} organizationId={organizationId} />}
      {organizationId && <ProviderKeyUsageTable key={`usage-${organizationId}`} api={api} organizationId={organizationId} />}
    </section>
  );
}
