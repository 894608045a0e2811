// Storage contract for the mail queue, mail jobs, preferences, unsubscribe and password-reset
// tokens, and managed invites. Run against SQLite and PostgreSQL like the rest of the contract.
import { describe, expect, it } from 'vitest';
import { group, uid, user, freshStorage } from './contract-fixtures.ts';
import type { NewMail, Storage } from './types.ts';

const T0 = '2026-11-01T08:00:00.000Z';
const later = (ms: number): string => new Date(Date.parse(T0) + ms).toISOString();

const mail = (over: Partial<NewMail> = {}): NewMail => ({
  id: uid('mail'),
  dedupeKey: null,
  kind: 'meeting_reminder',
  networkId: null,
  groupId: null,
  userId: null,
  to: 'ada@example.com',
  subject: 'Tomorrow: quarterly meeting',
  text: 'See you tomorrow',
  status: 'pending',
  createdAt: T0,
  ...over,
});

export function runMailContract(name: string, make: () => Promise<Storage>): void {
  describe(`mail storage contract: ${name}`, () => {
    const s = freshStorage(make);

    it('queues a mail once per dedupe key and keeps its headers and attachments', async () => {
      const key = uid('key');
      const first = mail({ dedupeKey: key, headers: { 'List-Unsubscribe': '<https://x/u>' }, attachments: [{ filename: 'm.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] });
      expect(await s().enqueueMail(first)).toBe(true);
      expect(await s().enqueueMail(mail({ dedupeKey: key, subject: 'again' }))).toBe(false);
      const got = await s().getMail(first.id);
      expect(got).toMatchObject({ subject: first.subject, status: 'pending', attempts: 0, headers: first.headers, attachments: first.attachments, sentAt: null });
      expect((await s().countMailByStatus()).pending).toBe(1);
    });

    it('gives a due mail to one claimer only, and again only after its lease ran out', async () => {
      const m = mail();
      await s().enqueueMail(m);
      const [a, b] = await Promise.all([s().claimMail(later(1), later(60_000), 10), s().claimMail(later(1), later(60_000), 10)]);
      expect([...a, ...b].map((x) => x.id)).toEqual([m.id]);
      expect([...a, ...b][0]!.attempts).toBe(1);
      expect(await s().claimMail(later(30_000), later(90_000), 10)).toEqual([]);
      // The first sender died mid-send: after the lease another takes it.
      const again = await s().claimMail(later(61_000), later(120_000), 10);
      expect(again.map((x) => x.attempts)).toEqual([2]);
      await s().markMailSent(m.id, later(62_000));
      expect(await s().claimMail(later(999_000), later(999_999), 10)).toEqual([]);
      expect(await s().getMail(m.id)).toMatchObject({ status: 'sent', sentAt: later(62_000) });
    });

    it('never claims a held mail or one not yet due; a failure retries at its time or fails for good', async () => {
      await s().enqueueMail(mail({ status: 'held' }));
      const m = mail({ createdAt: later(5_000) });
      await s().enqueueMail(m);
      expect(await s().claimMail(later(1_000), later(2_000), 10)).toEqual([]);
      await s().claimMail(later(5_000), later(65_000), 10);
      await s().markMailFailed(m.id, 'connection refused', later(10_000));
      expect(await s().getMail(m.id)).toMatchObject({ status: 'pending', lastError: 'connection refused', nextAttemptAt: later(10_000) });
      expect(await s().claimMail(later(9_000), later(70_000), 10)).toEqual([]);
      expect((await s().claimMail(later(10_000), later(70_000), 10)).map((x) => x.id)).toEqual([m.id]);
      await s().markMailFailed(m.id, 'mailbox unavailable', null);
      expect((await s().getMail(m.id))?.status).toBe('failed');
      expect(await s().claimMail(later(999_000), later(999_999), 10)).toEqual([]);
    });

    it('lists a network\'s mail newest first, and only that network\'s', async () => {
      const { network } = await group(s());
      const { network: other } = await group(s());
      const older = mail({ networkId: network.id, createdAt: T0 });
      const newer = mail({ networkId: network.id, createdAt: later(1_000) });
      await s().enqueueMail(older);
      await s().enqueueMail(newer);
      await s().enqueueMail(mail({ networkId: other.id }));
      expect((await s().listMail({ networkIds: [network.id], limit: 10 })).map((x) => x.id)).toEqual([newer.id, older.id]);
      expect(await s().listMail({ networkIds: [], limit: 10 })).toEqual([]);
    });

    it('stores jobs: a due job is claimed once, rescheduling moves it, a done job stays done', async () => {
      const id = `meeting_reminder:${uid('m')}`;
      await s().scheduleMailJob({ id, kind: 'meeting_reminder', runAt: later(10_000), payload: { meetingId: 'm1' } });
      expect(await s().claimMailJobs(later(5_000), later(65_000), 10)).toEqual([]);
      await s().scheduleMailJob({ id, kind: 'meeting_reminder', runAt: later(4_000), payload: { meetingId: 'm1' } });
      const [a, b] = await Promise.all([s().claimMailJobs(later(5_000), later(65_000), 10), s().claimMailJobs(later(5_000), later(65_000), 10)]);
      expect([...a, ...b].map((j) => j.payload)).toEqual([{ meetingId: 'm1' }]);
      await s().completeMailJob(id, later(6_000));
      await s().scheduleMailJob({ id, kind: 'meeting_reminder', runAt: later(100_000), payload: { meetingId: 'm1' } });
      expect(await s().getMailJob(id)).toMatchObject({ doneAt: later(6_000), runAt: later(4_000) });
      expect(await s().claimMailJobs(later(999_000), later(999_999), 10)).toEqual([]);
    });

    it('says when the next job or mail is due: run time, retry time, or the end of a lease; nothing once done, sent, held or failed', async () => {
      expect(await s().nextMailDue()).toEqual({ job: null, mail: null });
      const early = `meeting_reminder:${uid('m')}`;
      await s().scheduleMailJob({ id: `prep_reminder:${uid('m')}`, kind: 'prep_reminder', runAt: later(20_000), payload: {} });
      await s().scheduleMailJob({ id: early, kind: 'meeting_reminder', runAt: later(10_000), payload: {} });
      await s().enqueueMail(mail({ status: 'held' }));
      expect(await s().nextMailDue()).toEqual({ job: later(10_000), mail: null });
      // Claimed: due again when the lease runs out; done: never.
      await s().claimMailJobs(later(10_000), later(30_000), 1);
      expect((await s().nextMailDue()).job).toBe(later(20_000));
      await s().completeMailJob(early, later(11_000));
      expect((await s().nextMailDue()).job).toBe(later(20_000));

      const m = mail({ createdAt: later(5_000) });
      await s().enqueueMail(m);
      expect((await s().nextMailDue()).mail).toBe(later(5_000));
      await s().claimMail(later(5_000), later(65_000), 10);
      expect((await s().nextMailDue()).mail).toBe(later(65_000));
      await s().markMailFailed(m.id, 'connection refused', later(40_000));
      expect((await s().nextMailDue()).mail).toBe(later(40_000));
      await s().claimMail(later(40_000), later(100_000), 10);
      await s().markMailSent(m.id, later(41_000));
      expect((await s().nextMailDue()).mail).toBeNull();
    });

    it('keeps mail preferences and unsubscribe tokens per user and kind', async () => {
      const u = await user(s());
      expect(await s().getMailPreferences(u.id)).toEqual({});
      await s().setMailPreference(u.id, 'recap', false);
      await s().setMailPreference(u.id, 'overdue', false);
      await s().setMailPreference(u.id, 'overdue', true);
      expect(await s().getMailPreferences(u.id)).toEqual({ recap: false, overdue: true });
      await s().createUnsubscribeToken('hash-1', u.id, 'prep_reminder');
      expect(await s().unsubscribeToken('hash-1')).toEqual({ userId: u.id, kind: 'prep_reminder' });
      expect(await s().unsubscribeToken('hash-2')).toBeNull();
    });

    it('uses a password reset once and never after it expired', async () => {
      const u = await user(s());
      await s().createPasswordReset({ tokenHash: 'r1', userId: u.id, expiresAt: later(60_000) });
      await s().createPasswordReset({ tokenHash: 'r2', userId: u.id, expiresAt: later(60_000) });
      const both = await Promise.all([s().usePasswordReset('r1', later(1_000)), s().usePasswordReset('r1', later(1_000))]);
      expect(both.filter(Boolean)).toEqual([u.id]);
      expect(await s().usePasswordReset('r2', later(60_000))).toBeNull();
      expect(await s().usePasswordReset('nope', later(1_000))).toBeNull();
      expect(await s().setPasswordHash(u.id, 'scrypt$new')).toBe(true);
      expect((await s().getUserByEmail(u.email))?.passwordHash).toBe('scrypt$new');
      await s().createSession({ tokenHash: uid('sess'), userId: u.id, expiresAt: later(999_999) });
      expect(await s().deleteSessionsOfUser(u.id)).toBe(1);
    });

    it('lists pending invites with their address; revoked, used and expired ones drop out; re-issuing replaces the secret', async () => {
      const { group: g } = await group(s());
      const by = await user(s());
      const inv = (email: string | null, expiresAt = later(86_400_000)) =>
        s().createInvite({ id: uid('inv'), tokenHash: uid('th'), groupId: g.id, role: 'member', createdBy: by.id, expiresAt, email });
      const a = await inv('a@example.com');
      const b = await inv('b@example.com');
      const c = await inv(null);
      await inv('old@example.com', later(-1));
      expect(a).toMatchObject({ email: 'a@example.com', revokedAt: null });
      expect(await s().revokeInvite(b.id, later(1))).toBe(true);
      expect(await s().revokeInvite(b.id, later(2))).toBe(false);
      await s().markInviteUsed(c.id, by.id, later(3));
      expect((await s().listPendingInvites(g.id, T0)).map((i) => i.email)).toEqual(['a@example.com']);
      expect(await s().reissueInvite(a.id, 'fresh-hash', later(999_999))).toBe(true);
      expect(await s().getInviteByTokenHash('fresh-hash')).toMatchObject({ id: a.id, expiresAt: later(999_999) });
      expect(await s().reissueInvite(b.id, 'other-hash', later(999_999))).toBe(false);
      expect((await s().getInvite(b.id))?.revokedAt).toBe(later(1));
    });
  });
}
