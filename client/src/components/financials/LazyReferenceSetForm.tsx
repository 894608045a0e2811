// The reference-set form validates with the shared zod schema, and zod is the largest thing it
// would add to the home and financial review pages; only organisers see it, so it loads when shown.
import { lazy, Suspense, type ComponentProps } from 'react';
import type { ReferenceSetForm as Form } from './ReferenceSetForm.tsx';

const ReferenceSetForm = lazy(async () => ({ default: (await import('./ReferenceSetForm.tsx')).ReferenceSetForm }));

export function LazyReferenceSetForm(props: ComponentProps<typeof Form>) {
  return (
    <Suspense fallback={<p className="muted">Loading the form…</p>}>
      <ReferenceSetForm {...props} />
    </Suspense>
  );
}
