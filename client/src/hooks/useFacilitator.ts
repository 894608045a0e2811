// Whether the signed-in user may run the room: the shared permission rule, not a copy of it.
import { hasFacilitatorRight } from '../../../shared/access/index.ts';
import { useStore } from '../store/index.ts';

export function useIsFacilitator(): boolean {
  return useStore((s) => (s.state && s.you ? hasFacilitatorRight(s.state, s.you) : false));
}
