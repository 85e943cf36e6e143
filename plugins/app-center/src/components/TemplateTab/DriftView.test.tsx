import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TemplateDrift } from '@internal/plugin-app-center-common';
import {
  mockApi,
  R1,
  R2,
  R3,
  render,
  serverError,
} from '../../__testUtils__/templateApi';

jest.setTimeout(30_000);

describe('drift view', () => {
  const drift: TemplateDrift = {
    revision: R2,
    notAssociated: ['qa'],
    environments: [
      {
        environment: 'dev',
        provenance: { template: 'web', templateCommit: R1, templateTree: R1 },
        drifted: true,
        files: [
          {
            path: 'deployment.yaml',
            status: 'modified',
            diff: '--- a/deployment.yaml\n+++ b/deployment.yaml\n@@ -1,2 +1,2 @@\n kind: Deployment\n-  replicas: 1\n+  replicas: 2\n',
          },
        ],
      },
      {
        environment: 'prod',
        provenance: { template: 'web', templateCommit: R2, templateTree: R2 },
        drifted: false,
        files: [],
      },
    ],
  };

  it('shows each environment with its diff and applies one', async () => {
    const api = mockApi({
      getTemplateDrift: jest.fn(async () => drift),
      applyTemplateDrift: jest.fn(async () => ({
        revision: R3,
        parent: R2,
        committed: true,
        files: [],
        merged: ['deployment.yaml'],
      })),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Drift per environment' }),
    );
    const dev = await screen.findByTestId('drift-dev');
    expect(within(dev).getByText('1 file behind')).toBeInTheDocument();
    const diff = within(dev).getByLabelText(
      'Changes to deployment.yaml for dev',
    );
    expect(
      within(diff).getByText('-  replicas: 1', { normalizer: t => t }),
    ).toHaveAttribute('data-kind', 'removed');
    expect(
      within(diff).getByText('+  replicas: 2', { normalizer: t => t }),
    ).toHaveAttribute('data-kind', 'added');
    expect(
      within(screen.getByTestId('drift-prod')).getByText('up to date'),
    ).toBeInTheDocument();
    expect(screen.getByText('Not associated: qa')).toBeInTheDocument();
    await userEvent.click(
      within(dev).getByRole('button', { name: 'Apply to dev' }),
    );
    expect(
      await within(dev).findByText(
        /Applied to dev as 33333333: deployment.yaml/,
      ),
    ).toBeInTheDocument();
    expect(api.applyTemplateDrift).toHaveBeenCalledWith('shop', 'web', 'dev');
  });

  it('reports the conflicting files when apply cannot merge', async () => {
    const api = mockApi({
      getTemplateDrift: jest.fn(async () => drift),
      applyTemplateDrift: jest.fn(async () => {
        throw await serverError(409, {
          name: 'ConflictError',
          message:
            'template changes conflict with changes made in dev in deployment.yaml; edit those files in dev by hand (nothing was written)',
          files: ['deployment.yaml'],
        });
      }),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Drift per environment' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Apply to dev' }),
    );
    expect(
      await screen.findByText(
        /Cannot apply: deployment.yaml changed in dev too/,
      ),
    ).toBeInTheDocument();
  });

  it('hides Apply from members', async () => {
    const api = mockApi(
      { getTemplateDrift: jest.fn(async () => drift) },
      false,
    );
    await render(api);
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Drift per environment' }),
    );
    await screen.findByTestId('drift-dev');
    expect(
      screen.queryByRole('button', { name: 'Apply to dev' }),
    ).not.toBeInTheDocument();
  });
});
