import { useCallback, useEffect, useRef } from 'react';

/** Calls the latest `callback` once, `delayMs` after the last of a burst of calls (a burst of job events, one reload). */
export function useDebouncedCallback(callback, delayMs) {
  const latest = useRef(callback);
  const timer = useRef(null);
  latest.current = callback;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  }, [delayMs]);
}
