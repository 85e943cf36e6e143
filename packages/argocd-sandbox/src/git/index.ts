export { startGitHttpServer, randomGitSecret } from './GitHttpServer';
export type {
  GitHttpServer,
  GitHttpServerAuth,
  GitHttpServerOptions,
  GitHttpServerStats,
  CreateBareRepoOptions,
} from './GitHttpServer';
