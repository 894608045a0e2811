// Pre-meeting updates and the group's prompts.
import type { MeetingUpdates, MemberUpdate, UpdatePrompt } from '../../../shared/updates.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export interface GroupPrompts {
  prompts: UpdatePrompt[];
  defaultPrompts: boolean;
}

export const updatesApi = {
  ofMeeting: (meetingId: string) => http.get<MeetingUpdates>(`/api/meetings/${enc(meetingId)}/updates`),
  writeMine: (meetingId: string, answers: Record<string, string>) => http.put<MemberUpdate>(`/api/meetings/${enc(meetingId)}/updates/mine`, { answers }),
  prompts: (groupId: string) => http.get<GroupPrompts>(`/api/groups/${enc(groupId)}/update-prompts`),
  setPrompts: (groupId: string, prompts: UpdatePrompt[] | null) => http.put<GroupPrompts>(`/api/groups/${enc(groupId)}/update-prompts`, { prompts }),
};
