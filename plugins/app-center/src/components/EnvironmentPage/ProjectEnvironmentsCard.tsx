import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useEnvironments } from '../../hooks';
import { AsyncBody } from '../common';
import { EnvironmentLabel, byStage, useAppCenterLinks } from '../AppStatus';

/** The environments of a project, each linking to its environment page. */
export const ProjectEnvironmentsCard = (props: {
  project: string;
  title?: string;
}) => {
  const { project } = props;
  const environments = useEnvironments(project);
  const links = useAppCenterLinks();
  return (
    <InfoCard title={props.title ?? `Environments of ${project}`}>
      <AsyncBody
        state={environments}
        empty={
          <Typography variant="body2" color="textSecondary">
            Project {project} has no environments yet: admins create them on the
            App Center admin page.
          </Typography>
        }
      >
        {envs => (
          <List dense disablePadding>
            {[...envs].sort(byStage).map(env => (
              <ListItem key={env.name} disableGutters>
                <ListItemText
                  primary={
                    <EnvironmentLabel
                      env={env}
                      to={links.environment(project, env.name)}
                    />
                  }
                  secondary={`namespace ${env.destination.namespace}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </AsyncBody>
    </InfoCard>
  );
};
