import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  ResourceTree,
  ResourceTreeNode,
} from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeAppCenterApi';
import { ResourceStatusTab } from './ResourceStatusTab';
import { WhyOutOfSync } from './WhyOutOfSync';

const node = (
  kind: string,
  name: string,
  extra: Partial<ResourceTreeNode> = {},
): ResourceTreeNode => ({
  id: `${kind}/${name}`,
  group: kind === 'Deployment' ? 'apps' : '',
  version: 'v1',
  kind,
  name,
  children: [],
  ...extra,
});

const deployment = node('Deployment', 'web', {
  sync: 'OutOfSync',
  children: [node('ReplicaSet', 'web-1')],
});
const tree: ResourceTree = {
  application: 'shop.dev.web',
  nodeCount: 4,
  root: node('Application', 'shop.dev.web', {
    sync: 'OutOfSync',
    children: [
      deployment,
      node('Service', 'web', { sync: 'Synced' }),
      node('ConfigMap', 'web-env', { sync: 'OutOfSync' }),
    ],
  }),
};

describe('WhyOutOfSync', () => {
  it('names the resources that differ from git, each opening its diff', async () => {
    const api = fakeApi({
      getResourceTree: async () => tree,
      watchResourceTree: () => new Promise(() => undefined),
      getResourceDiff: async () => ({
        modified: true,
        live: '',
        desired: '',
        diff: '-  replicas: 3\n+  replicas: 4\n',
      }),
    });
    const onOpen = jest.fn();
    await renderInTestApp(
      <WhyOutOfSync project="shop" env="dev" app="web" onOpen={onOpen} />,
      { apis: [[appCenterApiRef, api]] },
    );
    expect(
      await screen.findByRole('button', { name: 'ConfigMap/web-env' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Service/web' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Deployment/web' }),
    );
    expect(onOpen).toHaveBeenCalledWith(deployment);
  });

  it('opens the resource status on the diff of the resource it was given', async () => {
    const api = fakeApi({
      getResourceTree: async () => tree,
      watchResourceTree: () => new Promise(() => undefined),
      getResourceDiff: async () => ({
        modified: true,
        live: '',
        desired: '',
        diff: '-  replicas: 3\n+  replicas: 4\n',
      }),
    });
    await renderInTestApp(
      <ResourceStatusTab
        project="shop"
        env="dev"
        app="web"
        focus={deployment}
      />,
      { apis: [[appCenterApiRef, api]] },
    );
    expect(await screen.findByLabelText('Diff')).toHaveTextContent(
      '+ replicas: 4',
    );
  });
});
