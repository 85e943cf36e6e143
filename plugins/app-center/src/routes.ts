import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The App Center page (`/app-center`); its sub-pages hang below it. */
export const rootRouteRef = createRouteRef();

/** The admin sub-page (`/app-center/admin`): tenants, projects and environments. */
export const adminRouteRef = createRouteRef();
