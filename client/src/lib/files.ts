// Reading a picked file for the JSON upload, and sizes people can read.

/** The file's bytes as base64 (no data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsDataURL(file);
  });
}

/** "840 B", "12 KB", "1.4 MB" (decimal kilo/mega, one decimal under 10). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const [v, unit] = n < 1_000_000 ? [n / 1000, 'KB'] : [n / 1_000_000, 'MB'];
  return `${v < 10 ? v.toFixed(1).replace(/\.0$/, '') : Math.round(v)} ${unit}`;
}
