import type { Project } from '@internal/plugin-app-center-common';
import { GitOpsLayout } from './GitOpsLayout';
import type { GitRepositoryCache } from './GitRepositoryCache';
import type { GitIdentity } from './types';
import type { ManifestValidator } from './yaml/ManifestValidator';

/** A project's GitOps repository location (DESIGN section 3). */
export interface ProjectRepository {
  project: string;
  url: string;
  branch: string;
  /** Folder inside the repository holding the projects ('' for the root). */
  dir?: string;
  /** Allow cluster-scoped kinds in this project's manifests. */
  allowClusterScoped?: boolean;
}

/** Who asks, and why: becomes author, message and trailer of the commit. */
export interface WriteContext {
  author: GitIdentity;
  taskId?: string;
  /** The user's own words, added as commit body (and as detail when short). */
  message?: string;
}

/** What the stores of the GitOps repository (templates, environment apps) share. */
export interface GitOpsStoreOptions {
  cache: GitRepositoryCache;
  validator?: ManifestValidator;
}

/** Where a project's manifests live: its GitOps repository, branch and folder, and the layout inside it. */
export function projectRepository(project: Project): {
  repo: ProjectRepository;
  layout: GitOpsLayout;
} {
  const repo: ProjectRepository = {
    project: project.name,
    url: project.repo.url,
    branch: project.repo.branch || 'main',
    dir: project.repo.dir,
    allowClusterScoped: project.allowClusterScoped,
  };
  return { repo, layout: new GitOpsLayout(project.name, project.repo.dir) };
}
