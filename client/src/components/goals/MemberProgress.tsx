// One member's progress on their goals: the counts in words and a bar of done / partly / not
// done / still to review, so the room sees at a glance where each member stands.
import './goals.css';
import { toReview } from '../../../../shared/goals/grouping.ts';
import type { CompletionRate } from '../../../../shared/goals/types.ts';

export function progressWords(p: CompletionRate): string {
  const open = toReview(p);
  return `${p.done} done · ${p.partly} partly · ${p.notDone} not done${open > 0 ? ` · ${open} to review` : ''}`;
}

/** The wall's shorter words: only the counts that are not zero ("2 done · 1 to review"). */
export function compactProgressWords(p: CompletionRate): string {
  const parts: [number, string][] = [[p.done, 'done'], [p.partly, 'partly'], [p.notDone, 'not done'], [toReview(p), 'to review']];
  return parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`).join(' · ');
}

export function MemberProgress({ progress, className = 'member-progress', compact = false }: { progress: CompletionRate; className?: string; compact?: boolean }) {
  const total = progress.total;
  const reviewed = progress.done + progress.partly + progress.notDone;
  const part = (n: number) => `${total === 0 ? 0 : (n / total) * 100}%`;
  return (
    <div className={className} data-testid="member-progress">
      <span className="member-progress-words">
        {compact ? compactProgressWords(progress) : `${reviewed}/${total} reviewed: ${progressWords(progress)}`}
      </span>
      <span className="progress-bar" role="img" aria-label={`${reviewed} of ${total} goals reviewed`}>
        <span className="progress-done" style={{ width: part(progress.done) }} />
        <span className="progress-partly" style={{ width: part(progress.partly) }} />
        <span className="progress-not-done" style={{ width: part(progress.notDone) }} />
      </span>
    </div>
  );
}
