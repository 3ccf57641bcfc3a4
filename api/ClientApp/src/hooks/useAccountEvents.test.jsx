import { render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAccountEvents } from './useAccountEvents.js';

function bodyOf(text, { end }) {
  const encoder = new TextEncoder();
  return {
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode(text));
        if (end) {
          controller.close();
        }
      },
    }),
  };
}

function Follower({ api, onEvent, onResync }) {
  const { live } = useAccountEvents(api, { onEvent, onResync });
  return <p>{live ? 'live' : 'down'}</p>;
}

describe('useAccountEvents', () => {
  it('reads the list again on ready and reset, hands on job events, and resumes after the last id when the stream drops', async () => {
    const calls = [];
    const api = {
      stream: vi.fn(async (path, signal, headers) => {
        calls.push({ path, headers });
        if (calls.length === 1) {
          return bodyOf('event: ready\nid: 100\ndata: {"latest":100}\n\nevent: submitted\nid: 101\ndata: {"jobId":7,"status":"queued"}\n\n', { end: true });
        }
        return bodyOf('event: reset\nid: 200\ndata: {"latest":200}\n\n', { end: false });
      }),
    };
    const onEvent = vi.fn();
    const onResync = vi.fn();

    const view = render(<Follower api={api} onEvent={onEvent} onResync={onResync} />);

    await waitFor(() => expect(calls).toHaveLength(2), { timeout: 5000 });
    expect(calls[0]).toEqual({ path: '/api/jobs/events', headers: {} });
    expect(calls[1].headers).toEqual({ 'Last-Event-ID': '101' });
    expect(onEvent).toHaveBeenCalledWith({ type: 'submitted', jobId: 7, status: 'queued' });
    await waitFor(() => expect(onResync).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(view.getByText('live')).toBeInTheDocument());
    view.unmount();
  });
});
