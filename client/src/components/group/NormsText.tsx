// The three parts of a group's norms, as headed sections.
import type { NormsText as Norms } from '../../../../shared/norms.ts';

export const NORMS_PARTS: readonly { key: keyof Norms; title: string }[] = [
  { key: 'confidentiality', title: 'Confidentiality' },
  { key: 'recording', title: 'Recording' },
  { key: 'advice', title: 'How we give advice' },
];

export function NormsText({ norms, headingLevel = 3 }: { norms: Norms; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="norms-text">
      {NORMS_PARTS.map((p) => (
        <section key={p.key} aria-label={p.title}>
          <H>{p.title}</H>
          <p className="prewrap">{norms[p.key]}</p>
        </section>
      ))}
    </div>
  );
}
