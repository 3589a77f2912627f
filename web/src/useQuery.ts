import { useCallback, useEffect, useState } from 'react';
import { gql } from './api';

/** Run a GraphQL query when its inputs change; loading, error and retry included. */
export function useQuery<T>(query: string, variables: Record<string, unknown> | null) {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: !!variables });
  const key = variables ? JSON.stringify(variables) : null;
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    gql<T>(query, JSON.parse(key)).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: Error) => live && setState({ data: null, error: err.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [query, key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
