import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { EmptyState, TableColumn } from '@backstage/core-components';
import type { Project, Tenant } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { ProjectDialog } from './ProjectDialog';
import { SectionHeader } from './SectionHeader';
import { AdminTable, DeleteRowDialog, useRowDialogs } from './sectionParts';

/** Projects: where their manifests live and which Argo CD deploys them. */
export const ProjectsSection = (props: {
  projects: Project[];
  tenants: Tenant[];
  argocdInstances?: string[];
  onChanged(): void;
  onShowEnvironments(project: string): void;
}) => {
  const { projects, tenants, argocdInstances, onChanged, onShowEnvironments } =
    props;
  const api = useApi(appCenterApiRef);
  const dialogs = useRowDialogs<Project>('project', onChanged);

  const createButton = dialogs.createButton(tenants.length === 0);

  const columns: TableColumn<Project>[] = [
    dialogs.nameColumn(),
    { title: 'Tenant', field: 'tenant' },
    {
      title: 'Repository',
      render: p => (
        <>
          <Typography variant="body2" style={{ wordBreak: 'break-all' }}>
            {p.repo.url}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            branch {p.repo.branch}
            {p.repo.dir ? `, folder ${p.repo.dir}` : ', repository root'}
          </Typography>
        </>
      ),
    },
    {
      title: 'Argo CD',
      render: p => (
        <>
          <Typography variant="body2">{p.argocd.instance}</Typography>
          <Typography variant="caption" color="textSecondary">
            project {p.argocd.project}
          </Typography>
        </>
      ),
    },
    {
      title: 'Cluster-scoped',
      render: p => (p.allowClusterScoped ? 'allowed' : 'no'),
    },
    ...dialogs.sourceAndActionColumns(p => (
      <Button size="small" onClick={() => onShowEnvironments(p.name)}>
        Environments
      </Button>
    )),
  ];

  let empty: JSX.Element | undefined;
  if (projects.length === 0) {
    empty =
      tenants.length === 0 ? (
        <EmptyState
          missing="data"
          title="No projects yet"
          description="A project belongs to a tenant: create a tenant first, on the Tenants tab."
        />
      ) : (
        <EmptyState
          missing="data"
          title="No projects yet — create one"
          description="A project names the GitOps repository its manifests live in and the Argo CD instance that deploys them."
          action={createButton}
        />
      );
  }

  return (
    <>
      <SectionHeader
        title="Projects"
        description="Each project belongs to a tenant, keeps its manifests in a GitOps repository and is deployed by one Argo CD instance."
        action={projects.length > 0 ? createButton : undefined}
      />
      {empty ?? <AdminTable columns={columns} data={projects} />}
      {dialogs.editOpen && (
        <ProjectDialog
          project={dialogs.editedRow}
          tenants={tenants}
          argocdInstances={argocdInstances}
          onClose={dialogs.closeEdit}
          onSaved={dialogs.saved}
        />
      )}
      <DeleteRowDialog
        dialogs={dialogs}
        onConfirm={p => api.deleteProject(p.name)}
      >
        The project is removed from App Center; its GitOps repository is left as
        it is. A project that still has environments cannot be deleted: delete
        them first.
      </DeleteRowDialog>
    </>
  );
};
