import type { LoggerService } from '@backstage/backend-plugin-api';
import type { GitRepositoryCache } from '../git';
import type { ApplicationWatches } from './applicationWatch';
import type { DeployTargets, EnvironmentTarget } from './targets';

/**
 * Whether a registry allows a tag to be deployed (e.g. Harbor's "unpublishable" label). The registry
 * service implements it; without one every valid tag may be deployed.
 */
export interface TagPublishability {
  isTagPublishable(
    image: string,
    tag: string,
  ): Promise<{ publishable: boolean; reason?: string }>;
}

/**
 * The environment's image-security policy: refuses (400, naming the findings) images whose scans have
 * findings the environment does not accept. The security service implements it.
 */
export interface ImagePolicyCheck {
  requireAllowed(
    target: EnvironmentTarget,
    images: Array<{
      app: string;
      image: string;
      tag?: string;
      digest?: string;
    }>,
  ): Promise<void>;
}

/** What every deploy task kind uses. */
export interface DeployEngineDeps {
  targets: DeployTargets;
  /** Refuses unpublishable tags when deploys are planned. */
  registry?: TagPublishability;
  /** Refuses images with findings an environment's policy does not accept when deploys are planned. */
  imagePolicy?: ImagePolicyCheck;
  git: GitRepositoryCache;
  logger: LoggerService;
  /** How long a sync may take to become healthy (appCenter.deploy.timeoutSeconds). */
  timeoutMs: number;
  /** First poll interval of the health watch (tests and benches may lower it). */
  pollMs?: number;
  /**
   * The health watches shared by every deploy task of this process (one per environment); without it each
   * task watches on its own.
   */
  watches?: ApplicationWatches;
  /** Apps of one batch deploy synced at once. */
  syncConcurrency?: number;
}
