// A member company's own profile in this network: what the non-competing check and segment
// benchmarks read. Only its owner edits it. The schema (and zod with it) loads on save, so the
// group page does not wait for it.
import { useEffect, useState, type FormEvent } from 'react';
import { BUSINESS_MODELS, REVENUE_BANDS, SIZE_BANDS } from '../../../../shared/companies.ts';
import type { CompanyProfileBody } from '../../../../shared/companyBodies.ts';
import { errorMessage } from '../../api/http.ts';
import { companiesApi } from '../../api/companies.ts';
import { Field } from '../Field.tsx';

const EMPTY: CompanyProfileBody = { name: '', sizeBand: '1-9', revenueBand: '<1M', vertical: '', businessModel: 'managed-services', territory: '', tools: [] };

export function CompanyProfileForm({ networkId }: { networkId: string }) {
  const [p, setP] = useState<CompanyProfileBody>(EMPTY);
  const [tools, setTools] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    companiesApi.mine(networkId).then(({ company }) => {
      if (company) {
        setP(company);
        setTools(company.tools.join(', '));
      }
    }, (e) => setMessage({ ok: false, text: errorMessage(e) }));
  }, [networkId]);
  const set = (patch: Partial<CompanyProfileBody>) => setP((x) => ({ ...x, ...patch }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { companyProfileBody } = await import('../../../../shared/companyBodies.ts');
      const parsed = companyProfileBody.safeParse({ ...p, tools: tools.split(',').map((t) => t.trim()).filter(Boolean) });
      if (!parsed.success) return setMessage({ ok: false, text: `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` });
      await companiesApi.saveMine(networkId, parsed.data);
      setMessage({ ok: true, text: 'Saved.' });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };

  return (
    <section className="card section" aria-labelledby="company-h">
      <h2 id="company-h">My company profile</h2>
      <p className="muted small">Seen by the people of your groups. Same vertical and territory as a member company means you compete: the coach then decides.</p>
      <form className="form" onSubmit={(e) => void save(e)}>
        <Field label="Company name"><input value={p.name} onChange={(e) => set({ name: e.target.value })} /></Field>
        <div className="form-row">
          <Field label="Size (people)"><select value={p.sizeBand} onChange={(e) => set({ sizeBand: e.target.value as CompanyProfileBody['sizeBand'] })}>{SIZE_BANDS.map((b) => <option key={b}>{b}</option>)}</select></Field>
          <Field label="Revenue band"><select value={p.revenueBand} onChange={(e) => set({ revenueBand: e.target.value as CompanyProfileBody['revenueBand'] })}>{REVENUE_BANDS.map((b) => <option key={b}>{b}</option>)}</select></Field>
        </div>
        <div className="form-row">
          <Field label="Vertical" hint="Who you serve, e.g. healthcare"><input value={p.vertical} onChange={(e) => set({ vertical: e.target.value })} /></Field>
          <Field label="Territory" hint="Where you sell, e.g. Zurich"><input value={p.territory} onChange={(e) => set({ territory: e.target.value })} /></Field>
        </div>
        <Field label="Business model"><select value={p.businessModel} onChange={(e) => set({ businessModel: e.target.value as CompanyProfileBody['businessModel'] })}>{BUSINESS_MODELS.map((b) => <option key={b}>{b}</option>)}</select></Field>
        <Field label="Tools" hint="Comma-separated, e.g. Autotask, NinjaOne"><input value={tools} onChange={(e) => setTools(e.target.value)} /></Field>
        <div className="button-row">
          <button type="submit" className="btn">Save profile</button>
          {message && <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'alert-text'}>{message.text}</span>}
        </div>
      </form>
    </section>
  );
}
