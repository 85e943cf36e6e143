import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { EnvironmentApp } from '@internal/plugin-app-center-common';
import type { FieldErrors } from '../common';
import { compareImages, shortName } from '../AppStatus';
import type { ImageComparison } from '../AppStatus';
import { TagPicker } from './TagPicker';

/** The field key of one image of one app. */
export function tagKey(app: string, repository: string): string {
  return `${app}|${repository}`;
}

/** The images an app's manifests name: only those can get a new tag. */
export function deployableImages(app: EnvironmentApp): ImageComparison[] {
  return compareImages(app.images).filter(i => i.manifest.length > 0);
}

/** One app's images in the deploy dialog: current tags and a tag picker each. */
export const AppImagesForm = (props: {
  app: EnvironmentApp;
  showName: boolean;
  tags: Record<string, string>;
  errors: FieldErrors;
  onChange(key: string, tag: string): void;
}) => {
  const { app, tags, errors, onChange } = props;
  const images = deployableImages(app);
  return (
    <Box mb={2} role="group" aria-label={`Images of ${app.name}`}>
      {props.showName && <Typography variant="h6">{app.name}</Typography>}
      {images.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No container images found in {app.name}'s manifests: there is nothing
          to deploy a tag to.
        </Typography>
      )}
      {images.map(image => {
        const key = tagKey(app.name, image.repository);
        const running = image.running.length
          ? image.running.join(', ')
          : 'nothing';
        return (
          <Box key={key} mt={1}>
            <Typography variant="body2" style={{ wordBreak: 'break-all' }}>
              <strong>{image.repository}</strong>
            </Typography>
            <Typography
              variant="caption"
              color={image.differs ? 'error' : 'textSecondary'}
            >
              manifest {image.manifest.join(', ')} · running {running}
            </Typography>
            <TagPicker
              label={`New tag for ${shortName(image.repository)}`}
              repository={image.repository}
              manifestTags={image.manifest}
              runningTags={image.running}
              value={tags[key] ?? ''}
              onChange={tag => onChange(key, tag)}
              error={errors[key]}
            />
          </Box>
        );
      })}
    </Box>
  );
};
