// PLACEHOLDER: co-edited notes (Yjs + TipTap over /collab) will be mounted here by the notes
// work. Keep the <section aria-label="Notes"> wrapper in MeetingPage; replace this body.
export function NotesPanel() {
  return <h2>Notes</h2>;
}
