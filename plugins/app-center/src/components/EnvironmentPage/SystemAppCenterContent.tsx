import Grid from '@material-ui/core/Grid';
import { useEntity } from '@backstage/plugin-catalog-react';
import { MissingAnnotationEmptyState } from '@backstage/core-components';
import { PROJECT_ANNOTATION } from '@internal/plugin-app-center-common';
import { ProjectEnvironmentsCard } from './ProjectEnvironmentsCard';

/** The App Center tab of a System annotated `app-center.io/project`: the project's environments. */
export const SystemAppCenterContent = () => {
  const { entity } = useEntity();
  const project = entity.metadata.annotations?.[PROJECT_ANNOTATION]?.trim();
  if (!project) {
    return <MissingAnnotationEmptyState annotation={PROJECT_ANNOTATION} />;
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <ProjectEnvironmentsCard project={project} />
      </Grid>
    </Grid>
  );
};
