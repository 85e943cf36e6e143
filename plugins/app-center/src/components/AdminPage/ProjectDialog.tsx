import { useState } from 'react';
import MenuItem from '@material-ui/core/MenuItem';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Project,
  ProjectUpdate,
  Tenant,
  checkBranch,
  checkRepoDir,
  checkRepoUrl,
  checkSubdomain,
} from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import {
  CheckboxField,
  FieldErrors,
  FormField,
  useFormSubmit,
} from '../common';
import { AdminFormDialog, useNameAndTitle } from './AdminFormDialog';

const FIELDS = [
  'name',
  'tenant',
  'title',
  'description',
  'repo.url',
  'repo.branch',
  'repo.dir',
  'argocd.instance',
  'argocd.project',
  'allowClusterScoped',
] as const;

/** Create a project, or edit one (`project` given). */
export const ProjectDialog = (props: {
  project?: Project;
  tenants: Tenant[];
  /** Argo CD instance names from the backend's config; undefined when they could not be loaded. */
  argocdInstances?: string[];
  /** Preselected tenant for a new project. */
  defaultTenant?: string;
  onClose(): void;
  onSaved(project: Project): void;
}) => {
  const { project, tenants, argocdInstances, onClose, onSaved } = props;
  const api = useApi(appCenterApiRef);
  const names = useNameAndTitle(project);
  const [tenant, setTenant] = useState(
    project?.tenant ??
      props.defaultTenant ??
      (tenants.length === 1 ? tenants[0].name : ''),
  );
  const [description, setDescription] = useState(project?.description ?? '');
  const [repoUrl, setRepoUrl] = useState(project?.repo.url ?? '');
  const [branch, setBranch] = useState(project?.repo.branch ?? 'main');
  const [dir, setDir] = useState(project?.repo.dir ?? '');
  const [instance, setInstance] = useState(
    project?.argocd.instance ??
      (argocdInstances?.length === 1 ? argocdInstances[0] : ''),
  );
  const [argoProject, setArgoProject] = useState(
    project?.argocd.project ?? 'default',
  );
  const [allowClusterScoped, setAllowClusterScoped] = useState(
    project?.allowClusterScoped ?? false,
  );
  const form = useFormSubmit(FIELDS);
  const { errors } = form;

  const validate = (): FieldErrors => ({
    tenant: tenant
      ? undefined
      : 'tenant is required: pick the tenant that owns the project',
    'repo.url': checkRepoUrl(repoUrl.trim()),
    'repo.branch': checkBranch(branch.trim()),
    'repo.dir': checkRepoDir(dir.trim()),
    'argocd.instance': instance
      ? undefined
      : 'argocd.instance is required: pick the Argo CD instance that deploys this project',
    'argocd.project': argoProject.trim()
      ? checkSubdomain(argoProject.trim(), 'argocd.project')
      : undefined,
  });

  const save = async () => {
    const body: ProjectUpdate = {
      tenant,
      title: names.titleToSend,
      description: description.trim() || undefined,
      repo: {
        url: repoUrl.trim(),
        branch: branch.trim(),
        dir: dir.trim() || undefined,
      },
      argocd: {
        instance,
        project: argoProject.trim() || undefined,
      },
      allowClusterScoped,
    };
    const saved = project
      ? await api.updateProject(project.name, body)
      : await api.createProject({ name: names.name, ...body });
    onSaved(saved);
  };

  const instanceChoices = [...(argocdInstances ?? [])];
  if (instance && !instanceChoices.includes(instance)) {
    instanceChoices.push(instance);
  }

  return (
    <AdminFormDialog
      kind="project"
      title={project ? `Edit project ${project.name}` : 'Create project'}
      form={form}
      names={names}
      nameHelp="A DNS-1123 label, e.g. shop. Cannot be changed later."
      titleHelp="Shown instead of the name"
      validate={validate}
      save={save}
      onClose={onClose}
    >
      <FormField
        id="project-tenant"
        select
        label="Tenant"
        form={form}
        field="tenant"
        value={tenant}
        onChange={setTenant}
        help="The tenant whose members work on this project"
        required
      >
        {tenants.map(t => (
          <MenuItem key={t.name} value={t.name}>
            {t.title && t.title !== t.name ? `${t.title} (${t.name})` : t.name}
          </MenuItem>
        ))}
      </FormField>
      <FormField
        id="project-description"
        form={form}
        field="description"
        label="Description"
        value={description}
        onChange={setDescription}
        help="What the project delivers"
        multiline
      />
      <FormField
        id="project-repo-url"
        form={form}
        field="repo.url"
        label="GitOps repository URL"
        value={repoUrl}
        onChange={setRepoUrl}
        help="HTTPS clone URL, e.g. https://git.example.com/shop/deploy.git. Credentials live in the backend config."
        required
      />
      <FormField
        id="project-repo-branch"
        form={form}
        field="repo.branch"
        label="Branch"
        value={branch}
        onChange={setBranch}
        help="The branch App Center commits to"
        required
      />
      <FormField
        id="project-repo-dir"
        form={form}
        field="repo.dir"
        label="Folder"
        value={dir}
        onChange={setDir}
        help="Folder inside the repository that holds the projects (empty for the root)"
      />
      {argocdInstances ? (
        <FormField
          id="project-argocd-instance"
          select
          label="Argo CD instance"
          form={form}
          field="argocd.instance"
          value={instance}
          onChange={setInstance}
          help={
            instanceChoices.length
              ? 'One of the instances in appCenter.argocd.instances'
              : 'No Argo CD instance is configured (appCenter.argocd.instances)'
          }
          required
        >
          {instanceChoices.map(i => (
            <MenuItem key={i} value={i}>
              {i}
            </MenuItem>
          ))}
        </FormField>
      ) : (
        <FormField
          id="project-argocd-instance"
          form={form}
          field="argocd.instance"
          label="Argo CD instance"
          value={instance}
          onChange={setInstance}
          help="Name of an instance in appCenter.argocd.instances (the list could not be loaded)"
          required
        />
      )}
      <FormField
        id="project-argocd-project"
        form={form}
        field="argocd.project"
        label="Argo CD project"
        value={argoProject}
        onChange={setArgoProject}
        help="The Argo CD AppProject the applications belong to"
      />
      <CheckboxField
        checked={allowClusterScoped}
        onChange={setAllowClusterScoped}
        label="Allow cluster-scoped resources"
        error={errors.allowClusterScoped}
        help="Whether manifests may hold Namespaces, ClusterRoles and other cluster-scoped kinds"
      />
    </AdminFormDialog>
  );
};
