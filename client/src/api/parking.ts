// The group's parking lot.
import type { ParkingActionBody, ParkingItem } from '../../../shared/parking.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const parkingApi = {
  list: (groupId: string, all = false) => http.get<ParkingItem[]>(`/api/groups/${enc(groupId)}/parking${all ? '?all=1' : ''}`),
  add: (groupId: string, body: { kind: 'parked' | 'need' | 'lead'; title: string; detail?: string }) => http.post<ParkingItem>(`/api/groups/${enc(groupId)}/parking`, body),
  park: (meetingId: string, body: { title: string; itemId?: string; groupId?: string }) => http.post<ParkingItem>(`/api/meetings/${enc(meetingId)}/parking`, body),
  act: (itemId: string, body: Partial<ParkingActionBody> & Pick<ParkingActionBody, 'action'>) => http.post<ParkingItem>(`/api/parking/${enc(itemId)}/actions`, body),
};
