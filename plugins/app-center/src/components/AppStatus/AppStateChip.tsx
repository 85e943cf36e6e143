import type { EnvironmentApp } from '@internal/plugin-app-center-common';
import { StatusChip } from './StatusChip';

const STATES: Record<
  string,
  { label: string; tone: 'ok' | 'warning' | 'error' | 'neutral'; title: string }
> = {
  associated: {
    label: 'associated',
    tone: 'ok',
    title: 'In git and in Argo CD',
  },
  'no-application': {
    label: 'no Argo CD application',
    tone: 'warning',
    title:
      'The manifests are in git but Argo CD has no Application for them: recreate it (the files stay as they are)',
  },
  'no-folder': {
    label: 'folder missing',
    tone: 'error',
    title:
      'Argo CD has an Application App Center manages, but its folder is gone from git',
  },
  unknown: {
    label: 'unknown',
    tone: 'neutral',
    title: 'Git or Argo CD could not be read: see the warnings',
  },
};

/** Where an app stands: associated, no Argo CD application, folder missing, unknown or not associated. */
export const AppStateChip = (props: { app?: EnvironmentApp }) => {
  const { app } = props;
  if (!app) {
    return (
      <StatusChip
        label="not associated"
        tone="neutral"
        title="This environment has no copy of the app yet"
      />
    );
  }
  if (app.deleting) {
    return (
      <StatusChip
        label="deleting"
        tone="warning"
        busy
        title="Argo CD is removing its resources"
      />
    );
  }
  const state = STATES[app.state] ?? STATES.unknown;
  return (
    <StatusChip label={state.label} tone={state.tone} title={state.title} />
  );
};
