import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';

/**
 * Who is asking, with what App Center needs to decide: ownership refs and whether a portal admin. Routes
 * resolve it from the request (service/CallerResolver.ts); services only ever see this.
 */
export type Caller = {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  userEntityRef: string;
  ownershipRefs: string[];
  portalAdmin: boolean;
};
