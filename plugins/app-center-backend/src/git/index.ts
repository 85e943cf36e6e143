// Repository infrastructure: working clones and their cache, transport, commits and their messages,
// credentials and commit authors, the GitOps folder layout, path safety and YAML editing. What lives in
// the folders (templates, environment apps) is in templates/ and environmentApps/.
export { GitRepositoryCache } from './GitRepositoryCache';
export type {
  GitRepositoryCacheOptions,
  GitRepositoryRef,
} from './GitRepositoryCache';
export { GitUpstreamError } from './GitUpstreamError';
export {
  BranchContentionError,
  MergeConflictError,
  RevisionConflictError,
} from './conflicts';
export { formatCommitMessage } from './commitMessage';
export { commitTrailers } from './commitLog';
export type { GitCommitInfo } from './commitLog';
export type { CommitMessageParts } from './commitMessage';
export { redactSecrets, redactUrl } from './redact';
export { GitOpsLayout, assertDnsLabel } from './GitOpsLayout';
export { PathPolicy } from './PathPolicy';
export type { AppFile, AppFilesEdit } from './appFiles';
export { ImageReference } from './yaml/ImageReference';
export { ManifestEditor } from './yaml/ManifestEditor';
export type {
  ImageUpdate,
  ImageChange,
  ContainerImage,
} from './yaml/ManifestEditor';
export { ManifestValidator } from './yaml/ManifestValidator';
export type { ManifestValidationContext } from './yaml/ManifestValidator';
export { ManifestValidationError } from './yaml/ManifestValidationError';
export type { ManifestIssue } from './yaml/ManifestValidationError';
export type * from './types';
export { projectRepository } from './projectRepository';
export type {
  ProjectRepository,
  WriteContext,
  GitOpsStoreOptions,
} from './projectRepository';
export { createGitRepositoryCache, readGitOpsConfig } from './gitOpsConfig';
export { CommitAuthors } from './CommitAuthors';
