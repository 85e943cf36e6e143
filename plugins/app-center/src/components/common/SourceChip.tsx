import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import type { EntrySource } from '@internal/plugin-app-center-common';

/** Marks entries loaded from `appCenter.tenants` in app-config: they are read-only in the portal. */
export const SourceChip = ({ source }: { source: EntrySource }) =>
  source === 'config' ? (
    <Tooltip title="Managed in app-config (appCenter.tenants); change it there">
      <Chip size="small" variant="outlined" label="from app-config" />
    </Tooltip>
  ) : (
    <Chip size="small" variant="outlined" label="portal" />
  );
