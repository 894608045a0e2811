/** "IT services, Berlin" -> ["IT services", "Berlin"]: tags are typed as one comma-separated field. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}
