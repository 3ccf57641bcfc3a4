import { useEffect, useState } from 'react';

/** The account's job types in execution order (inactive ones too when asked). */
export function useJobTypes(api, { includeInactive = false, reloadToken = 0 } = {}) {
  const [state, setState] = useState({ jobTypes: null, error: null });
  useEffect(() => {
    let current = true;
    api
      .get(`/api/jobs/configurations?limit=200&includeInactive=${includeInactive}`)
      .then(
        (page) => current && setState({ jobTypes: [...page.items].sort((a, b) => a.executionOrder - b.executionOrder), error: null }),
        (error) => current && setState({ jobTypes: [], error: error.message }),
      );
    return () => {
      current = false;
    };
  }, [api, includeInactive, reloadToken]);
  return state;
}
