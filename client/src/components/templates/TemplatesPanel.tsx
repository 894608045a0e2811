// The group's agenda templates: create, edit, duplicate, delete (coach or organiser; peer-led
// groups: members). The built-in ones are listed to start from, not to change.
import { useState } from 'react';
import type { AgendaTemplate, AgendaTemplateItem } from '../../../../shared/domain.ts';
import { dayCount } from '../../../../shared/meeting/days.ts';
import { BUILT_IN_TEMPLATES } from '../../../../shared/meeting/templates.ts';
import { http } from '../../api/http.ts';
import { formatMinutes } from '../../lib/time.ts';
import { TemplateEditor } from './TemplateEditor.tsx';
import { PRESET_PROTOCOLS, type ProtocolChoice } from '../../../../shared/meeting/hotseatProtocol.ts';

type Editing = { id: string | null; name: string; items: AgendaTemplateItem[]; protocol: ProtocolChoice };
const CLASSIC: ProtocolChoice = { preset: 'classic' };
const protocolName = (p: ProtocolChoice) => (p.preset === 'custom' ? p.name : PRESET_PROTOCOLS[p.preset].name);

const summary = (items: readonly AgendaTemplateItem[]) =>
  `${items.length} items · ${dayCount(items)} day(s) · ${formatMinutes(items.filter((i) => i.kind !== 'day-end').reduce((s, i) => s + i.durationMs, 0))}`;

export function TemplatesPanel({ groupId, templates, onChanged }: { groupId: string; templates: AgendaTemplate[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const own = templates.filter((t) => t.groupId !== null);
  const base = `/api/groups/${groupId}/templates`;

  const save = async (t: { name: string; items: AgendaTemplateItem[]; protocol: ProtocolChoice }) => {
    if (editing?.id) await http.put(`${base}/${editing.id}`, t);
    else await http.post(base, t);
    setEditing(null);
    onChanged();
  };
  const remove = (t: AgendaTemplate) => {
    http.del(`${base}/${t.id}`).then(onChanged, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <section aria-labelledby="templates-h" className="card section" data-testid="templates">
      <h2 id="templates-h">Agenda templates</h2>
      <ul className="plain-list">
        {Object.values(BUILT_IN_TEMPLATES).map((t) => (
          <li key={t.name}>
            <strong>{t.name}</strong> <span className="muted">(built in) · {summary(t.items)}</span>{' '}
            <button type="button" className="btn btn-small" onClick={() => setEditing({ id: null, name: `${t.name} (copy)`, items: t.items.map((i) => ({ ...i })), protocol: CLASSIC })}>
              Duplicate
            </button>
          </li>
        ))}
        {own.map((t) => (
          <li key={t.id}>
            <strong>{t.name}</strong> <span className="muted">· {summary(t.items)} · hot seat: {protocolName(t.protocol)}</span>{' '}
            <button type="button" className="btn btn-small" onClick={() => setEditing({ id: t.id, name: t.name, items: t.items, protocol: t.protocol })} aria-label={`Edit ${t.name}`}>Edit</button>{' '}
            <button type="button" className="btn btn-small" onClick={() => setEditing({ id: null, name: `${t.name} (copy)`, items: t.items, protocol: t.protocol })} aria-label={`Duplicate ${t.name}`}>Duplicate</button>{' '}
            <button type="button" className="btn btn-small btn-danger-outline" onClick={() => remove(t)} aria-label={`Delete ${t.name}`}>Delete</button>
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="alert">{error}</p>}
      {editing ? (
        <TemplateEditor key={editing.id ?? editing.name} initial={editing} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="btn" onClick={() => setEditing({ id: null, name: '', items: [], protocol: CLASSIC })}>
          New template
        </button>
      )}
    </section>
  );
}
