import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import Webhooks from './Webhooks.jsx';

/** The webhook endpoints API as the page sees it, kept in memory; every call is recorded. */
function fakeApi() {
  const calls = [];
  const endpoints = [];
  const deliveries = [
    { deliveryId: 5, eventType: 'job.completed', jobId: 42, status: 'failed', attempts: 9, lastResponseCode: 500, deliveredAt: null, nextAttemptAt: null },
    { deliveryId: 6, eventType: 'job.failed', jobId: 43, status: 'pending', attempts: 1, lastResponseCode: 503, deliveredAt: null, nextAttemptAt: '2026-01-01T00:00:00Z' },
  ];
  let secrets = 0;
  const newSecret = () => `whsec_secret${++secrets}`;
  return {
    calls,
    get: async (path) => {
      calls.push(['GET', path]);
      if (path === '/api/webhooks/event-types') return ['job.completed', 'job.failed', 'job.cancelled', 'budget.threshold_reached'];
      if (path.endsWith('/deliveries')) return deliveries;
      return endpoints.map((e) => ({ ...e }));
    },
    post: async (path, body) => {
      calls.push(['POST', path, body]);
      if (path === '/api/webhooks/endpoints') {
        const endpoint = { endpointId: endpoints.length + 1, url: body.url, eventTypes: body.eventTypes, enabled: true };
        endpoints.push(endpoint);
        return { endpoint, secret: newSecret() };
      }
      if (path.endsWith('/rotate-secret')) return { endpoint: endpoints[0], secret: newSecret() };
      return null;
    },
    patch: async (path, body) => {
      calls.push(['PATCH', path, body]);
      Object.assign(endpoints[0], body);
      return endpoints[0];
    },
    delete: async (path) => {
      calls.push(['DELETE', path]);
      endpoints.splice(0, 1);
      return null;
    },
  };
}

describe('Webhooks', () => {
  it('shows a new secret once, and not again after it is dismissed or the endpoint is listed', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<Webhooks api={api} />);

    await user.type(screen.getByLabelText('Endpoint URL'), 'https://hooks.example.com/a');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));

    const secret = await screen.findByRole('alert', { name: 'New signing secret' });
    expect(secret).toHaveTextContent('whsec_secret1');
    expect(await screen.findByRole('listitem', { name: 'Endpoint https://hooks.example.com/a' })).toBeInTheDocument();
    expect(api.calls).toContainEqual(['POST', '/api/webhooks/endpoints', { url: 'https://hooks.example.com/a', eventTypes: ['job.completed', 'job.failed', 'job.cancelled'] }]);

    await user.click(within(secret).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('whsec_secret1')).not.toBeInTheDocument();
  });

  it('rotates the secret, disables the endpoint and redelivers a failed delivery from its log', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<Webhooks api={api} />);
    await user.type(screen.getByLabelText('Endpoint URL'), 'https://hooks.example.com/b');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const row = await screen.findByRole('listitem', { name: 'Endpoint https://hooks.example.com/b' });

    await user.click(within(row).getByRole('button', { name: 'Rotate secret' }));
    expect(await screen.findByRole('alert', { name: 'New signing secret' })).toHaveTextContent('whsec_secret2');

    await user.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(api.calls).toContainEqual(['PATCH', '/api/webhooks/endpoints/1', { enabled: false }]);

    await user.click(within(row).getByRole('button', { name: 'Deliveries' }));
    const failed = await screen.findByRole('row', { name: 'Delivery 5' });
    const pending = screen.getByRole('row', { name: 'Delivery 6' });
    expect(within(pending).queryByRole('button', { name: 'Redeliver' })).not.toBeInTheDocument();
    await user.click(within(failed).getByRole('button', { name: 'Redeliver' }));
    expect(api.calls).toContainEqual(['POST', '/api/webhooks/endpoints/1/deliveries/5/redeliver', undefined]);
  });
});
