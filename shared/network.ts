// The network as a whole: its organisers, invitations to organise it, the coach's page across
// groups. Request bodies (zod) and response shapes; docs/API.md documents the same contract.
import type { z } from 'zod';
import { acceptInviteBody } from './api.ts';

/** One organiser of a network: every organiser holds the same rights (shared/access networkRules). */
export interface NetworkOrganiser {
  userId: string;
  name: string;
  email: string;
  /** When they became an organiser. */
  since: string;
}

export interface OrganiserInvite {
  id: string;
  networkId: string;
  createdBy: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
  createdAt: string;
}

/** POST /api/networks/:id/organisers/invites: the link is shown once. */
export interface CreatedOrganiserInvite {
  invite: OrganiserInvite;
  url: string;
}

export interface OrganiserInvitePreview {
  networkName: string;
  invitedBy: string;
  expiresAt: string;
}

/** Accepting: signed in, nothing; otherwise the new account's fields (as for a group invite). */
export const acceptOrganiserInviteBody = acceptInviteBody.omit({ company: true });
export type AcceptOrganiserInviteBody = z.infer<typeof acceptOrganiserInviteBody>;
