import type { ReactElement } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import type { Capability } from '@internal/plugin-app-center-common';

/** Shown while the response that carries the caller's capabilities is still on its way. */
export const CHECKING_ACCESS = 'Checking your access…';

/**
 * Why the caller may not do something, from the capability the backend answered (its access resolver
 * decides; the frontend never re-derives a rule); undefined when they may.
 */
export function deniedReason(capability?: Capability): string | undefined {
  if (!capability) return CHECKING_ACCESS;
  if (capability.allowed) return undefined;
  return capability.reason ?? 'you may not do this';
}

/**
 * A (disabled) action with the reason it is not available on hover and in its accessible name
 * (`<label>: <reason>`); the action itself when there is no reason.
 */
export function WithReason(props: {
  label: string;
  reason?: string;
  children: ReactElement;
}) {
  if (!props.reason) return props.children;
  return (
    <Tooltip title={props.reason}>
      <span aria-label={`${props.label}: ${props.reason}`}>
        {props.children}
      </span>
    </Tooltip>
  );
}
