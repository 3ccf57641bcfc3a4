import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError.js';
import OrganisationKeys from './OrganisationKeys.jsx';

const Acme = 'a1a1a1a1-0000-0000-0000-000000000001';
const Globex = 'b2b2b2b2-0000-0000-0000-000000000002';
const KeyPath = (organizationId) => `/api/admin/organizations/${organizationId}/ideogram-key`;

function validation(field, message) {
  return new ApiError(400, { title: 'The key is invalid.', status: 400, errors: { [field]: [message] } });
}

/** The organisation-key admin API as the page sees it, kept in memory like the service (it never answers a key back); every call is recorded. */
function fakeApi({ keys = {}, usage = [] } = {}) {
  const calls = [];
  const stored = { ...keys };
  const info = (organizationId) => {
    const key = stored[organizationId];
    return key
      ? { organizationId, keyIdentity: `org:${organizationId}`, maxInflightImages: 10, ...key, lastFour: key.value?.slice(-4) ?? key.lastFour, value: undefined }
      : { organizationId, keyIdentity: 'service', status: 'none', maxInflightImages: 10 };
  };
  return {
    calls,
    get: async (path) => {
      calls.push(['GET', path]);
      if (path === '/api/admin/accounts') {
        return [
          { accountId: 'acc-1', organizationId: Acme, name: 'Acme Marketing' },
          { accountId: 'acc-2', organizationId: Acme, name: 'Acme Sales' },
          { accountId: 'acc-3', organizationId: Globex, name: 'Globex' },
        ];
      }
      if (path.startsWith('/api/admin/usage/provider-keys')) {
        return { organisations: usage, keyIdentities: [] };
      }
      return info(path.split('/')[4]);
    },
    put: async (path, body) => {
      calls.push(['PUT', path, body]);
      const organizationId = path.split('/')[4];
      if (path.endsWith('/limit')) {
        if (!(body.maxInflightImages >= 1)) throw validation('maxInflightImages', 'maxInflightImages must be a whole number from 1 to 10000.');
        stored[organizationId] = { status: 'none', ...stored[organizationId], maxInflightImages: body.maxInflightImages };
        return info(organizationId);
      }
      if (body.apiKey.includes(' ')) throw validation('apiKey', "apiKey must be the organisation's Ideogram API key: 8-512 characters without spaces.");
      stored[organizationId] = { ...stored[organizationId], status: 'active', value: body.apiKey, setAt: '2026-03-01T10:00:00Z', refusedAt: null, refusedReason: null };
      return info(organizationId);
    },
    delete: async (path) => {
      calls.push(['DELETE', path]);
      const organizationId = path.split('/')[4];
      if (!stored[organizationId]?.status || stored[organizationId].status === 'none') {
        throw new ApiError(404, { title: 'No such key.', detail: 'The organisation has no Ideogram key of its own (or does not exist).', status: 404 });
      }
      delete stored[organizationId];
      return null;
    },
  };
}

describe('OrganisationKeys', () => {
  it('lists organisations by their accounts and starts on the first, which uses the service key', async () => {
    render(<OrganisationKeys api={fakeApi()} />);

    expect(await screen.findByRole('option', { name: 'Acme Marketing, Acme Sales' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Globex' })).toBeInTheDocument();
    expect(await screen.findByTestId('organisation-key-description')).toHaveTextContent('No key of its own: its jobs use the service key');
    expect(screen.queryByRole('button', { name: 'Remove key' })).not.toBeInTheDocument();
  });

  it('saves a key through a write-only field that is cleared after saving, and shows only its last four', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<OrganisationKeys api={api} />);
    await screen.findByTestId('organisation-key-status');

    await user.type(screen.getByLabelText('Ideogram API key'), 'acme-own-ideogram-key-9876');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    expect(await screen.findByTestId('organisation-key-last-four')).toHaveTextContent('9876');
    expect(screen.getByTestId('organisation-key-description')).toHaveTextContent('Own key ending in 9876');
    expect(screen.getByLabelText('Ideogram API key')).toHaveValue('');
    expect(screen.getByLabelText('Ideogram API key')).toHaveAttribute('type', 'password');
    expect(document.body.innerHTML).not.toContain('acme-own-ideogram-key-9876');
    expect(api.calls).toContainEqual(['PUT', KeyPath(Acme), { apiKey: 'acme-own-ideogram-key-9876' }]);
    expect(screen.getByRole('button', { name: 'Replace key' })).toBeInTheDocument();
  });

  it('shows a refused key with when Ideogram refused it, then replaces and removes it', async () => {
    const api = fakeApi({ keys: { [Acme]: { status: 'refusedByIdeogram', lastFour: '1111', setAt: '2026-02-01T10:00:00Z', refusedAt: '2026-02-02T10:00:00Z', refusedReason: 'Ideogram answered 401.' } } });
    const user = userEvent.setup();
    render(<OrganisationKeys api={api} />);

    expect(await screen.findByTestId('organisation-key-description')).toHaveTextContent('refused by Ideogram');
    expect(screen.getByTestId('organisation-key-refused')).toHaveTextContent('Ideogram answered 401.');

    await user.type(screen.getByLabelText('Ideogram API key'), 'acme-second-key-2222');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(await screen.findByText('Own key ending in 2222')).toBeInTheDocument();
    expect(screen.queryByTestId('organisation-key-refused')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    expect(await screen.findByText('No key of its own: its jobs use the service key')).toBeInTheDocument();
    expect(api.calls).toContainEqual(['DELETE', KeyPath(Acme)]);
  });

  it('shows the problems the API names next to their fields and clears the refused key from the field', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<OrganisationKeys api={api} />);
    await screen.findByTestId('organisation-key-status');

    const keyForm = screen.getByRole('form', { name: 'Organisation key' });
    await user.type(within(keyForm).getByLabelText('Ideogram API key'), 'has spaces in it');
    await user.click(within(keyForm).getByRole('button', { name: 'Save key' }));
    expect(await within(keyForm).findByRole('alert')).toHaveTextContent("apiKey must be the organisation's Ideogram API key");
    expect(within(keyForm).getByLabelText('Ideogram API key')).toHaveValue('');

    const limitForm = screen.getByRole('form', { name: 'In-flight limit' });
    await user.clear(within(limitForm).getByLabelText('In-flight limit (images at once)'));
    await user.type(within(limitForm).getByLabelText('In-flight limit (images at once)'), '0');
    await user.click(within(limitForm).getByRole('button', { name: 'Save limit' }));
    expect(await within(limitForm).findByRole('alert')).toHaveTextContent('maxInflightImages must be a whole number from 1 to 10000.');
    expect(within(keyForm).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('changes the in-flight limit of the organisation chosen', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<OrganisationKeys api={api} />);
    await screen.findByTestId('organisation-key-status');

    await user.selectOptions(screen.getByLabelText('Organisation'), 'Globex');
    await screen.findByTestId('organisation-key-status');
    await user.clear(screen.getByLabelText('In-flight limit (images at once)'));
    await user.type(screen.getByLabelText('In-flight limit (images at once)'), '25');
    await user.click(screen.getByRole('button', { name: 'Save limit' }));

    expect(await screen.findByText('Limit saved.')).toBeInTheDocument();
    expect(screen.getByTestId('organisation-key-limit')).toHaveTextContent('25');
    expect(api.calls).toContainEqual(['PUT', `${KeyPath(Globex)}/limit`, { maxInflightImages: 25 }]);
  });

  it("shows the organisation's jobs and images by the key they ran on", async () => {
    const usage = [
      {
        organizationId: Acme,
        totals: { jobs: 5, completed: 4, failed: 1, cancelled: 0, images: 6 },
        byKeyIdentity: {
          [`org:${Acme}`]: { jobs: 3, completed: 3, failed: 0, cancelled: 0, images: 4 },
          service: { jobs: 2, completed: 1, failed: 1, cancelled: 0, images: 2 },
        },
      },
    ];
    const api = fakeApi({ usage });
    render(<OrganisationKeys api={api} />);

    const own = await screen.findByRole('row', { name: 'Own key' });
    expect(within(own).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['3', '3', '0', '0', '4']);
    const service = screen.getByRole('row', { name: 'Service key' });
    expect(within(service).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2', '1', '1', '0', '2']);
    expect(api.calls.some(([method, path]) => method === 'GET' && path.startsWith('/api/admin/usage/provider-keys?') && path.includes(`organizationId=${Acme}`))).toBe(true);
  });
});
