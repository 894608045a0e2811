// Records of the live meeting (figures, goals, resources) live on the server; the socket says
// when they change and views refetch. This slice only counts the changes per kind.
import type { RecordsKind } from '../../../shared/protocol.ts';
import type { SliceCreator } from './types.ts';

export type { RecordsKind };

export interface RecordsSlice {
  recordsVersion: Record<RecordsKind, number>;
  recordsChanged: (kind: RecordsKind) => void;
}

export const createRecordsSlice: SliceCreator<RecordsSlice> = (set, get) => ({
  recordsVersion: { goals: 0, figures: 0, resources: 0, updates: 0, parking: 0, next: 0 },
  recordsChanged: (kind) => set({ recordsVersion: { ...get().recordsVersion, [kind]: get().recordsVersion[kind] + 1 } }),
});
