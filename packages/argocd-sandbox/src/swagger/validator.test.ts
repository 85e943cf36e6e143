import { validateAgainstSwagger, validateStreamItem } from './validator.ts';

describe('validateAgainstSwagger', () => {
  it('accepts a valid Application and rejects wrong types', () => {
    const app = {
      metadata: { name: 'web' },
      spec: {
        project: 'default',
        destination: { namespace: 'x' },
        source: { repoURL: 'r', path: 'p' },
      },
    };
    expect(validateAgainstSwagger('v1alpha1Application', app)).toEqual({
      valid: true,
      errors: [],
    });
    const bad = validateAgainstSwagger('v1alpha1Application', {
      metadata: { name: 3 },
    });
    expect(bad.valid).toBe(false);
    expect(bad.errors.join()).toMatch(/metadata\/name/);
  });

  it('allows only the documented differences', () => {
    // null timestamps
    expect(
      validateAgainstSwagger('v1alpha1OperationState', {
        phase: 'Running',
        startedAt: null,
      }).valid,
    ).toBe(true);
    expect(
      validateAgainstSwagger('v1alpha1OperationState', {
        startedAt: 'yesterday',
      }).valid,
    ).toBe(false);
    // hook strategy wire form
    expect(
      validateAgainstSwagger('v1alpha1SyncStrategy', { hook: { force: true } })
        .valid,
    ).toBe(true);
    expect(
      validateAgainstSwagger('v1alpha1SyncStrategy', { hook: { force: 'yes' } })
        .valid,
    ).toBe(false);
    // helm valuesObject as a plain object
    expect(
      validateAgainstSwagger('v1alpha1ApplicationSourceHelm', {
        valuesObject: { replicas: 2 },
      }).valid,
    ).toBe(true);
  });

  it('validates stream lines one at a time', () => {
    expect(
      validateStreamItem('applicationLogEntry', {
        result: { content: 'x', last: false },
      }).valid,
    ).toBe(true);
    expect(
      validateStreamItem('applicationLogEntry', {
        error: {
          grpc_code: 2,
          http_code: 500,
          message: 'x',
          http_status: 'Internal Server Error',
          details: [],
        },
      }).valid,
    ).toBe(true);
    expect(
      validateStreamItem('applicationLogEntry', { result: { last: 'no' } })
        .valid,
    ).toBe(false);
    expect(validateStreamItem('applicationLogEntry', {}).valid).toBe(false);
  });

  it('fails clearly on an unknown definition', () => {
    expect(() => validateAgainstSwagger('noSuchDefinition', {})).toThrow(
      /no definition "noSuchDefinition"/,
    );
  });
});
