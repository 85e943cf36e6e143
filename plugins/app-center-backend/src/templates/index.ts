// Project templates (DESIGN.md section 3, `templates/<app>/`): the store, summaries, starters, drift against
// environment copies and the service that checks access and input before each of them.
export { TemplateStore } from './TemplateStore';
export type { TemplateStoreOptions } from './TemplateStore';
export { TemplateSummaryCache } from './TemplateSummaryCache';
export type { TemplateSummary } from './TemplateSummaryCache';
export { TemplateDrift } from './TemplateDrift';
export type { DriftFile, EnvironmentDrift } from './TemplateDrift';
export { starterManifests } from './starterManifests';
export type { StarterInput } from './starterManifests';
export { TemplateService } from './TemplateService';
