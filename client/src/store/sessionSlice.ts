// Who is signed in, whether the first-run set-up is still needed, and the auth actions.
import type { AcceptOrganiserInviteBody } from '../../../shared/network.ts';
import { networkApi } from '../api/network.ts';
import type { AcceptInviteBody, MeResponse, SetupBody } from '../../../shared/api.ts';
import { api } from '../api/endpoints.ts';
import { HttpError } from '../api/http.ts';
import type { SliceCreator } from './types.ts';

export type SessionStatus = 'unknown' | 'loading' | 'signedIn' | 'signedOut';

export interface SessionSlice {
  me: MeResponse | null;
  sessionStatus: SessionStatus;
  /** null until GET /api/setup answered. */
  setupNeeded: boolean | null;
  /** First load: set-up status, then the session. Safe to call from several guards at once. */
  loadSession: () => Promise<void>;
  refreshMe: () => Promise<void>;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  setup: (body: SetupBody) => Promise<void>;
  acceptInvite: (token: string, body: AcceptInviteBody) => Promise<void>;
  acceptOrganiserInvite: (token: string, body: AcceptOrganiserInviteBody) => Promise<void>;
}

let inFlight: Promise<void> | null = null;

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  me: null,
  sessionStatus: 'unknown',
  setupNeeded: null,

  loadSession: () => {
    if (inFlight) return inFlight;
    set({ sessionStatus: 'loading' });
    inFlight = (async () => {
      try {
        const { needed } = await api.setupStatus();
        set({ setupNeeded: needed });
        if (needed) {
          set({ me: null, sessionStatus: 'signedOut' });
          return;
        }
        await get().refreshMe();
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  },

  refreshMe: async () => {
    try {
      const me = await api.me();
      set({ me, sessionStatus: 'signedIn' });
    } catch (err) {
      // Anything else than "not signed in" (e.g. server down) still leaves us signed out,
      // but the login page will show the server's error when the user tries again.
      if (!(err instanceof HttpError) || err.status !== 401) console.warn('GET /api/me failed', err);
      set({ me: null, sessionStatus: 'signedOut' });
    }
  },

  login: async (email, password) => {
    const me = await api.login(email, password);
    set({ me, sessionStatus: 'signedIn' });
  },

  logout: async () => {
    try {
      await api.logout();
    } finally {
      set({ me: null, sessionStatus: 'signedOut' });
      get().clearGroups();
    }
  },

  setup: async (body) => {
    const me = await api.setup(body);
    set({ me, sessionStatus: 'signedIn', setupNeeded: false });
  },

  acceptInvite: async (token, body) => {
    const me = await api.acceptInvite(token, body);
    set({ me, sessionStatus: 'signedIn' });
  },

  acceptOrganiserInvite: async (token, body) => {
    const me = await networkApi.acceptOrganiserInvite(token, body);
    set({ me, sessionStatus: 'signedIn' });
  },
});
