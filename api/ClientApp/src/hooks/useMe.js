import { useEffect, useState } from 'react';

/**
 * GET /api/me: the key's account, role, permissions, limits and usage today. Null until it answers,
 * and when it fails, so screens keep their actions and the API's refusal still explains.
 */
export function useMe(api) {
  const [me, setMe] = useState(null);
  useEffect(() => {
    let current = true;
    api.get('/api/me').then(
      (answer) => current && setMe(answer),
      () => current && setMe(null),
    );
    return () => {
      current = false;
    };
  }, [api]);
  return me;
}
