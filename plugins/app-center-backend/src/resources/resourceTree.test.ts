import { buildResourceTree } from './resourceTree';

const app = {
  metadata: { name: 'shop.dev.web' },
  spec: { project: 'default', destination: {} },
  status: {
    health: { status: 'Degraded' },
    sync: { status: 'OutOfSync' },
    resources: [
      {
        group: 'apps',
        kind: 'Deployment',
        namespace: 'ns',
        name: 'web',
        status: 'OutOfSync',
      },
    ],
  },
} as any;

describe('buildResourceTree', () => {
  it('nests nodes under their owners, keeps sync on managed resources and marks orphaned ones', () => {
    const tree = buildResourceTree(app, {
      nodes: [
        {
          group: '',
          version: 'v1',
          kind: 'Pod',
          namespace: 'ns',
          name: 'web-1-a',
          uid: 'p1',
          images: ['web:1'],
          health: { status: 'Degraded', message: 'CrashLoopBackOff' },
          parentRefs: [
            {
              group: 'apps',
              kind: 'ReplicaSet',
              namespace: 'ns',
              name: 'web-1',
              uid: 'rs1',
            },
          ],
        },
        {
          group: 'apps',
          version: 'v1',
          kind: 'ReplicaSet',
          namespace: 'ns',
          name: 'web-1',
          uid: 'rs1',
          parentRefs: [
            {
              group: 'apps',
              kind: 'Deployment',
              namespace: 'ns',
              name: 'web',
              uid: 'd1',
            },
          ],
        },
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'ns',
          name: 'web',
          uid: 'd1',
        },
      ],
      orphanedNodes: [
        {
          group: '',
          version: 'v1',
          kind: 'ConfigMap',
          namespace: 'ns',
          name: 'left-over',
          uid: 'c1',
        },
      ],
    });
    expect(tree.nodeCount).toBe(4);
    expect(tree.root).toMatchObject({
      kind: 'Application',
      health: 'Degraded',
      sync: 'OutOfSync',
    });
    expect(tree.root.children.map(n => `${n.kind}/${n.name}`)).toEqual([
      'ConfigMap/left-over',
      'Deployment/web',
    ]);
    const [orphan, deployment] = tree.root.children;
    expect(orphan.orphaned).toBe(true);
    expect(deployment.sync).toBe('OutOfSync');
    const pod = deployment.children[0].children[0];
    expect(pod).toMatchObject({
      name: 'web-1-a',
      health: 'Degraded',
      healthMessage: 'CrashLoopBackOff',
      images: ['web:1'],
    });
    expect(pod.sync).toBeUndefined();
  });
});
