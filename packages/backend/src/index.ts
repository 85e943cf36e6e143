/*
 * The Backstage backend of the App Center portal: catalog, guest sign-in for local use, a permission policy
 * that uses App Center's permissions, signals and App Center itself.
 */
import { createBackend } from '@backstage/backend-defaults';
import { databaseServiceFactory } from './database/databaseServiceFactory';

const backend = createBackend();

// Replicas starting together on one PostgreSQL run their migrations one after the other (see startupLock.ts).
backend.add(databaseServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Guest sign-in is for local use; production portals add their identity provider module instead.
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions/policyModule'));

// Signals push task progress to the browser; the events backend carries them between backend replicas.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@internal/plugin-app-center-backend'));
// Harbor as a registry provider (tags with push times and labels); inert without appCenter.harbor.instances.
backend.add(import('@internal/plugin-app-center-backend-module-harbor'));

// A backend whose start-up failed must exit, not linger unready: an orchestrator then restarts it. This happens
// e.g. when several replicas start at once on an empty database and one loses a plugin's migration lock.
backend.start().catch(error => {
  console.error('Backend start-up failed, exiting', error);
  process.exit(1);
});
