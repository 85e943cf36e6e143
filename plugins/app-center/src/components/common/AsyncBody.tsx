import type { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';

/**
 * What a read shows: progress on the first load, the error, what to say when it found nothing, or the
 * content. While it reloads, the last content stays.
 */
export function AsyncBody<T>(props: {
  state: { loading: boolean; error?: Error; value?: T };
  /** Whether the value holds nothing to show; an empty list by default. */
  isEmpty?: (value: T) => boolean;
  empty: ReactNode;
  children: (value: T) => ReactNode;
}) {
  const { state } = props;
  const isEmpty =
    props.isEmpty ?? ((v: T) => Array.isArray(v) && v.length === 0);
  if (state.loading && state.value === undefined) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (state.value === undefined || isEmpty(state.value))
    return <>{props.empty}</>;
  return <>{props.children(state.value)}</>;
}
