import { buildResourceTree } from './resourceTree';
import type { AppLocation } from './ResourceService';
import type { EventStream } from './eventStream';

/**
 * Forwards Argo CD's resource tree watch as `tree` events until the client leaves. Each tree is nested with
 * the Application's current sync and health (read again with each tree, as the watch carries neither).
 * Argo CD sends the whole tree first, so a reconnecting client misses nothing.
 */
export async function forwardTreeStream(
  { target, application }: AppLocation,
  stream: EventStream,
): Promise<void> {
  const options = { project: target.appProject, signal: stream.signal };
  try {
    for await (const tree of target.argocd.watchResourceTree(
      application,
      options,
    )) {
      const app = await target.argocd.getApplication(application, {
        project: target.appProject,
      });
      await stream.send('tree', buildResourceTree(app, tree));
    }
    if (!stream.signal.aborted)
      await stream.send('end', { message: 'the application was deleted' });
  } catch (error) {
    if (!stream.signal.aborted)
      await stream.send('error', { message: (error as Error).message });
  } finally {
    stream.end();
  }
}
