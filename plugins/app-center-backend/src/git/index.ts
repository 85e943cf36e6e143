// Repository infrastructure: working clones and their cache, transport, commits and their messages,
// credentials and commit authors, the GitOps folder layout, path safety and YAML editing. What lives in
// the folders (templates, environment apps) is in templates/ and environmentApps/.
export {
  GitRepositoryCache,
  type GitRepositoryCacheOptions,
  type GitRepositoryRef,
} from './GitRepositoryCache';
export { GitUpstreamError } from './GitUpstreamError';
export * from './conflicts';
export { formatCommitMessage, type CommitMessageParts } from './commitMessage';
export { commitTrailers, type GitCommitInfo } from './commitLog';
export { redactSecrets, redactUrl } from './redact';
export { GitOpsLayout, assertDnsLabel } from './GitOpsLayout';
export { PathPolicy } from './PathPolicy';
export type { AppFile, AppFilesEdit } from './appFiles';
export { ImageReference } from './yaml/ImageReference';
export * from './yaml/ManifestEditor';
export * from './yaml/ManifestValidator';
export * from './yaml/ManifestValidationError';
export type * from './types';
export * from './projectRepository';
export { createGitRepositoryCache, readGitOpsConfig } from './gitOpsConfig';
export { CommitAuthors } from './CommitAuthors';
