/*
 * Renders Argo CD's wire types (src/argocd/generated/swagger.ts) from the pinned swagger.json, found by the
 * one contract resolver (packages/argocd-sandbox/src/contracts). The document is Swagger 2.0, which
 * openapi-typescript no longer reads: its `definitions` become OpenAPI 3.1 `components.schemas` (the schema
 * objects are compatible; only `$ref`s move), after the wire differences the sandbox's validator also applies
 * (ENDPOINTS.md section 6: timestamps are RFC 3339 strings or null, not `{seconds, nanos}`).
 */
const fs = require('node:fs');
const path = require('node:path');

const sandboxSrc = path.resolve(
  __dirname,
  '../../../packages/argocd-sandbox/src',
);
const argocdOut = path.resolve(__dirname, '../src/argocd/generated/swagger.ts');

async function renderArgoCDTypes({ openapiTS, astToString }) {
  const { resolveContract } = require(path.join(
    sandboxSrc,
    'contracts/resolve.ts',
  ));
  const { ARGOCD_SWAGGER } = require(path.join(
    sandboxSrc,
    'contracts/pins.ts',
  ));
  const { applyDocumentedDifferences } = require(path.join(
    sandboxSrc,
    'swagger/validator.ts',
  ));
  const swagger = JSON.parse(
    fs.readFileSync(resolveContract(ARGOCD_SWAGGER), 'utf8'),
  );
  const schemas = JSON.parse(
    JSON.stringify(applyDocumentedDifferences(swagger.definitions)).replaceAll(
      '"#/definitions/',
      '"#/components/schemas/',
    ),
  );
  const doc = {
    openapi: '3.1.0',
    info: swagger.info,
    paths: {},
    components: { schemas },
  };
  const ast = await openapiTS(doc, { exportType: true, alphabetize: true });
  const header =
    `// This file is generated from Argo CD's swagger.json (sha256 ${ARGOCD_SWAGGER.sha256}, ` +
    `pinned in\n// packages/argocd-sandbox/src/contracts/pins.ts) by ` +
    '`yarn workspace @internal/plugin-app-center-backend generate:openapi`. Do not edit it by hand.\n';
  return {
    [argocdOut]: `${header}\n/* eslint-disable */\n${astToString(ast)}`,
  };
}

module.exports = { renderArgoCDTypes };
