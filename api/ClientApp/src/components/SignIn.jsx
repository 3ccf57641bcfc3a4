import { useState } from 'react';
import { discoverKeyRole } from '../session/keyRole.js';

/** Asks for an API key; it is checked against the API and kept for this browser session only. */
export default function SignIn({ onSignedIn }) {
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const key = apiKey.trim();
      onSignedIn(key, await discoverKeyRole(key));
    } catch (failure) {
      setError(failure.status === 401 ? 'That key is not valid.' : failure.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>IdeogramJobs</h1>
      <form onSubmit={submit} aria-label="Sign in">
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          value={apiKey}
          required
          onChange={(event) => setApiKey(event.target.value)}
          aria-describedby="api-key-help"
        />
        <p id="api-key-help" className="field-help">
          Your account key, or the service admin key. It is kept only until this tab closes.
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || apiKey.trim() === ''}>
          Sign in
        </button>
      </form>
    </main>
  );
}
