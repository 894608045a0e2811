// Mounts the realtime adapter for a meeting page while the page is open.
import { useEffect } from 'react';
import type { AttendanceMode } from '../../../shared/domain.ts';
import { connectMeeting } from '../realtime/meetingSocket.ts';

/** Connects once `mode` is known (null: still asking where the user joins from). */
export function useMeetingConnection(meetingId: string, mode: AttendanceMode | null, projector = false): void {
  useEffect(() => {
    if (!mode) return;
    return connectMeeting({ meetingId, mode, projector });
  }, [meetingId, mode, projector]);
}
