// Checks every document under deploy/ against Kubernetes' schemas (kubernetes-models validates with the
// OpenAPI schemas of the Kubernetes API), and that the Deployment keeps what running App Center needs:
// several replicas, a readiness probe on Backstage's health endpoint, the production config and secrets.
//
//   node --test deploy/manifests.test.mjs
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const deployDir = path.dirname(fileURLToPath(import.meta.url));
const documents = readdirSync(deployDir)
  .filter(f => f.endsWith('.yaml'))
  .flatMap(file =>
    YAML.parseAllDocuments(readFileSync(path.join(deployDir, file), 'utf8'))
      .map(doc => doc.toJS())
      .filter(Boolean)
      .map(object => ({ file, object })),
  );

/** The kubernetes-models class of an object: core v1 lives at `v1`, the others at `<group>/<version>`. */
async function modelOf({ apiVersion, kind }) {
  const module = await import(`kubernetes-models/${apiVersion}`);
  assert.ok(module[kind], `${apiVersion} has no kind ${kind}`);
  return module[kind];
}

test('every manifest in deploy/ is valid against the Kubernetes schemas', async () => {
  assert.ok(documents.length >= 6, `only ${documents.length} documents`);
  for (const { file, object } of documents) {
    const Model = await modelOf(object);
    assert.doesNotThrow(
      () => new Model(object).validate(),
      `${file}: ${object.kind} ${object.metadata?.name}`,
    );
  }
});

test('the schema check rejects a broken manifest', async () => {
  const { object } = documents.find(d => d.object.kind === 'Deployment');
  const broken = structuredClone(object);
  broken.spec.replicas = 'two';
  const Model = await modelOf(broken);
  assert.throws(() => new Model(broken).validate());
});

test('App Center runs as several replicas with a readiness probe and its secrets', () => {
  const deployment = documents.find(
    d =>
      d.object.kind === 'Deployment' && d.object.metadata.name === 'app-center',
  ).object;
  assert.ok(deployment.spec.replicas >= 2);
  const [container] = deployment.spec.template.spec.containers;
  assert.equal(
    container.readinessProbe.httpGet.path,
    '/.backstage/health/v1/readiness',
  );
  assert.equal(
    container.livenessProbe.httpGet.path,
    '/.backstage/health/v1/liveness',
  );
  assert.ok(container.args.includes('app-config.production.yaml'));
  const env = Object.fromEntries(container.env.map(e => [e.name, e.value]));
  assert.equal(env.NODE_ENV, 'production');

  // Every secret the production config reads is in the Secret the Deployment loads.
  const secretName = container.envFrom[0].secretRef.name;
  const secret = documents.find(
    d => d.object.kind === 'Secret' && d.object.metadata.name === secretName,
  ).object;
  // The variables without a default (`${NAME}`, not `${NAME:-value}`), outside comments.
  const production = JSON.stringify(
    YAML.parse(
      readFileSync(
        path.join(deployDir, '..', 'app-config.production.yaml'),
        'utf8',
      ),
    ),
  );
  const read = [...production.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map(m => m[1]);
  for (const name of read) {
    assert.ok(
      name in env || name in secret.stringData || name === 'GIT_USERNAME',
      `${name} is read by app-config.production.yaml but set by neither the Deployment nor the Secret`,
    );
  }
});
