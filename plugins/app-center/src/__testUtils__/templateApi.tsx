import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { AppCenterApi, appCenterApiRef } from '../api';
import { TemplateContent } from '../components/TemplateTab/TemplateTab';
import { capabilities } from './fakeAppCenterApi';

// Fixtures and a fake backend shared by the Template tab's test files.

export const R1 = '1111111111111111111111111111111111111111';
export const R2 = '2222222222222222222222222222222222222222';
export const R3 = '3333333333333333333333333333333333333333';
export const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n';
export const service =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

export async function serverError(
  status: number,
  error: Record<string, unknown>,
) {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error, response: { statusCode: status } }), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

export async function notFound() {
  return serverError(404, {
    name: 'NotFoundError',
    message: 'template shop/web does not exist',
  });
}

/** What the backend answers a member of the tenant who is not one of its admins. */
export const adminsOnly = {
  allowed: false,
  reason:
    'only admins of tenant "shop-team" may edit the templates of project "shop" (admin groups: group:default/shop-leads)',
};
export const asAdmin = capabilities();
export const asMember = capabilities({
  editTemplates: adminsOnly,
  manage: adminsOnly,
});

/** A fake backend; `admin` says whether it answers capabilities of a tenant admin or of a member. */
export function mockApi(
  overrides: Partial<AppCenterApi> = {},
  admin = true,
): jest.Mocked<AppCenterApi> {
  const may = admin ? asAdmin : asMember;
  return {
    getTemplateFiles: jest.fn(async () => ({
      capabilities: may,
      revision: R1,
      files: [
        { path: 'deployment.yaml', content: deployment },
        { path: 'service.yaml', content: service },
      ],
    })),
    putTemplateFiles: jest.fn(async () => ({
      revision: R2,
      parent: R1,
      committed: true,
      files: ['deployment.yaml'],
    })),
    createTemplate: jest.fn(async () => ({} as any)),
    getTemplateDrift: jest.fn(async () => ({
      revision: R1,
      environments: [],
      notAssociated: ['dev'],
    })),
    applyTemplateDrift: jest.fn(),
    listTemplates: jest.fn(async () => ({
      revision: R1,
      items: [],
      capabilities: may,
    })),
    ...overrides,
  } as unknown as jest.Mocked<AppCenterApi>;
}

export function render(
  api: AppCenterApi,
  element = <TemplateContent project="shop" app="web" />,
) {
  return renderInTestApp(element, { apis: [[appCenterApiRef, api]] });
}
