import { ResponseError } from '@backstage/errors';
import { AppCenterClient } from './AppCenterClient';

const baseUrl = 'http://backstage.test/api/app-center';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  409: 'Conflict',
};

function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    statusText: STATUS_TEXT[status] ?? '',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
}

function setup(...responses: Response[]) {
  const fetch = jest.fn<Promise<Response>, [string, RequestInit?]>();
  for (const r of responses) fetch.mockResolvedValueOnce(r);
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const client = AppCenterClient.create({
    discoveryApi,
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch, discoveryApi };
}

const tenant = {
  name: 'shop-team',
  title: 'Shop team',
  groups: ['group:default/shop'],
  adminGroups: [],
  source: 'config',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('AppCenterClient', () => {
  it('lists tenants from the app-center backend and unwraps items', async () => {
    const { client, fetch, discoveryApi } = setup(
      jsonResponse(200, { items: [tenant] }),
    );
    await expect(client.listTenants()).resolves.toEqual([tenant]);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('app-center');
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/tenants`,
      expect.objectContaining({ method: 'GET', body: undefined }),
    );
  });

  it('starts a task of any kind with one request', async () => {
    const queued = { id: 't-1', kind: 'scale', status: 'pending' };
    const { client, fetch } = setup(jsonResponse(202, queued));
    const request = {
      kind: 'scale',
      project: 'shop',
      environment: 'dev',
      input: { app: 'web', replicas: 2 },
    };
    await expect(client.startTask(request)).resolves.toEqual(queued);
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/tasks`,
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify(request),
      }),
    );
  });

  it('filters projects by tenant with a query parameter', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [] }),
      jsonResponse(200, { items: [] }),
    );
    await client.listProjects({ tenant: 'shop team' });
    await client.listProjects();
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/projects?tenant=shop+team`);
    expect(fetch.mock.calls[1][0]).toBe(`${baseUrl}/projects`);
  });

  it('sends JSON bodies and encodes path segments', async () => {
    const { client, fetch } = setup(
      jsonResponse(201, { name: 'qa' }),
      jsonResponse(200, { name: 'qa' }),
      jsonResponse(204),
    );
    const input = {
      name: 'qa',
      kind: 'test' as const,
      destination: { name: 'in-cluster', namespace: 'shop-qa' },
    };
    await client.createEnvironment('shop', input);
    await client.updateEnvironment('shop', 'q/a', {
      kind: 'test',
      destination: input.destination,
    });
    await expect(client.deleteEnvironment('shop', 'qa')).resolves.toBe(
      undefined,
    );

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/projects/shop/environments`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init?.body as string)).toEqual(input);

    expect(fetch.mock.calls[1][0]).toBe(
      `${baseUrl}/projects/shop/environments/q%2Fa`,
    );
    expect(fetch.mock.calls[1][1]?.method).toBe('PUT');
    expect(fetch.mock.calls[2][1]?.method).toBe('DELETE');
  });

  it('asks for every deploy Argo CD keeps, not the first page of 20, and recreates an Application by POST', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [] }),
      jsonResponse(201, { name: 'web' }),
    );
    await client.getAppHistory('shop', 'dev', 'web');
    await client.recreateApplication('shop', 'dev', 'web');
    const app = `${baseUrl}/projects/shop/environments/dev/apps/web`;
    expect(fetch.mock.calls.map(c => [c[1]?.method ?? 'GET', c[0]])).toEqual([
      ['GET', `${app}/history?limit=100`],
      ['POST', `${app}/recreate`],
    ]);
  });

  it('reads access and portal config', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { portalAdmin: true, tenants: [] }),
      jsonResponse(200, { argocdInstances: ['main'] }),
    );
    await expect(client.getAccess()).resolves.toEqual({
      portalAdmin: true,
      tenants: [],
    });
    await expect(client.getPortalConfig()).resolves.toEqual({
      argocdInstances: ['main'],
    });
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      `${baseUrl}/access`,
      `${baseUrl}/config`,
    ]);
  });

  it('throws a ResponseError carrying the server message and status', async () => {
    const { client } = setup(
      jsonResponse(400, {
        error: {
          name: 'InputError',
          message: 'name "Bad_Name" is not allowed: use lower-case letters',
        },
        response: { statusCode: 400 },
      }),
    );
    const error = await client
      .createTenant({ name: 'Bad_Name', groups: [], adminGroups: [] })
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.cause.name).toBe('InputError');
    expect(error.cause.message).toBe(
      'name "Bad_Name" is not allowed: use lower-case letters',
    );
  });

  it('turns a non-JSON error answer into a ResponseError too', async () => {
    const { client } = setup(
      new Response('upstream down', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = await client.deleteTenant('shop-team').catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(502);
    expect(error.cause.message).toContain('upstream down');
  });
});
