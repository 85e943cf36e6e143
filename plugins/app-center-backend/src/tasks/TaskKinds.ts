import { InputError } from '@backstage/errors';
import type { z } from 'zod';
import type { TaskKind } from './types';

/** `apps.0.images: give 1 to 20 images; message: expected string` */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(i => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The task kinds this backend runs: App Center's own and those backend modules add through
 * `appCenterTaskKindsExtensionPoint`. A name is taken once.
 */
export class TaskKinds {
  private readonly kinds = new Map<string, TaskKind<any>>();

  constructor(kinds: TaskKind<any>[] = []) {
    this.add(...kinds);
  }

  add(...kinds: TaskKind<any>[]): void {
    for (const kind of kinds) {
      if (this.kinds.has(kind.kind))
        throw new Error(`the task kind "${kind.kind}" is registered twice`);
      this.kinds.set(kind.kind, kind);
    }
  }

  get(name: string): TaskKind<any> | undefined {
    return this.kinds.get(name);
  }

  /** The kind of a request; 400 when nobody registered it. */
  require(name: string): TaskKind<any> {
    const kind = this.kinds.get(name);
    if (!kind) {
      throw new InputError(
        `unknown task kind "${name}"; this backend runs ${[...this.kinds.keys()]
          .sort()
          .join(', ')}`,
      );
    }
    return kind;
  }

  names(): string[] {
    return [...this.kinds.keys()];
  }
}
