// The caller's rights as the server computed them (shared/access): views ask this, never role strings.
import type { GroupAction } from '../../../shared/access/index.ts';

/** Whether a group or meeting answer lets the caller take the action; false while it loads. */
export function allows(detail: { allowed: readonly GroupAction[] } | null | undefined, action: GroupAction): boolean {
  return detail?.allowed.includes(action) ?? false;
}
