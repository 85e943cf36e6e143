import {
  routeResolutionApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import { environmentAppRouteRef, environmentRouteRef } from '../../routes';

const enc = encodeURIComponent;

/** Resolves a route ref to a path, or undefined where the app cannot (e.g. a legacy app). */
function resolver<P extends { [key: string]: string }>(
  api: { resolve(ref: any): ((params: P) => string) | undefined } | undefined,
  ref: unknown,
): ((params: P) => string) | undefined {
  try {
    return api?.resolve(ref);
  } catch {
    return undefined;
  }
}

/**
 * Links to the environment page and the environment app page. In an app that has not mounted the App
 * Center page (or a legacy app that routes it by hand) they fall back to the default paths.
 */
export function useAppCenterLinks() {
  const routes = useApiHolder().get(routeResolutionApiRef) as any;
  const envLink = resolver<{ project: string; env: string }>(
    routes,
    environmentRouteRef,
  );
  const appLink = resolver<{ project: string; env: string; app: string }>(
    routes,
    environmentAppRouteRef,
  );
  return {
    environment(project: string, env: string): string {
      return (
        envLink?.({ project, env }) ??
        `/app-center/projects/${enc(project)}/environments/${enc(env)}`
      );
    },
    app(project: string, env: string, app: string): string {
      return (
        appLink?.({ project, env, app }) ??
        `/app-center/projects/${enc(project)}/environments/${enc(
          env,
        )}/apps/${enc(app)}`
      );
    },
  };
}
