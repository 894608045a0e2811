// The currencies a network or group can keep its books in, named in the viewer's language.
import { DEFAULT_CURRENCY } from '../../../shared/financials/format.ts';
import { viewerLocale } from '../lib/locale.ts';

/** Common ones first (the networks these groups come from), then every other code Intl knows. */
const FIRST = ['EUR', 'CHF', 'GBP', 'USD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CAD', 'AUD'];

export function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames([viewerLocale()], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function CurrencyOptions() {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [DEFAULT_CURRENCY];
  const codes = [...FIRST, ...all.filter((c) => !FIRST.includes(c))];
  return (
    <>
      {codes.map((c) => (
        <option key={c} value={c}>
          {c} – {currencyName(c)}
        </option>
      ))}
    </>
  );
}
