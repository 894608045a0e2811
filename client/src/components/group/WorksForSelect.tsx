// "Works for": a companion group's member is invited for one of the parent group's companies
// (GET /api/groups/:id/companion-companies). One choice for the invite link and the mailed
// invitations; the companies are loaded once for both (GroupInvites) and passed down.
import { useEffect, useState } from 'react';
import { groupKindsApi } from '../../api/groupKinds.ts';
import { errorMessage } from '../../api/http.ts';
import { Field } from '../Field.tsx';

type CompanionCompany = { id: string; name: string };

/** The parent group's companies as loaded for the page: null while loading (or after an error). */
export interface CompanionCompanies {
  companies: CompanionCompany[] | null;
  error: string | null;
}

/** Loads the parent group's companies once; null outside a companion group (nothing loaded). */
export function useCompanionCompanies(groupId: string, companion: boolean): CompanionCompanies | null {
  const [loaded, setLoaded] = useState<CompanionCompanies>({ companies: null, error: null });
  useEffect(() => {
    if (!companion) return;
    groupKindsApi.companionCompanies(groupId).then(
      (companies) => setLoaded({ companies, error: null }),
      (err: unknown) => setLoaded((l) => ({ ...l, error: errorMessage(err) })),
    );
  }, [companion, groupId]);
  return companion ? loaded : null;
}

/** One form's choice among the loaded companies, the first by default; a failed load shows in the form's alert. */
export function useWorksFor(companion: CompanionCompanies | null, onError: (message: string) => void) {
  const [chosen, setCompanyId] = useState('');
  const error = companion?.error ?? null;
  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);
  const companies = companion?.companies ?? null;
  return { companies, companyId: chosen || (companies?.[0]?.id ?? ''), setCompanyId };
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
