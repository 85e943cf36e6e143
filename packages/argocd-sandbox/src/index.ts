export {
  startArgoCDSandbox,
  DEFAULT_SANDBOX_TOKEN,
  DEFAULT_ARGOCD_PORT,
  DEFAULT_GIT_PORT,
} from './sandbox.ts';
export type { ArgoCDSandbox, ArgoCDSandboxOptions } from './sandbox.ts';
export { startSandboxStack, DEFAULT_GIT_TOKEN } from './stack.ts';
export type { SandboxStack, SandboxStackOptions } from './stack.ts';
export {
  exampleRepoFiles,
  EXAMPLE_REPO_NAME,
  EXAMPLE_BRANCH,
} from './example.ts';
export { Hooks } from './hooks/faults.ts';
export { generateLargeApp, MAX_GENERATED_NODES } from './argocd/largeApp.ts';
export type { LargeAppRequest, LargeAppResult } from './argocd/largeApp.ts';
export { CRASH_LINE } from './cluster/crash.ts';
export type { Fault, FaultSpec, RequestRecord } from './hooks/faults.ts';
export {
  validateAgainstSwagger,
  assertMatchesSwagger,
  validateStreamItem,
  swaggerDefinitionNames,
  findSwaggerFile,
  SWAGGER_ENV,
} from './swagger/validator.ts';
export type { SwaggerValidationResult } from './swagger/validator.ts';
export {
  ARGOCD_SWAGGER,
  ARGO_ROLLOUTS_CRD,
  PINNED_CONTRACTS,
} from './contracts/pins.ts';
export type { ContractPin } from './contracts/pins.ts';
export { resolveContract, ContractNotFoundError } from './contracts/resolve.ts';
export { ManualClock, realClock } from './util/clock.ts';
export type { Clock } from './util/clock.ts';
export { GrpcCode } from './http/errors.ts';
export { startGitHttpServer, randomGitSecret } from './git/index.ts';
export type {
  GitHttpServer,
  GitHttpServerAuth,
  GitHttpServerOptions,
  GitHttpServerStats,
  CreateBareRepoOptions,
} from './git/index.ts';
