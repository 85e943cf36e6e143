import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { ImageTagList } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import {
  fakeApi,
  responseError,
  task,
  webApp,
} from '../../__testUtils__/fakeAppCenterApi';
import { DeployDialog } from './DeployDialog';
import { checkTagOrDigest as checkTag } from '@internal/plugin-app-center-common';

const tags: ImageTagList = {
  repository: 'registry.example.com/shop/web',
  source: 'oci',
  total: 4,
  order: { by: 'created', createdResolved: 4, description: 'by creation' },
  items: [
    { tag: '1.4-rc', publishable: false, reason: 'not scanned yet' },
    { tag: '1.3', publishable: true, createdAt: '2025-01-03T00:00:00Z' },
    { tag: '1.2', publishable: true, createdAt: '2025-01-02T00:00:00Z' },
    { tag: '1.1', publishable: true, createdAt: '2025-01-01T00:00:00Z' },
  ],
};

async function open(api = fakeApi()) {
  const onFinished = jest.fn();
  await renderInTestApp(
    <DeployDialog
      project="shop"
      env="dev"
      apps={[webApp]}
      onClose={jest.fn()}
      onFinished={onFinished}
    />,
    { apis: [[appCenterApiRef, api]] },
  );
  return { api, onFinished };
}

describe('DeployDialog', () => {
  it('offers the registry tags newest first, marks running and manifest, disables unpublishable ones', async () => {
    const api = fakeApi({ listImageTags: async () => tags });
    await open(api);
    expect(screen.getByText('manifest 1.2 · running 1.1')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('New tag for web'));
    const options = await screen.findAllByRole('option');
    expect(api.listImageTags).toHaveBeenCalledWith(
      'registry.example.com/shop/web',
      { q: undefined },
    );
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringContaining('1.4-rc'),
      expect.stringContaining('1.3'),
      expect.stringContaining('1.2manifest'),
      expect.stringContaining('1.1running'),
    ]);
    expect(options[0]).toHaveTextContent('not publishable: not scanned yet');
    expect(options[0]).toHaveAttribute('aria-disabled', 'true');
  });

  it('deploys the picked tag and follows the task', async () => {
    const api = fakeApi({
      listImageTags: async () => tags,
      deploy: async () => task({ status: 'pending' }),
      getTask: async () => task({ status: 'succeeded' }),
    });
    const { onFinished } = await open(api);
    await userEvent.click(screen.getByLabelText('New tag for web'));
    await userEvent.click(await screen.findByRole('option', { name: /^1\.3/ }));
    await userEvent.type(
      screen.getByLabelText('Message (optional)'),
      'release 1.3',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect(api.deploy).toHaveBeenCalledWith('shop', 'dev', {
      apps: [
        {
          app: 'web',
          images: [{ image: 'registry.example.com/shop/web', tag: '1.3' }],
        },
      ],
      message: 'release 1.3',
    });
    expect(
      await screen.findByText('Deploying to shop/dev'),
    ).toBeInTheDocument();
    await waitFor(() => expect(onFinished).toHaveBeenCalled());
  });

  it('shows a refused message at the message field, and clears it on an edit', async () => {
    const refusal = 'message must not have more than 2000 characters';
    const api = fakeApi({
      listImageTags: async () => tags,
      deploy: jest.fn().mockRejectedValue(await responseError(400, refusal)),
    });
    await open(api);
    await userEvent.click(screen.getByLabelText('New tag for web'));
    await userEvent.click(await screen.findByRole('option', { name: /^1\.3/ }));
    const field = screen.getByLabelText('Message (optional)');
    await userEvent.type(field, 'release');
    await userEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Goes into the commit message')).toBeNull();
    await userEvent.type(field, ' 1.3');
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(
      screen.getByText('Goes into the commit message'),
    ).toBeInTheDocument();
  });

  it('validates a typed tag before sending', async () => {
    const api = fakeApi({ listImageTags: async () => tags });
    await open(api);
    await userEvent.type(screen.getByLabelText('New tag for web'), '-bad tag');
    await userEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect(
      await screen.findByText(/"-bad tag" is not a valid tag/),
    ).toBeInTheDocument();
    expect(api.deploy).not.toHaveBeenCalled();
  });

  it('asks for at least one new tag', async () => {
    const api = fakeApi({ listImageTags: async () => tags });
    await open(api);
    await userEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Pick or type a new tag for at least one image.',
    );
  });

  it('takes a typed tag when the registry cannot be listed', async () => {
    const api = fakeApi({
      listImageTags: async () => {
        throw new Error('registry unreachable');
      },
      deploy: async () => task(),
    });
    await open(api);
    const input = screen.getByLabelText('New tag for web');
    await userEvent.click(input);
    expect(
      await screen.findByText(
        /Could not list the registry's tags \(registry unreachable\)/,
      ),
    ).toBeInTheDocument();
    await userEvent.type(input, '2.0.0');
    await userEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(api.deploy).toHaveBeenCalled());
    const body = api.deploy.mock.calls[0][2];
    expect(body.apps[0].images[0].tag).toBe('2.0.0');
    expect(
      within(document.body).getByText('Deploying to shop/dev'),
    ).toBeInTheDocument();
  });
});

describe('checkTag', () => {
  it('accepts OCI tags and digests and refuses the rest', () => {
    expect(checkTag('1.2.3')).toBeUndefined();
    expect(checkTag('v1_rc-2')).toBeUndefined();
    expect(checkTag(`sha256:${'a'.repeat(64)}`)).toBeUndefined();
    expect(checkTag('.hidden')).toMatch(/not a valid tag/);
    expect(checkTag('a'.repeat(129))).toMatch(/longer than 128/);
    expect(checkTag('')).toBe('a tag is required');
  });
});
