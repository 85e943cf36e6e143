import { isDnsLabel } from './validation';

/**
 * `<project>/<app>` from a Component's `app-center.io/app` annotation (both DNS-1123 labels, surrounding
 * spaces ignored), or undefined when it is not that. @public
 */
export function parseAppAnnotation(
  value: string | undefined,
): { project: string; app: string } | undefined {
  const parts = (value ?? '').trim().split('/');
  if (parts.length !== 2 || !parts.every(isDnsLabel)) return undefined;
  return { project: parts[0], app: parts[1] };
}
