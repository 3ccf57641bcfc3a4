import { ApiError } from './ApiError.js';

/**
 * Calls the REST API with the signed-in key; a service admin acting on an account names it in
 * X-Account-Id. Problem answers become ApiError with the field errors.
 */
export function createApiClient({ apiKey, actingAccountId }) {
  function headers(extra = {}) {
    const all = { Authorization: `Bearer ${apiKey}`, ...extra };
    if (actingAccountId) {
      all['X-Account-Id'] = actingAccountId;
    }
    return all;
  }

  async function send(method, path, { body, signal, extraHeaders } = {}) {
    const init = { method, headers: headers(extraHeaders), signal };
    if (body instanceof FormData) {
      // The browser writes multipart/form-data with its boundary.
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response));
    }
    return response;
  }

  async function json(method, path, options) {
    const response = await send(method, path, options);
    return response.status === 204 ? null : response.json();
  }

  return {
    get: (path, options) => json('GET', path, options),
    post: (path, body, options) => json('POST', path, { ...options, body }),
    postForm: (path, form, options) => json('POST', path, { ...options, body: form }),
    put: (path, body, options) => json('PUT', path, { ...options, body }),
    patch: (path, body, options) => json('PATCH', path, { ...options, body }),
    delete: (path, options) => json('DELETE', path, options),
    blob: async (path, body) => (await send('POST', path, { body })).blob(),
    stream: (path, signal, extraHeaders = {}) => send('GET', path, { signal, extraHeaders: { Accept: 'text/event-stream', ...extraHeaders } }),
  };
}

async function readProblem(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
