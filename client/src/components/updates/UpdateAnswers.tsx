// One member's pre-meeting update as the room reads it: each answered prompt with its answer.
import type { UpdateAnswer } from '../../../../shared/updates.ts';
import './updates.css';

export function UpdateAnswers({ answers, className = 'update-answers' }: { answers: UpdateAnswer[]; className?: string }) {
  const given = answers.filter((a) => a.text);
  return (
    <dl className={className}>
      {given.map((a) => (
        <div key={a.key} className="update-answer">
          <dt>{a.label}</dt>
          <dd>{a.text}</dd>
        </div>
      ))}
    </dl>
  );
}
