import { createApiClient } from '../api/apiClient.js';

/**
 * What a key may do: the service admin key lists accounts; an account key lists its job types.
 * The API has no "who am I", so the answers of these two reads decide.
 */
export async function discoverKeyRole(apiKey) {
  const api = createApiClient({ apiKey });
  try {
    await api.get('/api/admin/accounts');
    return 'service-admin';
  } catch (error) {
    if (error.status !== 401 && error.status !== 403) {
      throw error;
    }
  }
  await api.get('/api/jobs/configurations?limit=1');
  return 'account';
}
