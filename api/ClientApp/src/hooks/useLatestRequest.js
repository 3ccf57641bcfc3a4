import { useCallback, useRef } from 'react';

/**
 * Wraps a request so only the answer to the most recent call is delivered: a slower answer to an
 * earlier filter or page never overwrites the current one.
 */
export function useLatestRequest() {
  const latest = useRef(0);
  return useCallback((request, onAnswer, onFailure) => {
    const ticket = ++latest.current;
    return request.then(
      (answer) => ticket === latest.current && onAnswer(answer),
      (failure) => ticket === latest.current && onFailure(failure),
    );
  }, []);
}
