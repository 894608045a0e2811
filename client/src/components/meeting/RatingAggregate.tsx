// The meeting's rating as anyone may read it: count, average, and the spread from three raters
// up, with the viewer's own score beside it. Nobody else's score ever reaches the client.
import type { RatingSummary } from '../../../../shared/meeting/state.ts';

interface Props {
  summary: RatingSummary;
  mine: number | null;
  /** During the meeting only the count shows, so early ratings don't steer later ones. */
  showAverage: boolean;
}

export function RatingAggregate({ summary, mine, showAverage }: Props) {
  const { count, average, distribution } = summary;
  return (
    <div className="rating-aggregate" data-testid="rating-aggregate">
      <p>
        {mine !== null && <span data-testid="my-rating">You rated {mine}. </span>}
        {count === 0 ? 'Nobody has rated yet.' : showAverage && average !== null ? (
          <strong>Average {average} / 10 from {count} rating{count === 1 ? '' : 's'}.</strong>
        ) : (
          `${count} rated so far.`
        )}
      </p>
      {showAverage && distribution && (
        <ol className="rating-spread" aria-label="How many gave each score">
          {distribution.map((n, i) => (
            <li key={i} title={`${n} gave ${i + 1}`}>
              <span className="rating-bar" style={{ blockSize: `${(n / count) * 100}%` }} />
              <span className="rating-score">{i + 1}</span>
              <span className="visually-hidden">: {n}</span>
            </li>
          ))}
        </ol>
      )}
      {showAverage && count > 0 && !distribution && <p className="muted">The spread of scores shows from three ratings up.</p>}
    </div>
  );
}
