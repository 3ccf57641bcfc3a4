// The API key lives in sessionStorage only: it is gone when the browser tab closes.
const KeyName = 'ideogramjobs.apiKey';
const RoleName = 'ideogramjobs.role';
const AccountName = 'ideogramjobs.actingAccount';

export function readSession() {
  const apiKey = sessionStorage.getItem(KeyName);
  return apiKey
    ? { apiKey, role: sessionStorage.getItem(RoleName), actingAccountId: sessionStorage.getItem(AccountName) }
    : null;
}

export function saveSignIn(apiKey, role) {
  sessionStorage.setItem(KeyName, apiKey);
  sessionStorage.setItem(RoleName, role);
  sessionStorage.removeItem(AccountName);
}

export function saveActingAccount(accountId) {
  if (accountId) {
    sessionStorage.setItem(AccountName, accountId);
  } else {
    sessionStorage.removeItem(AccountName);
  }
}

export function clearSession() {
  for (const name of [KeyName, RoleName, AccountName]) {
    sessionStorage.removeItem(name);
  }
}
