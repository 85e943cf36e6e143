import { useState } from 'react';

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
