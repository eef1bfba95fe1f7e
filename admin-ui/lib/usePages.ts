'use client';
// A list read page by page ({items, nextCursor}): the first page loads when the deps change, "Load more" appends
// the next one. The page draws the loading, error and empty states from what this returns.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from './types';

export function usePages<T>(load: (cursor: string | null) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const read = useCallback(load, deps);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setMore({ loading: false, error: null });
    read(null).then(page => {
      if (mine !== generation.current) return;
      setItems(page.items);
      setNext(page.nextCursor);
    }, err => { if (mine === generation.current) setError(err); })
      .finally(() => { if (mine === generation.current) setLoading(false); });
  }, [read]);
  useEffect(reload, [reload]);

  const loadMore = useCallback(async () => {
    const mine = generation.current;
    setMore({ loading: true, error: null });
    try {
      const page = await read(next);
      if (mine !== generation.current) return;
      setItems(old => [...old, ...page.items]);
      setNext(page.nextCursor);
      setMore({ loading: false, error: null });
    } catch (err) {
      if (mine === generation.current) setMore({ loading: false, error: err });
    }
  }, [read, next]);

  return { items, next, loading, error, reload, loadMore, more, setItems };
}
