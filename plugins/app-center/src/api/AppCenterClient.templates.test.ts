import { ResponseError } from '@backstage/errors';
import { AppCenterClient } from './AppCenterClient';

const baseUrl = 'http://backstage.test/api/app-center';

function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
}

function setup(...responses: Response[]) {
  const fetch = jest.fn<Promise<Response>, [string, RequestInit?]>();
  for (const r of responses) fetch.mockResolvedValueOnce(r);
  const client = AppCenterClient.create({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const call = (fetch: jest.Mock, n = 0) => {
  const [url, init] = fetch.mock.calls[n];
  return [
    url,
    init?.method,
    init?.body ? JSON.parse(init.body as string) : undefined,
  ];
};

describe('AppCenterClient templates', () => {
  it('calls the template routes with encoded names', async () => {
    const list = { revision: 'r1', items: [] };
    const { client, fetch } = setup(
      jsonResponse(200, list),
      jsonResponse(201, { name: 'web' }),
      jsonResponse(200, { revision: 'r1', files: [] }),
      jsonResponse(200, {
        revision: 'r2',
        parent: 'r1',
        committed: true,
        files: ['a.yaml'],
      }),
      jsonResponse(200, {
        revision: 'r2',
        environments: [],
        notAssociated: [],
      }),
      jsonResponse(200, { merged: [] }),
      jsonResponse(204),
    );
    await expect(client.listTemplates('shop')).resolves.toEqual(list);
    await client.createTemplate('shop', {
      name: 'web',
      starter: { image: 'web:1', port: 80, replicas: 1 },
    });
    await client.getTemplateFiles('shop', 'web');
    await client.putTemplateFiles('shop', 'web', {
      files: [{ path: 'a.yaml', content: 'x' }],
      baseRevision: 'r1',
    });
    await client.getTemplateDrift('shop', 'web');
    await client.applyTemplateDrift('shop', 'web', 'dev');
    await client.deleteTemplate('shop', 'web', { baseRevision: 'r2' });
    expect(fetch.mock.calls.map((_, n) => call(fetch, n))).toEqual([
      [`${baseUrl}/projects/shop/templates`, 'GET', undefined],
      [
        `${baseUrl}/projects/shop/templates`,
        'POST',
        { name: 'web', starter: { image: 'web:1', port: 80, replicas: 1 } },
      ],
      [`${baseUrl}/projects/shop/templates/web/files`, 'GET', undefined],
      [
        `${baseUrl}/projects/shop/templates/web/files`,
        'PUT',
        { files: [{ path: 'a.yaml', content: 'x' }], baseRevision: 'r1' },
      ],
      [`${baseUrl}/projects/shop/templates/web/drift`, 'GET', undefined],
      [`${baseUrl}/projects/shop/templates/web/drift/dev/apply`, 'POST', {}],
      [
        `${baseUrl}/projects/shop/templates/web?baseRevision=r2`,
        'DELETE',
        undefined,
      ],
    ]);
  });

  it('keeps the details of a 409 in the ResponseError body', async () => {
    const { client } = setup(
      jsonResponse(409, {
        error: {
          name: 'ConflictError',
          message: 'changed',
          baseRevision: 'a',
          headRevision: 'b',
          files: ['svc.yaml'],
        },
        response: { statusCode: 409 },
      }),
    );
    const error = await client
      .putTemplateFiles('shop', 'web', { files: [] })
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect((error as ResponseError).body.error).toMatchObject({
      baseRevision: 'a',
      headRevision: 'b',
      files: ['svc.yaml'],
    });
  });
});
