// Topics: the facilitator puts one of the group's shared images or PDFs on the wall, or takes it
// off (wall.show / wall.hide); everyone sees what is shown, live. Files the wall can't show
// (HTML, SVG, anything not an image or a PDF) are listed as such; the server checks the bytes
// and its refusal is shown here in its own words.
import { useState } from 'react';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { LibraryResource } from '../../../../shared/resources.ts';
import { looksShowable } from '../../../../shared/wallFile.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { WallFile } from './WallFile.tsx';

interface Props {
  state: MeetingState;
  /** Every file and link of the group's library. */
  library: LibraryResource[];
  isFacilitator: boolean;
}

export function ShowOnWall({ state, library, isFacilitator }: Props) {
  const sendCommand = useStore((s) => s.sendCommand);
  const files = library.filter((r) => r.kind === 'file');
  const showable = files.filter(looksShowable);
  const other = files.filter((r) => !looksShowable(r));
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | null>(null);
  const shown = state.shownFile;
  const choice = picked || showable.find((r) => r.id !== shown?.resourceId)?.id || '';

  const send = async (command: Parameters<typeof sendCommand>[0]) => {
    setError(null);
    const ack = await sendCommand(command, { silent: true });
    if (!ack.ok) setError(ack.error.message);
  };

  return (
    <section className="show-on-wall" aria-labelledby="show-on-wall-h" data-testid="show-on-wall">
      <h4 id="show-on-wall-h">On the wall</h4>
      {shown ? (
        <div className="show-on-wall-now">
          <p>
            Showing <strong>{shown.title}</strong>{shown.media === 'pdf' ? ' (first page)' : ''}.
          </p>
          {isFacilitator && (
            <button type="button" className="btn btn-small" onClick={() => void send({ type: 'wall.hide' })}>
              Hide from the wall
            </button>
          )}
        </div>
      ) : (
        <p className="muted">No file is shown on the wall.</p>
      )}
      {shown && <WallFile file={shown} className="is-preview" />}
      {isFacilitator && (
        <form
          className="show-on-wall-form"
          aria-label="Show a file on the wall"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) void send({ type: 'wall.show', resourceId: choice });
          }}
        >
          {files.length === 0 ? (
            <p className="muted">No file has been shared in this group yet: share an image or a PDF, then show it here.</p>
          ) : (
            <>
              <label>
                File to show
                <select value={choice} onChange={(e) => setPicked(e.target.value)}>
                  {showable.length === 0 && <option value="">No image or PDF in the library</option>}
                  {showable.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.title} ({r.fileName})
                    </option>
                  ))}
                  {other.length > 0 && (
                    <optgroup label="Cannot be shown (not an image or a PDF)">
                      {other.map((r) => (
                        <option key={r.id} value={r.id} disabled>
                          {r.title} ({r.fileName})
                        </option>
                      ))}
                    </optgroup>
                  )}
                </select>
              </label>
              <button type="submit" className="btn btn-small" disabled={!choice}>
                Show on the wall
              </button>
            </>
          )}
          <p className="muted show-on-wall-help">
            Images (PNG, JPEG, WebP, GIF) and the first page of a PDF can be shown. HTML pages, SVG drawings and other files cannot: they can only be downloaded.
          </p>
        </form>
      )}
      <Alert message={error} onDismiss={() => setError(null)} />
    </section>
  );
}
