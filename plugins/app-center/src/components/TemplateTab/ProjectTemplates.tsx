import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  MissingAnnotationEmptyState,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  PROJECT_ANNOTATION,
  type TemplateSummary,
} from '@internal/plugin-app-center-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../../api';
import { AsyncBody } from '../common';

const chips = (values: string[]) =>
  values.map(v => (
    <Chip
      key={v}
      size="small"
      label={v}
      style={{ marginRight: 4, marginBottom: 4 }}
    />
  ));

const columns: TableColumn<TemplateSummary>[] = [
  { title: 'App', field: 'name', highlight: true },
  {
    title: 'Description',
    field: 'description',
    render: t => t.description ?? '',
  },
  { title: 'Kinds', render: t => chips(t.kinds) },
  {
    title: 'Images',
    render: t => (
      <span style={{ fontFamily: 'monospace' }}>{t.images.join(', ')}</span>
    ),
  },
  {
    title: 'Files',
    render: t => (
      <>
        {t.files.length}
        {t.invalidFiles.length > 0 && (
          <Typography variant="caption" color="error" component="div">
            does not parse: {t.invalidFiles.join(', ')}
          </Typography>
        )}
      </>
    ),
  },
];

/** The templates of one project as a table. */
export function ProjectTemplatesTable(props: { project: string }) {
  const api = useApi(appCenterApiRef);
  const state = useAsyncRetry(
    () => api.listTemplates(props.project),
    [api, props.project],
  );
  return (
    <AsyncBody
      state={state}
      isEmpty={list => list.items.length === 0}
      empty={
        <EmptyState
          missing="data"
          title={`Project ${props.project} has no templates yet`}
          description="Create one from a Component's Template tab (annotation app-center.io/app: <project>/<app>)."
        />
      }
    >
      {({ items }) => (
        <Table<TemplateSummary>
          title={`Templates of ${props.project} (${items.length})`}
          options={{
            paging: items.length > 20,
            pageSize: 20,
            search: items.length > 5,
            padding: 'dense',
          }}
          columns={columns}
          data={items}
        />
      )}
    </AsyncBody>
  );
}

/** The Templates tab of a System page with the `app-center.io/project` annotation. */
export function ProjectTemplatesTab() {
  const { entity } = useEntity();
  const project = entity.metadata.annotations?.[PROJECT_ANNOTATION]?.trim();
  if (!project)
    return <MissingAnnotationEmptyState annotation={PROJECT_ANNOTATION} />;
  return <ProjectTemplatesTable project={project} />;
}
