export { TemplateTab, TemplateContent } from './TemplateTab';
export { ProjectTemplatesTab, ProjectTemplatesTable } from './ProjectTemplates';
