import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import type { ImageTag } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';

interface TagsState {
  items: ImageTag[];
  nextCursor?: string;
  total?: number;
  loading: boolean;
  error?: Error;
}

/**
 * The registry's tags of an image, newest first, filtered by `q` (debounced); `loadMore` fetches the
 * next page. Nothing is fetched while `enabled` is false (e.g. until the picker is opened).
 */
export function useImageTags(image: string, q: string, enabled: boolean) {
  const api = useApi(appCenterApiRef);
  const [state, setState] = useState<TagsState>({ items: [], loading: false });

  useEffect(() => {
    if (!enabled) return undefined;
    let stale = false;
    setState(s => ({ ...s, loading: true, error: undefined }));
    const timer = setTimeout(
      async () => {
        try {
          const page = await api.listImageTags(image, { q: q || undefined });
          if (!stale) {
            setState({
              items: page.items,
              nextCursor: page.nextCursor,
              total: page.total,
              loading: false,
            });
          }
        } catch (error) {
          if (!stale) {
            setState({ items: [], loading: false, error: error as Error });
          }
        }
      },
      q ? 250 : 0,
    );
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, image, q, enabled]);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor) return;
    setState(s => ({ ...s, loading: true }));
    try {
      const page = await api.listImageTags(image, {
        q: q || undefined,
        cursor,
      });
      setState(s => ({
        items: [...s.items, ...page.items],
        nextCursor: page.nextCursor,
        total: page.total,
        loading: false,
      }));
    } catch (error) {
      setState(s => ({ ...s, loading: false, error: error as Error }));
    }
  }, [api, image, q, state.nextCursor]);

  return { ...state, loadMore };
}
