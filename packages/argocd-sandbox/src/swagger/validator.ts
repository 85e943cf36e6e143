/* eslint-disable @typescript-eslint/no-explicit-any */
import fs from 'node:fs';
import Ajv from 'ajv';
import type { ValidateFunction, ErrorObject } from 'ajv';
import { ARGOCD_SWAGGER } from '../contracts/pins.ts';
import { resolveContract } from '../contracts/resolve.ts';

/**
 * Validates values against the definitions of Argo CD's swagger.json (the pinned contract, see
 * `contracts/pins.ts`). Swagger 2.0 definitions are JSON-schema-like; they are loaded
 * as-is, with only the wire differences documented in ENDPOINTS.md section 6 allowed, each one explicitly:
 *  - zero timestamps (`v1Time`, `v1MicroTime`) may be `null`;
 *  - `v1alpha1SyncStrategyHook` also takes the inline `force` (the Go type embeds SyncStrategyApply);
 *  - `spec.source.helm.valuesObject` is a plain JSON object on the wire;
 *  - `v1MicroTime` is an RFC 3339 string on the wire (Kubernetes' MicroTime), not `{seconds, nanos}`.
 * Streams are validated one line at a time with `validateStreamItem`.
 */

export const SWAGGER_ENV = ARGOCD_SWAGGER.env;

export interface SwaggerValidationResult {
  valid: boolean;
  errors: string[];
}

/** The pinned contract's file: the one resolver every reader of the contract uses (see `contracts/resolve.ts`). */
export function findSwaggerFile(): string {
  return resolveContract(ARGOCD_SWAGGER);
}

const NULLABLE_TIME = {
  anyOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }],
};

/** The documented wire differences, applied to a copy of the definitions. */
export function applyDocumentedDifferences(
  definitions: Record<string, any>,
): Record<string, any> {
  const defs = JSON.parse(JSON.stringify(definitions));
  defs.v1Time = {
    ...NULLABLE_TIME,
    description: 'v1Time (null when zero, ENDPOINTS.md 6)',
  };
  defs.v1MicroTime = {
    ...NULLABLE_TIME,
    description: 'v1MicroTime (RFC 3339 string or null on the wire)',
  };
  const hook = defs.v1alpha1SyncStrategyHook;
  if (hook)
    hook.properties = { ...hook.properties, force: { type: 'boolean' } };
  const helm = defs.v1alpha1ApplicationSourceHelm;
  if (helm?.properties?.valuesObject)
    helm.properties.valuesObject = { type: 'object' };
  return defs;
}

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

class SwaggerValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  readonly definitions: Record<string, any>;

  constructor(file: string) {
    const swagger = JSON.parse(fs.readFileSync(file, 'utf8'));
    this.definitions = applyDocumentedDifferences(swagger.definitions);
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateFormats: true,
    });
    this.ajv.addFormat('date-time', DATE_TIME);
    this.ajv.addFormat('int64', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n),
    });
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n),
    });
    this.ajv.addFormat('uint64', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= 0,
    });
    // int64 values typed as strings (query parameters) and base64 bytes: lenient string checks
    this.ajv.addFormat('byte', /^[A-Za-z0-9+/=\s]*$/);
    for (const f of ['double', 'float', 'uint32']) this.ajv.addFormat(f, true);
    this.ajv.addSchema({
      $id: 'argocd-swagger',
      definitions: this.definitions,
    });
  }

  private compiled(name: string): ValidateFunction {
    let fn = this.cache.get(name);
    if (!fn) {
      if (!this.definitions[name])
        throw new Error(`swagger.json has no definition "${name}"`);
      fn = this.ajv.getSchema(`argocd-swagger#/definitions/${name}`);
      if (!fn) throw new Error(`could not compile definition "${name}"`);
      this.cache.set(name, fn);
    }
    return fn;
  }

  validate(name: string, value: unknown): SwaggerValidationResult {
    const fn = this.compiled(name);
    const valid = fn(value) as boolean;
    return { valid, errors: valid ? [] : formatErrors(fn.errors ?? []) };
  }
}

function formatErrors(errors: ErrorObject[]): string[] {
  return errors.map(e =>
    `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(
      e.params,
    )}`.trim(),
  );
}

let shared: SwaggerValidator | undefined;

function validator(): SwaggerValidator {
  if (!shared) shared = new SwaggerValidator(findSwaggerFile());
  return shared;
}

/** Validates `value` against the swagger definition `definitionName` (e.g. `v1alpha1Application`). */
export function validateAgainstSwagger(
  definitionName: string,
  value: unknown,
): SwaggerValidationResult {
  return validator().validate(definitionName, value);
}

/** Throws with a readable message when `value` does not match the definition. */
export function assertMatchesSwagger(
  definitionName: string,
  value: unknown,
): void {
  const r = validateAgainstSwagger(definitionName, value);
  if (!r.valid) {
    throw new Error(
      `value does not match swagger definition ${definitionName}:\n  ${r.errors.join(
        '\n  ',
      )}`,
    );
  }
}

/**
 * Validates one item of a stream (`{result: <definition>}` or `{error: runtimeStreamError}`), as the swagger's
 * "Stream result of X" schema describes a single line of the body.
 */
export function validateStreamItem(
  resultDefinition: string,
  item: unknown,
): SwaggerValidationResult {
  if (item === null || typeof item !== 'object')
    return { valid: false, errors: ['stream item is not an object'] };
  const obj = item as Record<string, unknown>;
  if ('error' in obj && obj.error !== undefined)
    return validateAgainstSwagger('runtimeStreamError', obj.error);
  if (!('result' in obj))
    return {
      valid: false,
      errors: ['stream item has neither result nor error'],
    };
  return validateAgainstSwagger(resultDefinition, obj.result);
}

/** The names of all definitions in the contract. */
export function swaggerDefinitionNames(): string[] {
  return Object.keys(validator().definitions);
}
