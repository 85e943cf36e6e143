import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  MissingAnnotationEmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  APP_ANNOTATION,
  parseAppAnnotation,
} from '@internal/plugin-app-center-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../../api';
import { deniedReason } from '../AppStatus';
import { errorStatus } from '../common';
import { DriftView } from './DriftView';
import { StarterForm } from './StarterForm';
import { ManifestEditor } from '../ManifestEditor';

/** The template of one app: its files with an editor, and drift per environment. */
export function TemplateContent(props: { project: string; app: string }) {
  const api = useApi(appCenterApiRef);
  const { project, app } = props;
  const [view, setView] = useState<'files' | 'drift'>('files');
  const [savedAt, setSavedAt] = useState<string>();
  // The files come with what the caller may do (the backend's access resolver decides); without a template
  // yet, the project's template list says whether the caller may create one.
  const files = useAsyncRetry(async () => {
    try {
      const read = await api.getTemplateFiles(project, app);
      return { read, capabilities: read.capabilities };
    } catch (e) {
      if (errorStatus(e) !== 404) throw e;
      const { capabilities } = await api.listTemplates(project);
      return { read: null, capabilities };
    }
  }, [api, project, app]);

  if (files.loading && files.value === undefined) return <Progress />;
  if (files.error) return <ResponseErrorPanel error={files.error} />;
  const writeReason = deniedReason(files.value!.capabilities.editTemplates);
  const canWrite = !writeReason;
  if (files.value!.read === null) {
    return canWrite ? (
      <InfoCard>
        <StarterForm project={project} app={app} onCreated={files.retry} />
      </InfoCard>
    ) : (
      <EmptyState
        missing="content"
        title={`No template for ${project}/${app} yet`}
        description={`You may not create it here: ${writeReason}`}
      />
    );
  }
  return (
    <InfoCard
      title={`Template ${project}/${app}`}
      subheader="Project-level manifests: environments copy them when they associate the app"
    >
      <Tabs
        value={view}
        onChange={(_, v) => setView(v)}
        indicatorColor="primary"
        aria-label="Template views"
      >
        <Tab value="files" label="Files" />
        <Tab value="drift" label="Drift per environment" />
      </Tabs>
      <Box mt={2}>
        {view === 'files' ? (
          <ManifestEditor
            key={files.value!.read.revision}
            initial={files.value!.read}
            store={{
              load: () => api.getTemplateFiles(project, app),
              write: change => api.putTemplateFiles(project, app, change),
            }}
            canWrite={canWrite}
            filesLabel="Template files"
            subject="the template"
            readOnlyReason={`Read only: ${writeReason}`}
            messageHint={`Describe the change to ${app}`}
            onSaved={result => setSavedAt(result.revision)}
          />
        ) : (
          <DriftView
            project={project}
            app={app}
            writeReason={writeReason}
            refreshKey={savedAt}
          />
        )}
      </Box>
    </InfoCard>
  );
}

/** The Template tab of a Component page with the `app-center.io/app: <project>/<app>` annotation. */
export function TemplateTab() {
  const { entity } = useEntity();
  const value = entity.metadata.annotations?.[APP_ANNOTATION];
  if (!value)
    return <MissingAnnotationEmptyState annotation={APP_ANNOTATION} />;
  const ref = parseAppAnnotation(value);
  if (!ref) {
    return (
      <EmptyState
        missing="field"
        title="The app annotation is not <project>/<app>"
        description={
          <Typography variant="body2">
            {APP_ANNOTATION} is "{value}"; write it as project/app, both DNS
            labels (e.g. shop/web).
          </Typography>
        }
      />
    );
  }
  return <TemplateContent project={ref.project} app={ref.app} />;
}
