// /api/me/overview; the response types live in shared/overview.ts.
import type { MyGroupOverview } from '../../../shared/overview.ts';
import { http } from './http.ts';

export type { MyGroupOverview, OpenCommitment, PersonRecord } from '../../../shared/overview.ts';

export const overviewApi = {
  mine: () => http.get<{ groups: MyGroupOverview[] }>('/api/me/overview'),
};
