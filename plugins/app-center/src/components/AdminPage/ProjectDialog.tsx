import { useState } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Project,
  ProjectUpdate,
  Tenant,
  checkBranch,
  checkName,
  checkRepoDir,
  checkRepoUrl,
  checkSubdomain,
  checkTitle,
} from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { FieldErrors, FormDialog, useFormSubmit } from '../common';

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
  const [name, setName] = useState(project?.name ?? '');
  const [tenant, setTenant] = useState(
    project?.tenant ??
      props.defaultTenant ??
      (tenants.length === 1 ? tenants[0].name : ''),
  );
  const [title, setTitle] = useState(project?.title ?? '');
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
  const { errors, formError, submitting, submit, clearError } =
    useFormSubmit(FIELDS);

  const validate = (): FieldErrors => ({
    name: project ? undefined : checkName(name),
    tenant: tenant
      ? undefined
      : 'tenant is required: pick the tenant that owns the project',
    title: checkTitle(title),
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
      title: title.trim() || undefined,
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
      : await api.createProject({ name, ...body });
    onSaved(saved);
  };

  const text = (
    id: string,
    field: string,
    label: string,
    value: string,
    set: (v: string) => void,
    help: string,
    extra?: { required?: boolean; disabled?: boolean; multiline?: boolean },
  ) => (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={e => {
        set(e.target.value);
        clearError(field);
      }}
      error={!!errors[field]}
      helperText={errors[field] ?? help}
      fullWidth
      margin="dense"
      variant="outlined"
      {...extra}
    />
  );

  const instanceChoices = [...(argocdInstances ?? [])];
  if (instance && !instanceChoices.includes(instance)) {
    instanceChoices.push(instance);
  }

  return (
    <FormDialog
      title={project ? `Edit project ${project.name}` : 'Create project'}
      submitLabel={project ? 'Save' : 'Create'}
      submitting={submitting}
      formError={formError}
      onClose={onClose}
      onSubmit={() => submit(validate, save)}
    >
      {text(
        'project-name',
        'name',
        'Name',
        name,
        setName,
        'A DNS-1123 label, e.g. shop. Cannot be changed later.',
        { required: true, disabled: !!project },
      )}
      <TextField
        id="project-tenant"
        select
        label="Tenant"
        value={tenant}
        onChange={e => {
          setTenant(e.target.value as string);
          clearError('tenant');
        }}
        error={!!errors.tenant}
        helperText={
          errors.tenant ?? 'The tenant whose members work on this project'
        }
        required
        fullWidth
        margin="dense"
        variant="outlined"
      >
        {tenants.map(t => (
          <MenuItem key={t.name} value={t.name}>
            {t.title && t.title !== t.name ? `${t.title} (${t.name})` : t.name}
          </MenuItem>
        ))}
      </TextField>
      {text(
        'project-title',
        'title',
        'Title',
        title,
        setTitle,
        'Shown instead of the name',
      )}
      {text(
        'project-description',
        'description',
        'Description',
        description,
        setDescription,
        'What the project delivers',
        { multiline: true },
      )}
      {text(
        'project-repo-url',
        'repo.url',
        'GitOps repository URL',
        repoUrl,
        setRepoUrl,
        'HTTPS clone URL, e.g. https://git.example.com/shop/deploy.git. Credentials live in the backend config.',
        { required: true },
      )}
      {text(
        'project-repo-branch',
        'repo.branch',
        'Branch',
        branch,
        setBranch,
        'The branch App Center commits to',
        { required: true },
      )}
      {text(
        'project-repo-dir',
        'repo.dir',
        'Folder',
        dir,
        setDir,
        'Folder inside the repository that holds the projects (empty for the root)',
      )}
      {argocdInstances ? (
        <TextField
          id="project-argocd-instance"
          select
          label="Argo CD instance"
          value={instance}
          onChange={e => {
            setInstance(e.target.value as string);
            clearError('argocd.instance');
          }}
          error={!!errors['argocd.instance']}
          helperText={
            errors['argocd.instance'] ??
            (instanceChoices.length
              ? 'One of the instances in appCenter.argocd.instances'
              : 'No Argo CD instance is configured (appCenter.argocd.instances)')
          }
          required
          fullWidth
          margin="dense"
          variant="outlined"
        >
          {instanceChoices.map(i => (
            <MenuItem key={i} value={i}>
              {i}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        text(
          'project-argocd-instance',
          'argocd.instance',
          'Argo CD instance',
          instance,
          setInstance,
          'Name of an instance in appCenter.argocd.instances (the list could not be loaded)',
          { required: true },
        )
      )}
      {text(
        'project-argocd-project',
        'argocd.project',
        'Argo CD project',
        argoProject,
        setArgoProject,
        'The Argo CD AppProject the applications belong to',
      )}
      <FormControlLabel
        control={
          <Checkbox
            checked={allowClusterScoped}
            onChange={e => setAllowClusterScoped(e.target.checked)}
            color="primary"
          />
        }
        label="Allow cluster-scoped resources"
      />
      <FormHelperText error={!!errors.allowClusterScoped}>
        {errors.allowClusterScoped ??
          'Whether manifests may hold Namespaces, ClusterRoles and other cluster-scoped kinds'}
      </FormHelperText>
    </FormDialog>
  );
};
