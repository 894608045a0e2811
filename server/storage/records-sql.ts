// The meeting's records in SQL: a group's custom KPIs, members' figures and goals. SqlStorage
// delegates to it (access.ts).
import type { KpiDefinition, KpiDirection, KpiFigure, KpiUnit } from '../../shared/financials/types.ts';
import type { Goal, GoalStatus } from '../../shared/goals/types.ts';
import { oneRow, type SqlAccess } from './access.ts';
import type { Migration } from './migrations.ts';
import type { SqlParam } from './driver.ts';
import { byCode, toInt, type DbInt } from './rows.ts';
import type { CarriedGoalChange, FigureInput, FigureRange, GoalFilter, GoalPatch, NetworkFigure, QuarterRange } from './types.ts';

/** The stamp row of a quarter's figures: a version that only grows, bumped by the database itself. */
const bumpStamp = (row: 'NEW' | 'OLD') => `
  INSERT INTO kpi_figure_stamps (group_id, quarter, version) VALUES (${row}.group_id, ${row}.quarter, 1)
  ON CONFLICT (group_id, quarter) DO UPDATE SET version = kpi_figure_stamps.version + 1`;

/**
 * The financial review's figures stamp in one indexed read instead of an aggregate over every
 * figure of its eight quarters (~864 rows for 12 companies, most of the review's per-request
 * cost). Triggers bump a version per group and quarter on every insert, update and delete of a
 * figure, whoever writes it (any node, a cascade, a restore), inside the writer's transaction.
 * Rows are never deleted (no foreign key: a group's deletion cascades to its figures, whose
 * triggers still write here), so a range's sum of versions only grows.
 */
export const FIGURE_STAMPS_MIGRATION: Migration = {
  id: 64,
  name: 'figure stamps: a version per group and quarter, bumped by triggers',
  sql: {
    sqlite: `
      CREATE TABLE kpi_figure_stamps (group_id TEXT NOT NULL, quarter TEXT NOT NULL, version BIGINT NOT NULL, PRIMARY KEY (group_id, quarter));
      INSERT INTO kpi_figure_stamps (group_id, quarter, version) SELECT DISTINCT group_id, quarter, 1 FROM kpi_figures;
      CREATE TRIGGER kpi_figures_stamp_insert AFTER INSERT ON kpi_figures BEGIN ${bumpStamp('NEW')}; END;
      CREATE TRIGGER kpi_figures_stamp_update AFTER UPDATE ON kpi_figures BEGIN ${bumpStamp('OLD')}; ${bumpStamp('NEW')}; END;
      CREATE TRIGGER kpi_figures_stamp_delete AFTER DELETE ON kpi_figures BEGIN ${bumpStamp('OLD')}; END;
    `,
    postgres: `
      CREATE TABLE kpi_figure_stamps (group_id TEXT NOT NULL, quarter TEXT NOT NULL, version BIGINT NOT NULL, PRIMARY KEY (group_id, quarter));
      INSERT INTO kpi_figure_stamps (group_id, quarter, version) SELECT DISTINCT group_id, quarter, 1 FROM kpi_figures;
      CREATE FUNCTION kpi_figures_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN ${bumpStamp('OLD')}; END IF;
        IF TG_OP <> 'DELETE' THEN ${bumpStamp('NEW')}; END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER kpi_figures_stamp AFTER INSERT OR UPDATE OR DELETE ON kpi_figures FOR EACH ROW EXECUTE FUNCTION kpi_figures_stamp();
    `,
  },
};

/** Dropping or rewording a carried goal keeps the reason, who, when, and the first wording. */
export const GOAL_CHANGES_MIGRATION: Migration = {
  id: 17,
  name: 'carried goals dropped or reworded with a reason',
  sql: `
    ALTER TABLE goals ADD COLUMN dropped_reason TEXT;
    ALTER TABLE goals ADD COLUMN dropped_by TEXT;
    ALTER TABLE goals ADD COLUMN dropped_at TEXT;
    ALTER TABLE goals ADD COLUMN reworded_from TEXT;
    ALTER TABLE goals ADD COLUMN reword_reason TEXT;
    ALTER TABLE goals ADD COLUMN reworded_by TEXT;
    ALTER TABLE goals ADD COLUMN reworded_at TEXT;
  `,
};

interface KpiRow {
  group_id: string;
  kpi_key: string;
  label: string;
  unit: string;
  direction: string;
  decimals: DbInt;
  created_at: string;
}
const toKpi = (r: KpiRow): KpiDefinition & { createdAt: string } => ({
  key: r.kpi_key,
  label: r.label,
  unit: r.unit as KpiUnit,
  direction: r.direction as KpiDirection,
  decimals: toInt(r.decimals),
  derived: false,
  groupId: r.group_id,
  createdAt: r.created_at,
});

interface FigureRow {
  group_id: string;
  user_id: string;
  quarter: string;
  kpi_key: string;
  value: number | string;
  coach_only: DbInt;
  updated_at: string;
}
const toFigure = (r: FigureRow): KpiFigure => ({
  groupId: r.group_id,
  userId: r.user_id,
  quarter: r.quarter,
  kpiKey: r.kpi_key,
  value: Number(r.value),
  coachOnly: toInt(r.coach_only) === 1,
  updatedAt: r.updated_at,
});
const byFigure = (a: KpiFigure, b: KpiFigure): number =>
  byCode(a.quarter, b.quarter) || byCode(a.userId, b.userId) || byCode(a.kpiKey, b.kpiKey) || byCode(a.groupId, b.groupId);

interface GoalRow {
  id: string;
  group_id: string;
  user_id: string;
  quarter: string;
  meeting_id: string | null;
  text: string;
  target: string;
  due_date: string | null;
  status: string;
  comment: string;
  progress: string;
  progress_at: string | null;
  carried_from_id: string | null;
  carried_count: DbInt;
  vague: DbInt;
  created_at: string;
  updated_at: string;
  dropped_reason: string | null;
  dropped_by: string | null;
  dropped_at: string | null;
  reworded_from: string | null;
  reword_reason: string | null;
  reworded_by: string | null;
  reworded_at: string | null;
}
const toGoal = (r: GoalRow): Goal => ({
  id: r.id,
  groupId: r.group_id,
  userId: r.user_id,
  quarter: r.quarter,
  meetingId: r.meeting_id,
  text: r.text,
  target: r.target,
  dueDate: r.due_date,
  status: r.status as GoalStatus,
  comment: r.comment,
  progress: r.progress,
  progressAt: r.progress_at ?? null,
  carriedFromId: r.carried_from_id,
  carriedCount: toInt(r.carried_count),
  vague: toInt(r.vague) === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  // Present only when it happened (API.md): most goals are never dropped or reworded.
  ...(r.dropped_at !== null ? { dropped: { reason: r.dropped_reason ?? '', byUserId: r.dropped_by ?? '', at: r.dropped_at } } : {}),
  ...(r.reworded_at !== null
    ? { reworded: { from: r.reworded_from ?? '', reason: r.reword_reason ?? '', byUserId: r.reworded_by ?? '', at: r.reworded_at } }
    : {}),
});
/** Quarter, then the order they were written in; the id breaks ties so both backends agree. */
const byGoal = (a: Goal, b: Goal): number => byCode(a.quarter, b.quarter) || byCode(a.createdAt, b.createdAt) || byCode(a.id, b.id);

const GOAL_COLUMNS: Record<keyof GoalPatch, string> = {
  text: 'text',
  target: 'target',
  dueDate: 'due_date',
  status: 'status',
  comment: 'comment',
  progress: 'progress',
  vague: 'vague',
  meetingId: 'meeting_id',
};

/** `group_id = ?` plus each optional condition whose value is given. */
function conditions(groupId: string, optional: [string, string | undefined][]): [string, SqlParam[]] {
  const given = optional.filter((c): c is [string, string] => c[1] !== undefined);
  return [['group_id = ?', ...given.map((c) => c[0])].join(' AND '), [groupId, ...given.map((c) => c[1])]];
}

export class RecordsSql {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  // custom KPIs

  async listCustomKpis(groupId: string): Promise<KpiDefinition[]> {
    const rows = await this.q.all<KpiRow>('SELECT * FROM kpi_definitions WHERE group_id = ?', [groupId]);
    // Creation order is the order the coach added them, which is how the review walks them.
    return rows
      .map(toKpi)
      .sort((a, b) => byCode(a.createdAt, b.createdAt) || byCode(a.key, b.key))
      .map(({ createdAt: _c, ...def }) => def);
  }

  async createCustomKpi(def: KpiDefinition & { groupId: string }): Promise<KpiDefinition> {
    await this.q.run(
      `INSERT INTO kpi_definitions (group_id, kpi_key, label, unit, direction, decimals, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [def.groupId, def.key, def.label, def.unit, def.direction, def.decimals, this.now()],
    );
    return { ...def, derived: false };
  }

  // figures

  /** Inserts or replaces each figure, all or none. */
  async upsertFigures(rows: readonly FigureInput[]): Promise<KpiFigure[]> {
    const updatedAt = this.now();
    await this.q.atomic(async (db) => {
      for (const f of rows) {
        await db.run(
          `INSERT INTO kpi_figures (group_id, user_id, quarter, kpi_key, value, coach_only, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (group_id, user_id, quarter, kpi_key)
           DO UPDATE SET value = excluded.value, coach_only = excluded.coach_only, updated_at = excluded.updated_at`,
          [f.groupId, f.userId, f.quarter, f.kpiKey, f.value, f.coachOnly ? 1 : 0, updatedAt],
        );
      }
    });
    return rows.map((f) => ({ ...f, updatedAt }));
  }

  async deleteFigure(groupId: string, userId: string, quarter: string, kpiKey: string): Promise<boolean> {
    const sql = 'DELETE FROM kpi_figures WHERE group_id = ? AND user_id = ? AND quarter = ? AND kpi_key = ?';
    return (await this.q.run(sql, [groupId, userId, quarter, kpiKey])) > 0;
  }

  async listFigures(groupId: string, range: FigureRange = {}): Promise<KpiFigure[]> {
    // "2026-Q4" strings sort like the quarters they name (four-digit years), so text ranges work.
    const [where, params] = conditions(groupId, [
      ['quarter >= ?', range.fromQuarter],
      ['quarter <= ?', range.toQuarter],
      ['user_id = ?', range.userId],
    ]);
    const rows = await this.q.all<FigureRow>(`SELECT * FROM kpi_figures WHERE ${where}`, params);
    return rows.map(toFigure).sort(byFigure);
  }

  async figuresStamp(groupId: string, range: QuarterRange = {}): Promise<string> {
    const [where, params] = conditions(groupId, [
      ['quarter >= ?', range.fromQuarter],
      ['quarter <= ?', range.toQuarter],
    ]);
    // The triggers of FIGURE_STAMPS_MIGRATION bump a quarter's version on every figure write.
    const row = await oneRow<{ n: number | string; v: number | string | null }>(
      this.q,
      `SELECT COUNT(*) AS n, SUM(version) AS v FROM kpi_figure_stamps WHERE ${where}`,
      params,
    );
    return `${row?.n ?? 0}|${row?.v ?? 0}`;
  }

  async listFiguresInNetwork(networkId: string, quarter: string): Promise<NetworkFigure[]> {
    // Only figures of current member companies: a coach's or a departed member's rows don't count.
    // Only core groups: a companion group's members are a company's employees, not the company.
    const rows = await this.q.all<FigureRow & { company: string | null }>(
      `SELECT f.*, m.company FROM kpi_figures f
       JOIN groups g ON g.id = f.group_id
       JOIN memberships m ON m.group_id = f.group_id AND m.user_id = f.user_id AND m.role = 'member'
       WHERE g.network_id = ? AND f.quarter = ? AND g.group_kind = 'core'`,
      [networkId, quarter],
    );
    return rows.map((r) => ({ ...toFigure(r), company: r.company })).sort(byFigure);
  }

  // goals

  async createGoal(g: Goal): Promise<Goal> {
    await this.q.run(
      `INSERT INTO goals (id, group_id, user_id, quarter, meeting_id, text, target, due_date, status, comment, progress,
         progress_at, carried_from_id, carried_count, vague, created_at, updated_at,
         dropped_reason, dropped_by, dropped_at, reworded_from, reword_reason, reworded_by, reworded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        g.id, g.groupId, g.userId, g.quarter, g.meetingId, g.text, g.target, g.dueDate, g.status, g.comment, g.progress,
        g.progressAt,
        g.carriedFromId, g.carriedCount, g.vague ? 1 : 0, g.createdAt, g.updatedAt,
        g.dropped?.reason ?? null, g.dropped?.byUserId ?? null, g.dropped?.at ?? null,
        g.reworded?.from ?? null, g.reworded?.reason ?? null, g.reworded?.byUserId ?? null, g.reworded?.at ?? null,
      ],
    );
    return { ...g };
  }

  async getGoal(id: string): Promise<Goal | null> {
    const [r] = await this.q.all<GoalRow>('SELECT * FROM goals WHERE id = ?', [id]);
    return r ? toGoal(r) : null;
  }

  /** Updates the fields present in patch and stamps updatedAt; null when there is no such goal. */
  async updateGoal(id: string, patch: GoalPatch): Promise<Goal | null> {
    const keys = (Object.keys(GOAL_COLUMNS) as (keyof GoalPatch)[]).filter((k) => patch[k] !== undefined);
    const value = (k: keyof GoalPatch): SqlParam => {
      const v = patch[k];
      return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    };
    // Writing the progress note stamps when it was written (the goal review shows it).
    const stamps = patch.progress !== undefined ? ['updated_at', 'progress_at'] : ['updated_at'];
    const sets = [...keys.map((k) => `${GOAL_COLUMNS[k]} = ?`), ...stamps.map((c) => `${c} = ?`)].join(', ');
    const now = this.now();
    await this.q.run(`UPDATE goals SET ${sets} WHERE id = ?`, [...keys.map(value), ...stamps.map(() => now), id]);
    return this.getGoal(id);
  }

  async deleteGoal(id: string): Promise<boolean> {
    return (await this.q.run('DELETE FROM goals WHERE id = ?', [id])) > 0;
  }

  async listGoals(groupId: string, filter: GoalFilter = {}): Promise<Goal[]> {
    const [where, params] = conditions(groupId, [
      ['quarter = ?', filter.quarter],
      ['user_id = ?', filter.userId],
    ]);
    const rows = await this.q.all<GoalRow>(`SELECT * FROM goals WHERE ${where}`, params);
    return rows.map(toGoal).sort(byGoal);
  }

  /**
   * Drops or rewords a carried goal, only while it is open and not dropped (and, for a rewording,
   * still has the wording the caller saw): null when it no longer is, so two changes never mix.
   */
  async changeCarriedGoal(id: string, change: CarriedGoalChange): Promise<Goal | null> {
    const now = this.now();
    const changed =
      'dropped' in change
        ? await this.q.run(
            `UPDATE goals SET dropped_reason = ?, dropped_by = ?, dropped_at = ?, updated_at = ?
             WHERE id = ? AND status = 'open' AND dropped_at IS NULL`,
            [change.dropped.reason, change.dropped.byUserId, change.dropped.at, now, id],
          )
        : await this.q.run(
            `UPDATE goals SET text = ?, reworded_from = ?, reword_reason = ?, reworded_by = ?, reworded_at = ?, updated_at = ?
             WHERE id = ? AND status = 'open' AND dropped_at IS NULL AND text = ?`,
            [change.text, change.reworded.from, change.reworded.reason, change.reworded.byUserId, change.reworded.at, now, id, change.previousText],
          );
    return changed > 0 ? this.getGoal(id) : null;
  }

  /** The goal that continues `goalId` (its carry-over), if any. */
  async getCarriedGoal(goalId: string): Promise<Goal | null> {
    const [r] = await this.q.all<GoalRow>('SELECT * FROM goals WHERE carried_from_id = ?', [goalId]);
    return r ? toGoal(r) : null;
  }
}
