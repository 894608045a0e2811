// The opening item re-affirms confidentiality: the group's own words, on every laptop and on
// the wall (forums re-affirm it at every meeting). A shared session of a network event holds
// people of several groups: no group's own words speak for that room, so it gets the session's
// statement instead (shared/sessionConfidentiality.ts), and no group's norms are read for it.
import { useEffect, useState } from 'react';
import type { SharedSessionView } from '../../../../shared/events.ts';
import { sharedSessionReminder, type ReminderText } from '../../../../shared/sessionConfidentiality.ts';
import { normsApi } from '../../api/norms.ts';

interface Props {
  groupId: string;
  /** The meeting's shared session, if it is one (the meeting answers' `sharedSession`). */
  session: SharedSessionView | null;
  wall?: boolean;
}

export function ConfidentialityReminder({ groupId, session, wall = false }: Props) {
  if (session) return <Reminder text={sharedSessionReminder(session, wall ? 'wall' : 'laptop')} wall={wall} />;
  return <GroupReminder groupId={groupId} wall={wall} />;
}

function GroupReminder({ groupId, wall }: { groupId: string; wall: boolean }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // A failed read leaves the reminder out rather than the item: the meeting goes on.
    normsApi.read(groupId).then((a) => live && setText(a.norms.confidentiality), () => undefined);
    return () => {
      live = false;
    };
  }, [groupId]);
  if (text === null) return null;
  return <Reminder text={{ title: 'Confidentiality', paragraphs: [text] }} wall={wall} />;
}

function Reminder({ text, wall }: { text: ReminderText; wall: boolean }) {
  return (
    <aside className={wall ? 'confidentiality projector-confidentiality' : 'confidentiality'} aria-label="Confidentiality" data-testid="confidentiality-reminder">
      <h3>{text.title}</h3>
      {text.paragraphs.map((p, i) => (
        <p key={i} className="prewrap">{p}</p>
      ))}
    </aside>
  );
}
