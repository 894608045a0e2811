// Asked once per meeting: attendance and the presence list need to know where you are.
import type { AttendanceMode } from '../../../../shared/domain.ts';

export function JoinModePrompt({ title, onChoose }: { title: string; onChoose: (mode: AttendanceMode) => void }) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <section aria-labelledby="join-mode" className="card section join-mode">
        <h2 id="join-mode">Where are you joining from?</h2>
        <div className="button-row">
          <button type="button" className="btn btn-primary btn-large" onClick={() => onChoose('room')}>
            In the room
          </button>
          <button type="button" className="btn btn-primary btn-large" onClick={() => onChoose('remote')}>
            Remote
          </button>
        </div>
      </section>
    </div>
  );
}
