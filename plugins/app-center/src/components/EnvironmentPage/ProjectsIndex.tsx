import Grid from '@material-ui/core/Grid';
import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useProjects } from '../../hooks';
import { ProjectEnvironmentsCard } from './ProjectEnvironmentsCard';

/** `/app-center/projects`: the projects the user can see, with their environments. */
export const ProjectsIndex = () => {
  const projects = useProjects();
  let body: JSX.Element;
  if (projects.loading && !projects.value) {
    body = <Progress />;
  } else if (projects.error) {
    body = <ResponseErrorPanel error={projects.error} />;
  } else if (!projects.value?.length) {
    body = (
      <EmptyState
        missing="info"
        title="No projects you can see"
        description="Projects belong to tenants; you see the projects of the tenants whose groups you are in. Ask the portal admins to add your group to a tenant."
      />
    );
  } else {
    body = (
      <Grid container spacing={3}>
        {projects.value.map(p => (
          <Grid item xs={12} md={6} key={p.name}>
            <ProjectEnvironmentsCard
              project={p.name}
              title={
                p.title && p.title !== p.name
                  ? `${p.title} (${p.name})`
                  : p.name
              }
            />
          </Grid>
        ))}
      </Grid>
    );
  }
  return (
    <Content>
      <ContentHeader
        title="Projects"
        description="Each project's environments; open one to see and deploy its apps."
      />
      {body}
    </Content>
  );
};
