// The kind of a new group: a core peer group, a companion group of one of the network's core
// groups, or a special-interest group open to a segment of the network's companies.
import { BUSINESS_MODELS, SIZE_BANDS } from '../../../../shared/companies.ts';
import type { Group } from '../../../../shared/domain.ts';
import type { GroupKind, GroupKindBody } from '../../../../shared/groupKinds.ts';
import { Field } from '../Field.tsx';

export const KIND_LABEL: Record<GroupKind, string> = {
  core: 'Core peer group (company owners)',
  companion: 'Companion group of a core group (its companies’ managers)',
  interest: 'Special-interest group (open across the network by segment)',
};

export function GroupKindFields({ value, onChange, groups }: { value: GroupKindBody; onChange: (v: GroupKindBody) => void; groups: readonly Group[] }) {
  const cores = groups.filter((g) => g.kind === 'core');
  const segment = value.segment ?? {};
  const setSegment = (patch: Record<string, string>) => {
    const next: Record<string, string | undefined> = { ...segment, ...patch };
    for (const k of Object.keys(next)) if (!next[k]) delete next[k];
    onChange({ ...value, segment: next });
  };
  return (
    <fieldset className="form">
      <legend>Kind of group</legend>
      <Field label="Kind">
        <select value={value.kind} onChange={(e) => onChange({ kind: e.target.value as GroupKind, companionOf: e.target.value === 'companion' ? (cores[0]?.id ?? null) : null, segment: e.target.value === 'interest' ? {} : null })}>
          {(Object.keys(KIND_LABEL) as GroupKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </Field>
      {value.kind === 'companion' && (
        <Field label="Companion of" hint="Its members work for this group's companies; they never see its meetings, notes or figures.">
          <select value={value.companionOf ?? ''} onChange={(e) => onChange({ ...value, companionOf: e.target.value })} required>
            {cores.length === 0 && <option value="">No core group yet</option>}
            {cores.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {value.kind === 'interest' && (
        <div className="form-row">
          <Field label="Size band">
            <select value={segment.sizeBand ?? ''} onChange={(e) => setSegment({ sizeBand: e.target.value })}>
              <option value="">Any size</option>
              {SIZE_BANDS.map((b) => (
                <option key={b} value={b}>
                  {b} staff
                </option>
              ))}
            </select>
          </Field>
          <Field label="Vertical" hint="e.g. healthcare; empty: any">
            <input value={segment.vertical ?? ''} onChange={(e) => setSegment({ vertical: e.target.value })} />
          </Field>
          <Field label="Business model">
            <select value={segment.businessModel ?? ''} onChange={(e) => setSegment({ businessModel: e.target.value })}>
              <option value="">Any model</option>
              {BUSINESS_MODELS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
    </fieldset>
  );
}
