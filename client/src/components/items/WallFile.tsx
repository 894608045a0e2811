// A shared file shown on the wall (state.shownFile): its title, then the image or the first page
// of the PDF, scaled to fit the space left. The bytes come from GET /api/resources/:id/wall with
// this browser's session cookie (no token in the address), which serves only an image or a PDF.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ShownFile } from '../../../../shared/wallFile.ts';
import './wallFile.css';

// pdf.js is big: it loads the first time a PDF is shown.
const PdfFirstPage = lazy(async () => ({ default: (await import('./PdfFirstPage.tsx')).PdfFirstPage }));

export const wallFileUrl = (resourceId: string) => `/api/resources/${encodeURIComponent(resourceId)}/wall`;

/** The server's own words when it refuses the file (deleted since, or not showable). */
async function refusal(res: Response): Promise<string> {
  const body: unknown = await res.json().catch(() => null);
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : `The file could not be loaded (${res.status}).`;
}

function PdfFile({ file }: { file: ShownFile }) {
  const [loaded, setLoaded] = useState<{ id: string; data: ArrayBuffer } | { id: string; error: string } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(wallFileUrl(file.resourceId), { credentials: 'same-origin' })
      .then(async (res) => (res.ok ? { id: file.resourceId, data: await res.arrayBuffer() } : { id: file.resourceId, error: await refusal(res) }))
      .catch(() => ({ id: file.resourceId, error: 'Cannot reach the server to load the file.' }))
      .then((r) => live && setLoaded(r));
    return () => {
      live = false;
    };
  }, [file.resourceId]);
  if (!loaded || loaded.id !== file.resourceId) return <p className="wall-file-note">Loading…</p>;
  if ('error' in loaded) return <p className="wall-file-note" role="status">{loaded.error}</p>;
  return (
    <Suspense fallback={<p className="wall-file-note">Loading…</p>}>
      <PdfFirstPage data={loaded.data} title={file.title} />
    </Suspense>
  );
}

function ImageFile({ file }: { file: ShownFile }) {
  const [broken, setBroken] = useState<string | null>(null);
  if (broken === file.resourceId) return <p className="wall-file-note" role="status">The image could not be loaded: it may have been removed from the library.</p>;
  return <img className="wall-file-media" src={wallFileUrl(file.resourceId)} alt={file.title} data-testid="wall-file-image" onError={() => setBroken(file.resourceId)} />;
}

export function WallFile({ file, className = '' }: { file: ShownFile; className?: string }) {
  return (
    <figure className={`wall-file ${className}`} data-testid="wall-file">
      <figcaption className="wall-file-title">{file.title}</figcaption>
      <div className="wall-file-frame">{file.media === 'pdf' ? <PdfFile key={file.resourceId} file={file} /> : <ImageFile file={file} />}</div>
    </figure>
  );
}
