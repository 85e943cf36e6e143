/** The one manifest editor of the plugin, for templates and for apps in an environment. */
export { ManifestEditor } from './ManifestEditor';
export type { ManifestStore } from './useManifestDraft';
export type { LoadedFiles } from './draft';
