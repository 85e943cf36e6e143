import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  APP_ANNOTATION,
  parseAppAnnotation,
} from '@internal/plugin-app-center-common';

/** The full ref of an entity reference as the Deployments tab passes it (kind Component by default). */
export function normalizeEntityRef(entityRef: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(entityRef, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `entityRef "${entityRef}" is not an entity reference: ${
        (error as Error).message
      }`,
    );
  }
}

/** The project and app an entity's `app-center.io/app` annotation names; 400 saying how to fix it. */
export function appOfEntity(
  ref: string,
  annotation: string | undefined,
): { project: string; app: string } {
  if (!annotation) {
    throw new InputError(
      `${ref} has no ${APP_ANNOTATION} annotation; add "${APP_ANNOTATION}: <project>/<app>" to its catalog-info.yaml`,
    );
  }
  const match = parseAppAnnotation(annotation);
  if (!match) {
    throw new InputError(
      `${ref} has ${APP_ANNOTATION}: "${annotation}", which is not "<project>/<app>" (two DNS labels)`,
    );
  }
  return match;
}
