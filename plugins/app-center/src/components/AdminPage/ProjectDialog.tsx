import { useState } from 'react';
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
import { CheckboxField, FieldErrors, FormField, namedOption } from '../common';
import { AdminFormDialog, useAdminForm } from './AdminFormDialog';

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

const HELP = {
  name: 'A DNS-1123 label, e.g. shop. Cannot be changed later.',
  title: 'Shown instead of the name',
};

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
  const form = useAdminForm('project', FIELDS, project, HELP);
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
      title: form.titleToSend,
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
      : await api.createProject({ name: form.name, ...body });
    onSaved(saved);
  };

  const instanceChoices = [...(argocdInstances ?? [])];
  if (instance && !instanceChoices.includes(instance)) {
    instanceChoices.push(instance);
  }

  let instanceHelp =
    'Name of an instance in appCenter.argocd.instances (the list could not be loaded)';
  if (argocdInstances) {
    instanceHelp = instanceChoices.length
      ? 'One of the instances in appCenter.argocd.instances'
      : 'No Argo CD instance is configured (appCenter.argocd.instances)';
  }

  // What the project delivers and where its manifests live: field, label, value, setter, help, required.
  const repoFields: Array<
    [string, string, string, (v: string) => void, string, boolean?]
  > = [
    [
      'description',
      'Description',
      description,
      setDescription,
      'What the project delivers',
    ],
    [
      'repo.url',
      'GitOps repository URL',
      repoUrl,
      setRepoUrl,
      'HTTPS clone URL, e.g. https://git.example.com/shop/deploy.git. Credentials live in the backend config.',
      true,
    ],
    [
      'repo.branch',
      'Branch',
      branch,
      setBranch,
      'The branch App Center commits to',
      true,
    ],
    [
      'repo.dir',
      'Folder',
      dir,
      setDir,
      'Folder inside the repository that holds the projects (empty for the root)',
    ],
  ];

  return (
    <AdminFormDialog {...{ form, validate, save, onClose }}>
      <FormField
        id="project-tenant"
        {...{ form, field: 'tenant', label: 'Tenant' }}
        value={tenant}
        onChange={setTenant}
        options={tenants.map(namedOption)}
        help="The tenant whose members work on this project"
        required
      />
      {repoFields.map(([field, label, value, onChange, help, required]) => (
        <FormField
          key={field}
          id={`project-${field.replace('.', '-')}`}
          {...{ form, field, label, value, onChange, help, required }}
          multiline={field === 'description'}
        />
      ))}
      <FormField
        id="project-argocd-instance"
        label="Argo CD instance"
        form={form}
        field="argocd.instance"
        value={instance}
        onChange={setInstance}
        // A select of the configured instances; a text field when the list could not be loaded.
        options={
          argocdInstances && instanceChoices.map(i => ({ value: i, label: i }))
        }
        help={instanceHelp}
        required
      />
      <FormField
        id="project-argocd-project"
        {...{ form, field: 'argocd.project', label: 'Argo CD project' }}
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
