import Grid from '@material-ui/core/Grid';
import { Content, ContentHeader, EmptyState } from '@backstage/core-components';
import { useProjects } from '../../hooks';
import { AsyncBody, namedOption } from '../common';
import { ProjectEnvironmentsCard } from './ProjectEnvironmentsCard';

/** `/app-center/projects`: the projects the user can see, with their environments. */
export const ProjectsIndex = () => {
  const projects = useProjects();
  return (
    <Content>
      <ContentHeader
        title="Projects"
        description="Each project's environments; open one to see and deploy its apps."
      />
      <AsyncBody
        state={projects}
        empty={
          <EmptyState
            missing="info"
            title="No projects you can see"
            description="Projects belong to tenants; you see the projects of the tenants whose groups you are in. Ask the portal admins to add your group to a tenant."
          />
        }
      >
        {items => (
          <Grid container spacing={3}>
            {items.map(p => (
              <Grid item xs={12} md={6} key={p.name}>
                <ProjectEnvironmentsCard
                  project={p.name}
                  title={namedOption(p).label}
                />
              </Grid>
            ))}
          </Grid>
        )}
      </AsyncBody>
    </Content>
  );
};
