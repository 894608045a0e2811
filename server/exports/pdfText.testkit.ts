// Test helper: a PDF's text as pdftotext (poppler-utils, installed by scripts/ensure-chromium.sh) reads it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-pdf-'));
  try {
    const file = path.join(dir, 'recap.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-']).toString();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
