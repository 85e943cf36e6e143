import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TemplateDrift } from '@internal/plugin-app-center-common';
import {
  adminsOnly,
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

  it('shows real conflicts side by side and applies a choice per item', async () => {
    const replicas = {
      file: 'deployment.yaml',
      document: 'Deployment/web',
      path: 'spec.replicas',
      base: '1',
      template: '2',
      environment: '5',
    };
    const image = {
      file: 'deployment.yaml',
      document: 'Deployment/web',
      path: 'spec.template.spec.containers[web].image',
      base: 'web:1',
      template: 'web:2',
      environment: 'web:3',
    };
    const applyTemplateDrift = jest
      .fn()
      .mockImplementationOnce(async () => {
        throw await serverError(409, {
          name: 'MergeConflictError',
          message:
            'template changes conflict with changes made in dev in deployment.yaml Deployment/web spec.replicas (nothing was written)',
          files: ['deployment.yaml'],
          conflicts: [replicas, image],
        });
      })
      .mockImplementationOnce(async () => ({
        revision: R3,
        parent: R2,
        committed: true,
        files: [],
        merged: ['deployment.yaml'],
      }));
    const api = mockApi({
      getTemplateDrift: jest.fn(async () => drift),
      applyTemplateDrift,
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Drift per environment' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Apply to dev' }),
    );
    const table = await screen.findByRole('table', {
      name: 'Conflicts with dev',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 4)
          .map(c => c.textContent),
      ),
    ).toEqual([
      ['deployment.yaml · Deployment/web · spec.replicas', '1', '2', '5'],
      [
        'deployment.yaml · Deployment/web · spec.template.spec.containers[web].image',
        'web:1',
        'web:2',
        'web:3',
      ],
    ]);
    expect(
      screen.getByRole('link', { name: "dev's manifests" }),
    ).toHaveAttribute(
      'href',
      '/app-center/projects/shop/environments/dev/apps/web',
    );
    const submit = screen.getByRole('button', {
      name: 'Choose a side for 2 more',
    });
    expect(submit).toBeDisabled();
    await userEvent.click(
      within(rows[0]).getByRole('radio', { name: "the template's" }),
    );
    expect(
      screen.getByRole('button', { name: 'Choose a side for 1 more' }),
    ).toBeDisabled();
    await userEvent.click(
      within(rows[1]).getByRole('radio', { name: "keep dev's" }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Apply to dev with these choices' }),
    );
    expect(
      await screen.findByText(/Applied to dev as 33333333: deployment.yaml/),
    ).toBeInTheDocument();
    expect(applyTemplateDrift).toHaveBeenLastCalledWith('shop', 'web', 'dev', {
      resolutions: [
        {
          file: 'deployment.yaml',
          document: 'Deployment/web',
          path: 'spec.replicas',
          take: 'template',
        },
        {
          file: 'deployment.yaml',
          document: 'Deployment/web',
          path: 'spec.template.spec.containers[web].image',
          take: 'environment',
        },
      ],
    });
  });

  it('disables Apply for members, with the reason the backend gives', async () => {
    const api = mockApi(
      { getTemplateDrift: jest.fn(async () => drift) },
      false,
    );
    await render(api);
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Drift per environment' }),
    );
    const dev = await screen.findByTestId('drift-dev');
    expect(
      within(dev).getByRole('button', { name: 'Apply to dev' }),
    ).toBeDisabled();
    expect(
      within(dev).getByLabelText(`Apply to dev: ${adminsOnly.reason}`),
    ).toBeInTheDocument();
    expect(api.applyTemplateDrift).not.toHaveBeenCalled();
  });
});
