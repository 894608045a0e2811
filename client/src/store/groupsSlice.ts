// Groups: the group page's detail, the organiser's network lists, invites, new groups and meetings.
import type { CreatedInvite, GroupBody, GroupDetail, InvitePreview, MeetingBody, MeetingDetail } from '../../../shared/api.ts';
import type { Group, GroupRole } from '../../../shared/domain.ts';
import type { GroupKindBody } from '../../../shared/groupKinds.ts';
import { api } from '../api/endpoints.ts';
import { errorMessage } from '../api/http.ts';
import type { SliceCreator } from './types.ts';

export interface GroupsSlice {
  /** The group shown on /groups/:id. */
  groupDetail: GroupDetail | null;
  groupError: string | null;
  /** Groups of each network the user organises, by network id. */
  networkGroups: Record<string, Group[]>;
  invitePreview: InvitePreview | null;
  invitePreviewError: string | null;

  loadGroup: (id: string) => Promise<void>;
  updateGroup: (id: string, patch: Partial<GroupBody>) => Promise<void>;
  /** companyId: in a companion group, the parent group's company a member works for. */
  createInvite: (groupId: string, role: GroupRole, companyId?: string) => Promise<CreatedInvite>;
  changeMemberRole: (groupId: string, userId: string, role: GroupRole) => Promise<void>;
  removeMember: (groupId: string, userId: string) => Promise<void>;
  loadNetworkGroups: (networkId: string) => Promise<void>;
  createGroup: (networkId: string, body: GroupBody & Partial<GroupKindBody>) => Promise<Group>;
  createMeeting: (groupId: string, body: MeetingBody) => Promise<MeetingDetail>;
  loadInvitePreview: (token: string) => Promise<void>;
  clearGroups: () => void;
}

export const createGroupsSlice: SliceCreator<GroupsSlice> = (set, get) => ({
  groupDetail: null,
  groupError: null,
  networkGroups: {},
  invitePreview: null,
  invitePreviewError: null,

  loadGroup: async (id) => {
    if (get().groupDetail?.group.id !== id) set({ groupDetail: null });
    set({ groupError: null });
    try {
      set({ groupDetail: await api.group(id) });
    } catch (err) {
      set({ groupError: errorMessage(err) });
    }
  },

  updateGroup: async (id, patch) => {
    const group = await api.updateGroup(id, patch);
    const detail = get().groupDetail;
    if (detail?.group.id === id) set({ groupDetail: { ...detail, group, currency: group.currency ?? detail.networkCurrency } });
    await get().refreshMe(); // the header lists and home page show the name too
  },

  createInvite: (groupId, role, companyId) => api.createInvite(groupId, { role, ...(companyId && { companyId }) }),

  changeMemberRole: async (groupId, userId, role) => {
    const members = await api.updateMember(groupId, userId, { role });
    const detail = get().groupDetail;
    if (detail?.group.id === groupId) set({ groupDetail: { ...detail, members } });
  },

  removeMember: async (groupId, userId) => {
    await api.removeMember(groupId, userId);
    const detail = get().groupDetail;
    if (detail?.group.id === groupId) {
      set({ groupDetail: { ...detail, members: detail.members.filter((m) => m.userId !== userId) } });
    }
  },

  loadNetworkGroups: async (networkId) => {
    const groups = await api.networkGroups(networkId);
    set({ networkGroups: { ...get().networkGroups, [networkId]: groups } });
  },

  createGroup: async (networkId, body) => {
    const group = await api.createGroup(networkId, body);
    await Promise.all([get().loadNetworkGroups(networkId), get().refreshMe()]);
    return group;
  },

  createMeeting: async (groupId, body) => {
    const detail = await api.createMeeting(groupId, body);
    await get().loadGroup(groupId);
    return detail;
  },

  loadInvitePreview: async (token) => {
    set({ invitePreview: null, invitePreviewError: null });
    try {
      set({ invitePreview: await api.invitePreview(token) });
    } catch (err) {
      set({ invitePreviewError: errorMessage(err) });
    }
  },

  clearGroups: () => set({ groupDetail: null, groupError: null, networkGroups: {}, invitePreview: null }),
});
