// The first page of a shared PDF, drawn into a canvas by pdf.js: no eval, no scripting, no forms,
// no annotations layer, no WebAssembly (the CSP allows none of it); the worker is our own
// asset. Loaded only where a file is shown (the wall, the meeting page), never with sign-in.
import { AnnotationMode, getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders page 1 of `data` to fit its frame (at the screen's pixel density); reports failure. */
export function PdfFirstPage({ data, title }: { data: ArrayBuffer; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    // pdf.js takes ownership of the buffer it is given: hand it a copy so a re-render still has one.
    const task = getDocument({
      data: new Uint8Array(data.slice(0)),
      isEvalSupported: false,
      enableXfa: false,
      useWasm: false,
      disableAutoFetch: true,
      disableStream: true,
    });
    let cancelled = false;
    void (async () => {
      try {
        const doc = await task.promise;
        const page = await doc.getPage(1);
        if (cancelled) return;
        const frame = el.parentElement!;
        const base = page.getViewport({ scale: 1 });
        const fit = Math.min(frame.clientWidth / base.width, frame.clientHeight / base.height);
        const viewport = page.getViewport({ scale: Math.max(fit, 0.1) * (window.devicePixelRatio || 1) });
        el.width = Math.floor(viewport.width);
        el.height = Math.floor(viewport.height);
        await page.render({ canvas: el, viewport, annotationMode: AnnotationMode.DISABLE }).promise;
        if (!cancelled) el.dataset.rendered = 'true';
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [data]);
  if (failed) return <p className="wall-file-note" role="status">This PDF could not be read, so its first page cannot be shown.</p>;
  return <canvas ref={canvas} className="wall-file-media" role="img" aria-label={`First page of ${title}`} data-testid="wall-file-pdf" />;
}
