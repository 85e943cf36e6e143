export { startGitHttpServer, randomGitSecret } from './GitHttpServer.ts';
export type {
  GitHttpServer,
  GitHttpServerAuth,
  GitHttpServerOptions,
  GitHttpServerStats,
  CreateBareRepoOptions,
} from './GitHttpServer.ts';
