import type { AutoscalingInput } from '@internal/plugin-app-center-common';
import { InputError, NotFoundError } from '@backstage/errors';
import type { GitChanges, GitTreeView } from '../git';
import { ImageReference, ManifestEditor, ManifestValidator } from '../git';
import { planAppEdit, readExistingAppFiles } from '../git/appFiles';
import type { EnvironmentTarget } from './targets';
import {
  assertNotAutoscaled,
  autoscalersOf,
  hpaPathFor,
  manifestObjects,
  pickWorkload,
  renderHpa,
} from './workloads';

/** New tags (or digests) for some images of one app. */
export interface AppImages {
  app: string;
  images: Array<{ image: string; tag?: string; digest?: string }>;
}

const validator = new ManifestValidator();

async function appFiles(
  view: GitTreeView,
  target: EnvironmentTarget,
  app: string,
) {
  return readExistingAppFiles(
    view,
    target.dirOf(app),
    `${app} in environment ${target.env.name}`,
  );
}

function plan(
  target: EnvironmentTarget,
  app: string,
  existing: Awaited<ReturnType<typeof appFiles>>,
  edit: Parameters<typeof planAppEdit>[2],
) {
  return planAppEdit(target.dirOf(app), existing, edit, validator, {
    namespace: target.env.destination.namespace,
    allowClusterScoped: target.repo.allowClusterScoped,
  });
}

/** One write for many apps: every container of each app whose image repository matches gets the new tag. */
export async function imageChanges(
  view: GitTreeView,
  target: EnvironmentTarget,
  apps: AppImages[],
): Promise<GitChanges> {
  const out: Required<Pick<GitChanges, 'files' | 'deleted'>> = {
    files: [],
    deleted: [],
  };
  for (const { app, images } of apps) {
    const existing = await appFiles(view, target, app);
    const wanted = images.map(i => ImageReference.parse(i.image));
    const used = new Set<number>();
    const changed = existing.flatMap(f => {
      const editor = new ManifestEditor(f.path, f.content);
      for (const found of editor.listImages()) {
        const parsed = ImageReference.tryParse(found.image);
        if (parsed.ok)
          wanted.forEach(
            (w, n) => w.sameRepository(parsed.value) && used.add(n),
          );
      }
      return editor.updateImages(images).length
        ? [{ path: f.path, content: editor.text }]
        : [];
    });
    const missing = images.filter((_, n) => !used.has(n)).map(i => i.image);
    if (missing.length)
      throw new InputError(
        `no container of ${app} in ${target.env.name} uses ${missing.join(
          ', ',
        )}`,
      );
    const p = plan(target, app, existing, { files: changed });
    out.files.push(...p.files);
    out.deleted.push(...p.deleted);
  }
  return out;
}

/** The app's files, their objects and the workload an edit is about. */
type AppWorkload = {
  existing: Awaited<ReturnType<typeof appFiles>>;
  objects: ReturnType<typeof manifestObjects>;
  workload: ReturnType<typeof pickWorkload>;
};

/**
 * A change to one workload of the app (named by `input.workload`, or the app's only one): the workload is
 * found once here, in the app's files at the view, and `edit` plans the change to it.
 */
function workloadEdit<Input extends { workload?: string }>(
  edit: (
    found: AppWorkload,
    at: { target: EnvironmentTarget; app: string },
    input: Input,
  ) => GitChanges,
) {
  return async (
    view: GitTreeView,
    target: EnvironmentTarget,
    app: string,
    input: Input,
  ): Promise<GitChanges> => {
    const existing = await appFiles(view, target, app);
    const objects = manifestObjects(existing);
    const workload = pickWorkload(objects, app, input.workload);
    return edit({ existing, objects, workload }, { target, app }, input);
  };
}

/** Sets the replicas of the app's workload (the Rollout, not a Deployment it took over); 409 under an autoscaler. */
export const replicaChanges = workloadEdit<{
  replicas: number;
  workload?: string;
}>(({ existing, objects, workload }, { target, app }, { replicas }) => {
  assertNotAutoscaled(objects, workload, app);
  const file = existing.find(f => f.path === workload.file)!;
  const editor = new ManifestEditor(file.path, file.content);
  editor.setScalar(
    { kind: workload.kind, name: workload.name },
    ['spec', 'replicas'],
    replicas,
  );
  if (editor.text === file.content) return {};
  return plan(target, app, existing, {
    files: [{ path: file.path, content: editor.text }],
  });
});

/** Writes (or rewrites) the autoscaler of the app's workload in `hpa.yaml` next to it. */
export const autoscalerChanges = workloadEdit<
  AutoscalingInput & { workload?: string }
>(({ existing, objects, workload }, { target, app }, input) => {
  const path = hpaPathFor(workload);
  const elsewhere = autoscalersOf(objects, workload).find(h => h.file !== path);
  if (elsewhere) {
    throw new InputError(
      `${workload.kind} ${workload.name} of ${app} already has the autoscaler ${elsewhere.name} in ${elsewhere.file}; edit that file under Manifests, or remove it first`,
    );
  }
  const content = renderHpa(workload, input);
  if (existing.find(f => f.path === path)?.content === content) return {};
  return plan(target, app, existing, { files: [{ path, content }] });
});

/** Deletes the autoscaler file(s) of the app's workload; 404 when it has none. */
export const autoscalerRemoval = workloadEdit<{ workload?: string }>(
  ({ existing, objects, workload }, { target, app }) => {
    const hpas = autoscalersOf(objects, workload);
    if (!hpas.length)
      throw new NotFoundError(
        `${workload.kind} ${workload.name} of ${app} has no autoscaler`,
      );
    const files = [...new Set(hpas.map(h => h.file))];
    const shared = files.filter(f =>
      objects.some(o => o.file === f && !hpas.includes(o)),
    );
    if (shared.length) {
      throw new InputError(
        `the autoscaler of ${workload.name} shares ${shared.join(
          ', ',
        )} with other objects; remove it there under Manifests`,
      );
    }
    return plan(target, app, existing, { deleted: files });
  },
);

/** An app folder's files at one revision (every file, the provenance included). */
export interface FolderSnapshot {
  revision: string;
  files: Array<{ path: string; oid: string; content: string }>;
}

/** Reads the app's folder at a revision (a view of that commit); 400 when the app had no folder then. */
export async function snapshotFolder(
  old: GitTreeView,
  target: EnvironmentTarget,
  app: string,
): Promise<FolderSnapshot> {
  const entries = (
    await old.list(target.dirOf(app), { recursive: true })
  ).filter(e => e.type !== 'directory');
  if (!entries.length)
    throw new InputError(
      `${app} had no folder in ${target.env.name} at revision ${old.revision}`,
    );
  const files: FolderSnapshot['files'] = [];
  for (const e of entries) {
    if (e.type !== 'file' && e.type !== 'executable') {
      throw new InputError(
        `${e.path} at revision ${old.revision} is a ${e.type}; App Center restores plain files only`,
      );
    }
    files.push({
      path: e.path,
      oid: e.oid,
      content: (await old.readFile(e.path)) ?? '',
    });
  }
  return { revision: old.revision, files };
}

/**
 * The app folder exactly as it was in the snapshot: files changed since are written back, files added since
 * are deleted, files deleted since are restored.
 */
export async function restoreChanges(
  view: GitTreeView,
  old: FolderSnapshot,
  target: EnvironmentTarget,
  app: string,
): Promise<GitChanges> {
  const now = (await view.list(target.dirOf(app), { recursive: true })).filter(
    e => e.type !== 'directory',
  );
  const current = new Map(now.map(e => [e.path, e.oid]));
  const kept = new Set(old.files.map(f => f.path));
  return {
    files: old.files
      .filter(f => current.get(f.path) !== f.oid)
      .map(f => ({ path: f.path, content: f.content })),
    deleted: now.filter(e => !kept.has(e.path)).map(e => e.path),
  };
}
