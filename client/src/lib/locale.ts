// The viewer's locale for numbers and money: the browser's first preferred language, so a
// reader in Zurich sees 1'117'649 and one in Berlin 1.117.649, whatever the group's currency.
export function viewerLocale(): string {
  const preferred = typeof navigator === 'undefined' ? undefined : (navigator.languages?.[0] ?? navigator.language);
  try {
    return preferred ? (Intl.NumberFormat.supportedLocalesOf([preferred])[0] ?? 'en') : 'en';
  } catch {
    return 'en';
  }
}
