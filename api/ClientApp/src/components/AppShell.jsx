import { useEffect, useState } from 'react';
import AccountBadge from './AccountBadge.jsx';
import AccountPicker from './AccountPicker.jsx';
import BrandLibrary from './BrandLibrary.jsx';
import FailedJobs from './FailedJobs.jsx';
import GeneratedImagesManager from './GeneratedImagesManager.jsx';
import JobConfigManager from './JobConfigManager.jsx';
import JobExecutor from './JobExecutor.jsx';
import JobsList from './JobsList.jsx';
import OrganisationKeys from './OrganisationKeys.jsx';
import UsageDashboard from './UsageDashboard.jsx';
import Webhooks from './Webhooks.jsx';

const AccountScreens = [
  { path: '/run', label: 'Run a job', Screen: JobExecutor },
  { path: '/jobs', label: 'Jobs', Screen: JobsList },
  { path: '/failed', label: 'Failed jobs', Screen: FailedJobs },
  { path: '/images', label: 'Images', Screen: GeneratedImagesManager },
  { path: '/job-types', label: 'Job types', Screen: JobConfigManager },
  { path: '/brand', label: 'Brand library', Screen: BrandLibrary },
  { path: '/webhooks', label: 'Webhooks', Screen: Webhooks },
];

const AdminScreens = [
  { path: '/accounts', label: 'Accounts', Screen: AccountPicker },
  { path: '/usage', label: 'Usage', Screen: UsageDashboard },
  { path: '/organisation-keys', label: 'Organisation keys', Screen: OrganisationKeys },
];

/** Navigation and the current screen; the path in the address bar names the screen. */
export default function AppShell({ api, session, onSignOut, onActOnAccount }) {
  const isServiceAdmin = session.role === 'service-admin';
  const screens = [...(isServiceAdmin ? AdminScreens : []), ...(!isServiceAdmin || session.actingAccountId ? AccountScreens : [])];
  const [path, setPath] = useState(() => window.location.pathname);
  const current = screens.find((screen) => screen.path === path) ?? screens[0];

  useEffect(() => {
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  function navigate(event, to) {
    event.preventDefault();
    window.history.pushState(null, '', to);
    setPath(to);
  }

  const { Screen } = current;
  return (
    <div className="shell">
      <header>
        <span className="brand">IdeogramJobs</span>
        <nav aria-label="Screens">
          <ul>
            {screens.map((screen) => (
              <li key={screen.path}>
                <a href={screen.path} aria-current={screen === current ? 'page' : undefined} onClick={(event) => navigate(event, screen.path)}>
                  {screen.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="session">
          {(!isServiceAdmin || session.actingAccountId) && <AccountBadge key={session.actingAccountId ?? ''} api={api} />}
          {isServiceAdmin && <span className="badge">{session.actingAccountId ? `Admin, acting on ${session.actingAccountId.slice(0, 8)}…` : 'Service admin'}</span>}
          <button type="button" className="secondary" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="content">
        <Screen key={`${current.path}-${session.actingAccountId ?? ''}`} api={api} session={session} onActOnAccount={onActOnAccount} />
      </main>
    </div>
  );
}
