// The organiser's network-wide settings: the currency every group's money is in unless a group
// keeps its own.
import { useState, type FormEvent } from 'react';
import type { Network } from '../../../../shared/domain.ts';
import { errorMessage } from '../../api/http.ts';
import { networkApi } from '../../api/network.ts';
import { useStore } from '../../store/index.ts';
import { CurrencyOptions } from '../CurrencyOptions.tsx';
import { Field } from '../Field.tsx';

export function NetworkSettings({ network }: { network: Network }) {
  const refreshMe = useStore((s) => s.refreshMe);
  const [currency, setCurrency] = useState(network.currency);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await networkApi.update(network.id, { currency });
      await refreshMe();
      setMessage({ ok: true, text: `Saved: money is shown in ${saved.currency} wherever a group has no currency of its own.` });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form-inline" onSubmit={(e) => void save(e)} aria-label={`Settings of ${network.name}`}>
      <Field label="Network currency" hint="Groups may keep their own (Edit group)">
        <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
          <CurrencyOptions />
        </select>
      </Field>
      <div className="button-row">
        <button type="submit" className="btn" disabled={busy || currency === network.currency}>
          Save currency
        </button>
        {message && <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'alert-text'}>{message.text}</span>}
      </div>
    </form>
  );
}
