import { useState } from 'react';
import { errorMessage } from './errors';

/**
 * One action at a time, e.g. behind a button: `busy` while it runs (to disable the button), and a
 * failure handed to `onError` instead of escaping.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const run = async (
    action: () => Promise<void>,
    onError: (error: unknown) => void,
  ) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/**
 * A busy action whose failure is shown next to it: `error` is the message of the last failure (cleared
 * when the action runs again); `then` runs only after the action succeeded.
 */
export function useReportedAction() {
  const { busy, run } = useBusyAction();
  const [error, setError] = useState<string>();
  const act = (action: () => Promise<unknown>, then: () => void) => {
    setError(undefined);
    return run(
      async () => {
        await action();
        then();
      },
      e => setError(errorMessage(e)),
    );
  };
  return { busy, error, act };
}
