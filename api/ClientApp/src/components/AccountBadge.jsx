import { useMe } from '../hooks/useMe.js';

const RoleNames = { user: 'user', 'account-admin': 'account admin', 'service-admin': 'service admin' };

/** The account the key acts on, its role and today's usage against the daily quota, from GET /api/me. */
export default function AccountBadge({ api }) {
  const me = useMe(api);
  if (!me) {
    return null;
  }
  const usage = me.usageToday;
  return (
    <span
      className="badge account-badge"
      data-testid="account-badge"
      title={`Today: ${usage.jobs} jobs, ${usage.images} of ${me.limits.dailyImageQuota} images; ${usage.inFlight} of ${me.limits.maxConcurrentJobs} running, ${usage.queued} queued`}
    >
      {me.accountName} · {RoleNames[me.role] ?? me.role}
    </span>
  );
}
