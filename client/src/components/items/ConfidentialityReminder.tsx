// The opening item re-affirms confidentiality: the group's own words, on every laptop and on
// the wall (forums re-affirm it at every meeting).
import { useEffect, useState } from 'react';
import { normsApi } from '../../api/norms.ts';

export function ConfidentialityReminder({ groupId, wall = false }: { groupId: string; wall?: boolean }) {
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
  return (
    <aside className={wall ? 'confidentiality projector-confidentiality' : 'confidentiality'} aria-label="Confidentiality" data-testid="confidentiality-reminder">
      <h3>Confidentiality</h3>
      <p className="prewrap">{text}</p>
    </aside>
  );
}
