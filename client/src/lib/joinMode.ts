// Where the user joins a meeting from, remembered per meeting so a reload does not ask again.
import type { AttendanceMode } from '../../../shared/domain.ts';

const key = (meetingId: string) => `peerboard:join-mode:${meetingId}`;

export function storedJoinMode(meetingId: string): AttendanceMode | null {
  try {
    const v = localStorage.getItem(key(meetingId));
    return v === 'room' || v === 'remote' ? v : null;
  } catch {
    return null; // storage disabled: just ask again
  }
}

export function storeJoinMode(meetingId: string, mode: AttendanceMode): void {
  try {
    localStorage.setItem(key(meetingId), mode);
  } catch {
    /* storage disabled: the choice lasts for this page only */
  }
}
