import { useCallback, useEffect, useState } from 'react';

/**
 * A webhook delivery log read from deliveriesPath (loaded at once), with redeliver at
 * deliveriesPath/{id}/redeliver, which reads the log again. deliveries is null until the first read.
 */
export function useDeliveryLog(api, deliveriesPath) {
  const [deliveries, setDeliveries] = useState(null);
  const [error, setError] = useState(null);

  const load = useCallback(async () => {
    try {
      setDeliveries(await api.get(deliveriesPath));
      setError(null);
    } catch (failure) {
      setError(failure.message);
    }
  }, [api, deliveriesPath]);

  useEffect(() => {
    load();
  }, [load]);

  async function redeliver(deliveryId) {
    try {
      await api.post(`${deliveriesPath}/${deliveryId}/redeliver`);
      await load();
    } catch (failure) {
      setError(failure.message);
    }
  }

  return { deliveries, error, load, redeliver };
}
