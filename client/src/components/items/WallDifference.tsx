// Where the facilitator's figures differ from the wall's: the console counts coach-only figures
// the room does not see, so a median here can differ from the one on the wall. Says so, per KPI.
import type { GroupFinancials } from '../../../../shared/records.ts';
import { useRecords } from './useRecords.ts';

export function WallDifference({ data, groupId, quarter }: { data: GroupFinancials; groupId: string; quarter: string }) {
  const { data: room } = useRecords<GroupFinancials>(`/api/groups/${groupId}/financials/${quarter}?audience=room`, 'figures');
  if (!room) return null;
  const lines = data.kpis
    .map((k) => ({ k, n: data.stats[k.key]?.n ?? 0, onWall: room.stats[k.key]?.n ?? 0 }))
    .filter(({ n, onWall }) => n > onWall);
  if (lines.length === 0) return null;
  return (
    <div className="wall-difference" role="note" data-testid="wall-difference">
      <strong>Not on the wall:</strong>
      <ul>
        {lines.map(({ k, n, onWall }) => (
          <li key={k.key}>
            {k.label}: {n} companies, {n - onWall} coach-only not on the wall
          </li>
        ))}
      </ul>
    </div>
  );
}
