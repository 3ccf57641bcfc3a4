import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import JobWebhookSigning from './JobWebhookSigning.jsx';

/** The signing-secret and job-deliveries API as the panel sees it; every call is recorded. */
function fakeApi() {
  const calls = [];
  let secret = 'whsec_first';
  let previousSecretUntil = null;
  return {
    calls,
    get: async (path) => {
      calls.push(['GET', path]);
      if (path === '/api/webhooks/signing-secret') return { secret, previousSecretUntil };
      return [
        { deliveryId: 7, jobId: 42, url: 'https://hooks.example.com/job', eventType: 'job.completed', status: 'failed', attempts: 9, lastResponseCode: 500 },
        { deliveryId: 8, jobId: 43, url: 'https://hooks.example.com/job', eventType: 'job.failed', status: 'pending', attempts: 1, lastResponseCode: 503 },
      ];
    },
    post: async (path) => {
      calls.push(['POST', path]);
      if (path === '/api/webhooks/signing-secret/rotate') {
        secret = 'whsec_second';
        previousSecretUntil = '2026-01-02T00:00:00Z';
        return { secret, previousSecretUntil };
      }
      return null;
    },
  };
}

describe('JobWebhookSigning', () => {
  it('fetches nothing until asked, then reveals the secret and hides it again', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<JobWebhookSigning api={api} />);
    expect(api.calls).toEqual([]);
    expect(screen.queryByText('whsec_first')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reveal signing secret' }));
    expect(await screen.findByText('whsec_first')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByText('whsec_first')).not.toBeInTheDocument();
  });

  it('rotates the secret and says until when the old one still signs', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<JobWebhookSigning api={api} />);

    await user.click(screen.getByRole('button', { name: 'Rotate signing secret' }));

    const shown = await screen.findByLabelText('Signing secret');
    expect(shown).toHaveTextContent('whsec_second');
    expect(shown).toHaveTextContent('The previous secret also signs until');
    expect(api.calls).toContainEqual(['POST', '/api/webhooks/signing-secret/rotate']);
  });

  it('lists job deliveries and redelivers a failed one but not a pending one', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<JobWebhookSigning api={api} />);

    await user.click(screen.getByRole('button', { name: 'Job deliveries' }));
    const failed = await screen.findByRole('row', { name: 'Job delivery 7' });
    const pending = screen.getByRole('row', { name: 'Job delivery 8' });
    expect(failed).toHaveTextContent('https://hooks.example.com/job');
    expect(within(pending).queryByRole('button', { name: 'Redeliver' })).not.toBeInTheDocument();

    await user.click(within(failed).getByRole('button', { name: 'Redeliver' }));
    expect(api.calls).toContainEqual(['POST', '/api/webhooks/job-deliveries/7/redeliver']);
  });
});
