#!/usr/bin/env node
/*
 * Generates the typed artefacts of App Center's OpenAPI contract (src/schema/openapi.yaml):
 *  - src/schema/openapi/generated/spec.ts: the document as a TypeScript constant, so the backend router
 *    (createValidatedOpenApiRouter) validates requests against it and infers request/response types;
 *  - src/schema/openapi/generated/router.ts: the map from each route (method and path) to its operation, so
 *    every handler of the router is typed by its operation's parameters, body and response;
 *  - ../app-center-common/src/generated/openapi.ts: the schema types the frontend client and the backend share;
 *  - src/argocd/generated/swagger.ts: Argo CD's wire types, from its pinned swagger.json (see argocdTypes.js).
 *  - ../app-center-common/src/generated/operationRoutes.ts: the method and path of each operation, so the
 *    frontend client calls an operation by its id.
 * `--check` fails when the committed files differ from what the contract generates (run by the tests).
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { renderArgoCDTypes } = require('./argocdTypes');

const root = path.resolve(__dirname, '..');
const specPath = path.join(root, 'src/schema/openapi.yaml');
// Each concern keeps its routes in a part of its own (src/schema/openapi/<concern>.yaml: `paths` and
// `components`), merged into the main document; a key defined twice is an error.
const partsDir = path.join(root, 'src/schema/openapi');
const specOut = path.join(root, 'src/schema/openapi/generated/spec.ts');
const routerOut = path.join(root, 'src/schema/openapi/generated/router.ts');
const typesOut = path.resolve(
  root,
  '../app-center-common/src/generated/openapi.ts',
);
const routesOut = path.resolve(
  root,
  '../app-center-common/src/generated/operationRoutes.ts',
);
const header =
  '// This file is generated from plugins/app-center-backend/src/schema/openapi.yaml by\n' +
  '// `yarn workspace @internal/plugin-app-center-backend generate:openapi`. Do not edit it by hand.\n';

function loadDocument() {
  const doc = YAML.parse(fs.readFileSync(specPath, 'utf8'));
  const parts = fs.existsSync(partsDir)
    ? fs
        .readdirSync(partsDir)
        .filter(f => f.endsWith('.yaml'))
        .sort()
    : [];
  for (const file of parts) {
    const part =
      YAML.parse(fs.readFileSync(path.join(partsDir, file), 'utf8')) ?? {};
    const merge = (target, source, where) => {
      for (const [key, value] of Object.entries(source ?? {})) {
        if (key in target)
          throw new Error(`${file}: ${where}.${key} is already defined`);
        target[key] = value;
      }
    };
    merge((doc.paths ??= {}), part.paths, 'paths');
    for (const [section, entries] of Object.entries(part.components ?? {})) {
      merge(
        ((doc.components ??= {})[section] ??= {}),
        entries,
        `components.${section}`,
      );
    }
  }
  return doc;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function operationsOf(doc) {
  const found = [];
  for (const [route, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operationId = item[method]?.operationId;
      if (operationId) found.push({ route, method, operationId });
    }
  }
  return found;
}

function renderOperationRoutes(doc) {
  const entries = operationsOf(doc).map(
    ({ route, method, operationId }) =>
      `  ${operationId}: { method: '${method.toUpperCase()}', path: '${route}' },`,
  );
  return `${header}
/* eslint-disable */
/** The method and path (with \`{param}\` placeholders) of each operation of the document. */
export const operationRoutes = {
${entries.join('\n')}
} as const;
`;
}

// The typed router keys each route as `#<method>|<path>` (`_delete` for DELETE).
function renderRouter(doc) {
  const entries = operationsOf(doc).map(({ route, method, operationId }) => {
    const key = `#${method === 'delete' ? '_delete' : method}|${route}`;
    return `  '${key}': Endpoint<'${operationId}'>;`;
  });
  return `${header}
/* eslint-disable */
import {
  createValidatedOpenApiRouterFromGeneratedEndpointMap,
  TypedRouter,
} from '@backstage/backend-openapi-utils';
import type { Endpoint } from '@internal/plugin-app-center-common';
import { spec } from './spec';

/** Each route of the document, by method and path, typed by its operation. */
export type EndpointMap = {
${entries.join('\n')}
};

/** The router whose handlers take each operation's parameters and body and answer its response. */
export type AppCenterRouter = TypedRouter<EndpointMap>;

/** A router that validates every request against the document before its typed handler runs. */
export const createOpenApiRouter = (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >[1],
): AppCenterRouter =>
  createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    spec,
    options,
  );
`;
}

async function render() {
  const doc = loadDocument();
  const spec = `${header}\n/* eslint-disable */\nexport const spec = ${JSON.stringify(
    doc,
    null,
    2,
  )} as const;\n`;
  const { default: openapiTS, astToString } = await import(
    'openapi-typescript'
  );
  const ast = await openapiTS(doc, { exportType: true, alphabetize: false });
  const types = `${header}\n/* eslint-disable */\n${astToString(ast)}`;
  return {
    [specOut]: spec,
    [routerOut]: renderRouter(doc),
    [typesOut]: types,
    ...(await renderArgoCDTypes({ openapiTS, astToString })),
    [routesOut]: renderOperationRoutes(doc),
  };
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await render();
  const prettier = require('prettier');
  const options = (await prettier.resolveConfig(specOut)) ?? {};
  const stale = [];
  for (const [file, raw] of Object.entries(files)) {
    const content = await prettier.format(raw, {
      ...options,
      parser: 'typescript',
    });
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current === content) continue;
    if (check) stale.push(path.relative(process.cwd(), file));
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  if (stale.length) {
    console.error(
      `OpenAPI artefacts are out of date: ${stale.join(
        ', ',
      )}. Run generate:openapi.`,
    );
    process.exit(1);
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
