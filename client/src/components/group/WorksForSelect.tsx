// "Works for": a companion group's member is invited for one of the parent group's companies
// (GET /api/groups/:id/companion-companies). One choice for the invite link and the mailed invitations.
import { useEffect, useState } from 'react';
import { groupKindsApi } from '../../api/groupKinds.ts';
import { errorMessage } from '../../api/http.ts';
import { Field } from '../Field.tsx';

type CompanionCompany = { id: string; name: string };

/** The parent group's companies (null while loading; never loaded outside a companion group) and the one chosen, the first by default. */
export function useCompanionCompanies(groupId: string, companion: boolean, onError: (message: string) => void) {
  const [companies, setCompanies] = useState<CompanionCompany[] | null>(null);
  const [companyId, setCompanyId] = useState('');
  useEffect(() => {
    if (!companion) return;
    groupKindsApi.companionCompanies(groupId).then(
      (list) => {
        setCompanies(list);
        setCompanyId((id) => id || (list[0]?.id ?? ''));
      },
      (err: unknown) => onError(errorMessage(err)),
    );
  }, [companion, groupId, onError]);
  return { companies, companyId, setCompanyId };
}

export function WorksForSelect({ companies, value, onChange, hint }: { companies: CompanionCompany[] | null; value: string; onChange: (companyId: string) => void; hint: string }) {
  return (
    <Field label="Works for" hint={hint}>
      <select required value={value} onChange={(e) => onChange(e.target.value)}>
        {companies?.length === 0 && <option value="">No company profile in the parent group yet</option>}
        {companies?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
