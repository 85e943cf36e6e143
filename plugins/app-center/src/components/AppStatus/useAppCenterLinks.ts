import { useRouteRef } from '@backstage/frontend-plugin-api';
import { environmentAppRouteRef, environmentRouteRef } from '../../routes';

const enc = encodeURIComponent;

/**
 * Links to the environment page and the environment app page. In an app that has not mounted the App
 * Center page (or a legacy app that routes it by hand) they fall back to the default paths.
 */
export function useAppCenterLinks() {
  let envLink: ((p: { project: string; env: string }) => string) | undefined;
  let appLink:
    | ((p: { project: string; env: string; app: string }) => string)
    | undefined;
  try {
    envLink = useRouteRef(environmentRouteRef);
    appLink = useRouteRef(environmentAppRouteRef);
  } catch {
    // no route resolution here: use the default paths
  }
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
