import { useMemo, useState } from 'react';
import { createApiClient } from './api/apiClient.js';
import AppShell from './components/AppShell.jsx';
import SignIn from './components/SignIn.jsx';
import { clearSession, readSession, saveActingAccount, saveSignIn } from './session/sessionKey.js';

/** Signed out: the sign-in screen. Signed in: the screens the key may use. */
export default function App() {
  const [session, setSession] = useState(readSession);

  const api = useMemo(
    () => (session ? createApiClient({ apiKey: session.apiKey, actingAccountId: session.actingAccountId }) : null),
    [session],
  );

  function signIn(apiKey, role) {
    saveSignIn(apiKey, role);
    setSession({ apiKey, role, actingAccountId: null });
  }

  function signOut() {
    clearSession();
    setSession(null);
  }

  function actOnAccount(accountId) {
    saveActingAccount(accountId);
    setSession((current) => ({ ...current, actingAccountId: accountId }));
  }

  if (!session) {
    return <SignIn onSignedIn={signIn} />;
  }
  return <AppShell api={api} session={session} onSignOut={signOut} onActOnAccount={actOnAccount} />;
}
