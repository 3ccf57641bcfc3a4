import { useEffect } from 'react';
import { useAccountEvents } from './useAccountEvents.js';
import { useDebouncedCallback } from './useDebouncedCallback.js';

/** How often a list is read again while the account's event stream is down. */
export const FallbackRefreshMs = 15000;

const ReloadAfterEventMs = 300;

/**
 * Loads a list and keeps it current from the account's event stream: onEvent(event, reloadSoon) decides
 * what an event changes (reloadSoon reads the list again, once for a burst of events), a fresh or reset
 * stream reads it again, and only while the stream is down is the list polled, slowly. Returns whether
 * the stream is live.
 */
export function useLiveList(api, load, onEvent) {
  const reloadSoon = useDebouncedCallback(load, ReloadAfterEventMs);
  const { live } = useAccountEvents(api, {
    onResync: reloadSoon,
    onEvent: (event) => onEvent(event, reloadSoon),
  });

  useEffect(() => {
    load();
    if (live) {
      return undefined;
    }
    const timer = setInterval(load, FallbackRefreshMs);
    return () => clearInterval(timer);
  }, [load, live]);

  return live;
}
