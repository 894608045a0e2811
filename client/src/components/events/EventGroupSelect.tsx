// Which participating group an event page form is about.
import { Field } from '../Field.tsx';

export function EventGroupSelect({ groups, value, onChange }: { groups: { id: string; name: string }[]; value: string; onChange: (groupId: string) => void }) {
  return (
    <Field label="Group">
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
