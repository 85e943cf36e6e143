import type { Project } from '@internal/plugin-app-center-common';
import { GitOpsLayout, ProjectRepository } from '../git';

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
