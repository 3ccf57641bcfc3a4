import { useEffect, useRef, useState } from 'react';
import { readServerSentEvents } from '../api/serverSentEvents.js';

const FirstRetryMs = 1000;
const LongestRetryMs = 30000;

/**
 * Follows GET /api/jobs/events, the live stream of every job of the account. onResync() runs when the
 * stream starts afresh ("ready") or says events were lost ("reset"): read the list again. onEvent(event)
 * runs for each job event (type: submitted, status, progress or image). A dropped stream reconnects with
 * Last-Event-ID after a growing pause; `live` is false meanwhile, so the caller may poll slowly instead.
 */
export function useAccountEvents(api, { onEvent, onResync }) {
  const [live, setLive] = useState(false);
  const handlers = useRef({ onEvent, onResync });
  handlers.current = { onEvent, onResync };

  useEffect(() => {
    const abort = new AbortController();
    let lastEventId = null;
    let pause = FirstRetryMs;

    (async () => {
      while (!abort.signal.aborted) {
        try {
          const response = await api.stream('/api/jobs/events', abort.signal, lastEventId ? { 'Last-Event-ID': lastEventId } : {});
          setLive(true);
          pause = FirstRetryMs;
          await readServerSentEvents(response, ({ type, id, data }) => {
            if (id) {
              lastEventId = id;
            }
            if (type === 'ready' || type === 'reset') {
              handlers.current.onResync?.();
            } else {
              handlers.current.onEvent?.({ type, ...data });
            }
          });
        } catch {
          // Aborted, or the stream failed: either way the loop decides below.
        }
        if (abort.signal.aborted) {
          return;
        }
        setLive(false);
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, LongestRetryMs);
      }
    })();
    return () => abort.abort();
  }, [api]);

  return { live };
}
