import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  ResourceTree,
  ResourceTreeNode,
} from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import {
  fakeApi,
  responseError,
  task,
} from '../../__testUtils__/fakeAppCenterApi';
import { ResourceStatusTab } from './ResourceStatusTab';
import { MAX_LINES } from './LogViewer';

const node = (
  kind: string,
  name: string,
  extra: Partial<ResourceTreeNode> = {},
): ResourceTreeNode => ({
  id: `${kind}/${name}`,
  uid: `uid-${name}`,
  group: kind === 'Pod' || kind === 'Service' ? '' : 'apps',
  version: 'v1',
  kind,
  namespace: 'shop-dev',
  name,
  health: 'Healthy',
  children: [],
  ...extra,
});

const pods = ['a', 'b', 'c'].map(s =>
  node('Pod', `web-1-${s}`, { images: ['registry.example.com/shop/web:1.1'] }),
);
pods[2].health = 'Degraded';
const tree: ResourceTree = {
  application: 'shop.dev.web',
  nodeCount: 5,
  root: node('Application', 'shop.dev.web', {
    id: 'application/shop.dev.web',
    sync: 'OutOfSync',
    children: [
      node('Deployment', 'web', {
        sync: 'OutOfSync',
        children: [node('ReplicaSet', 'web-1', { children: pods })],
      }),
      node('Service', 'web', { sync: 'Synced' }),
    ],
  }),
};

async function render(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    getResourceTree: async () => tree,
    watchResourceTree: async () => undefined,
    ...overrides,
  });
  await renderInTestApp(
    <ResourceStatusTab project="shop" env="dev" app="web" />,
    { apis: [[appCenterApiRef, api]] },
  );
  return api;
}

const rows = () =>
  screen.getAllByRole('treeitem').map(r => r.getAttribute('aria-label'));

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  await userEvent.click(
    within(await screen.findByRole('listbox')).getByText(option),
  );
}

// a pane of thousands of log lines renders slowly in jsdom
jest.setTimeout(30_000);

describe('ResourceStatusTab', () => {
  it('shows the tree rooted at the Application with health and sync, and filters by kind, health, sync and name', async () => {
    await render();
    await screen.findByLabelText('Deployment web');
    expect(rows()).toEqual([
      'Application shop.dev.web',
      'Deployment web',
      'ReplicaSet web-1',
      'Pod web-1-a',
      'Pod web-1-b',
      'Pod web-1-c',
      'Service web',
    ]);
    await choose('Health', 'Degraded');
    // a match keeps its ancestors, so it stays in its place
    expect(rows()).toEqual([
      'Application shop.dev.web',
      'Deployment web',
      'ReplicaSet web-1',
      'Pod web-1-c',
    ]);
    await choose('Health', 'all');
    await choose('Sync', 'Synced');
    expect(rows()).toEqual(['Application shop.dev.web', 'Service web']);
    await choose('Sync', 'all');
    await userEvent.type(screen.getByLabelText('Name'), '1-b');
    expect(rows()).toContain('Pod web-1-b');
    expect(rows()).not.toContain('Pod web-1-a');
  });

  it('follows the tree stream', async () => {
    let push: (t: ResourceTree) => void = () => undefined;
    await render({
      watchResourceTree: (_p, _e, _a, onTree) =>
        new Promise(() => {
          push = onTree;
        }),
    });
    await screen.findByLabelText('Deployment web');
    const scaled: ResourceTree = JSON.parse(JSON.stringify(tree));
    scaled.root.children[0].children[0].children.push(node('Pod', 'web-1-d'));
    push(scaled);
    expect(await screen.findByLabelText('Pod web-1-d')).toBeInTheDocument();
  });

  it("opens a node's live manifest and diff", async () => {
    const api = await render({
      getResource: async () => ({
        manifest: {},
        yaml: 'kind: Deployment\nspec:\n  replicas: 3\n',
      }),
      getResourceDiff: async () => ({
        modified: true,
        live: '',
        desired: '',
        diff: '-  replicas: 3\n+  replicas: 4\n',
      }),
    });
    await userEvent.click(await screen.findByLabelText('Deployment web'));
    expect(await screen.findByLabelText('Live manifest')).toHaveTextContent(
      'replicas: 3',
    );
    expect(api.getResource).toHaveBeenCalledWith(
      'shop',
      'dev',
      'web',
      expect.objectContaining({ kind: 'Deployment', name: 'web' }),
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Diff' }));
    expect(await screen.findByLabelText('Diff')).toHaveTextContent(
      '+ replicas: 4',
    );
  });

  it("lists a pod's events and streams its logs, searchable, with the backend's refusal shown", async () => {
    const api = await render({
      listResourceEvents: async () => [
        {
          type: 'Warning',
          reason: 'BackOff',
          message: 'Back-off restarting failed container',
          count: 3,
        },
      ],
      streamLogs: async (_p, _e, _a, query, onLine) => {
        if (query.previous) throw new Error('no previous container');
        for (let i = 0; i < MAX_LINES + 10; i++)
          onLine({ pod: 'web-1-a', timestamp: `t${i}`, content: `line ${i}` });
      },
    });
    await userEvent.click(await screen.findByLabelText('Pod web-1-a'));
    await userEvent.click(screen.getByRole('tab', { name: 'Events' }));
    expect(await screen.findByText('BackOff')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Logs' }));
    expect(
      await screen.findByText(`${MAX_LINES} of ${MAX_LINES} lines`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    // the newest lines are kept
    expect(screen.getByLabelText('Log lines')).toHaveTextContent(
      `line ${MAX_LINES + 9}`,
    );
    expect(screen.getByLabelText('Log lines')).not.toHaveTextContent(/line 9$/);
    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: 'line 5004' },
    });
    expect(
      screen.getByText(`1 of ${MAX_LINES} lines`, { exact: false }),
    ).toBeInTheDocument();
    expect(api.streamLogs).toHaveBeenCalledWith(
      'shop',
      'dev',
      'web',
      expect.objectContaining({ pod: 'web-1-a', follow: true }),
      expect.any(Function),
      expect.anything(),
    );
    await userEvent.click(screen.getByLabelText('Previous container'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'no previous container',
    );
  });

  it('deletes a pod as a task with the cascade chosen', async () => {
    const api = await render({
      deleteResource: async () =>
        task({ id: 'del-1', kind: 'resource-delete', status: 'running' }),
    });
    await userEvent.click(await screen.findByLabelText('Pod web-1-a'));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete Pod/web-1-a' }),
    );
    await waitFor(() =>
      expect(api.deleteResource).toHaveBeenCalledWith(
        'shop',
        'dev',
        'web',
        expect.objectContaining({ kind: 'Pod', name: 'web-1-a' }),
        'foreground',
      ),
    );
  });

  it("answers the backend's error when the tree cannot be read", async () => {
    await render({
      getResourceTree: async () => {
        throw await responseError(404, 'application shop.dev.web not found');
      },
      watchResourceTree: () => new Promise(() => undefined),
    });
    expect(
      await screen.findByText(/application shop.dev.web not found/),
    ).toBeInTheDocument();
  });
});
