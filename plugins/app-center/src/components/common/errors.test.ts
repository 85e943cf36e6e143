import { ResponseError } from '@backstage/errors';
import { errorMessage, placeError } from './errors';

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

describe('placeError', () => {
  const fields = ['name', 'destination', 'destination.namespace', 'groups'];

  it('puts a 400 next to the field its message starts with', async () => {
    const e = await responseError(400, 'name "Bad_Name" is not allowed');
    expect(placeError(e, fields)).toEqual({
      field: 'name',
      message: 'name "Bad_Name" is not allowed',
    });
    const g = await responseError(
      400,
      'groups: group:default/x does not exist',
    );
    expect(placeError(g, fields).field).toBe('groups');
  });

  it('prefers the longest field path', async () => {
    const e = await responseError(400, 'destination.namespace is required');
    expect(placeError(e, fields).field).toBe('destination.namespace');
    const d = await responseError(400, 'destination: set name or server');
    expect(placeError(d, fields).field).toBe('destination');
  });

  it('does not match a field that is only a prefix of a word', async () => {
    const e = await responseError(400, 'namespaces are immutable');
    expect(placeError(e, fields)).toEqual({
      message: 'namespaces are immutable',
    });
  });

  it('keeps other statuses above the form', async () => {
    const e = await responseError(409, 'name "shop" is already taken');
    expect(placeError(e, fields)).toEqual({
      message: 'name "shop" is already taken',
    });
    expect(errorMessage(new Error('boom'))).toBe('boom');
  });
});
