// The hot-seat protocol of a template: one of the presets, or the group's own stages (name,
// share of the time, kind, rule shown to the room), checked as they are typed with the same
// rule the server applies (shares add up to 100 %, 1 to 8 stages).
import { LIMITS } from '../../../../shared/limits.ts';
import { PRESET_PROTOCOLS, PROTOCOL_PRESETS, protocolProblem, STAGE_KINDS, type ProtocolChoice, type ProtocolStage, type StageKind } from '../../../../shared/meeting/hotseatProtocol.ts';

const KIND_LABELS: Record<StageKind, string> = {
  talk: 'The presenter talks',
  questions: 'Questions (hand queue)',
  'root-cause': 'Root cause (open floor)',
  'advice-round': 'Round: each in turn',
  commitments: 'Commitments',
};

/** The stages a choice stands for, to show or to start custom stages from. */
export const stagesOf = (choice: ProtocolChoice): ProtocolStage[] => (choice.preset === 'custom' ? choice.stages : PRESET_PROTOCOLS[choice.preset].stages.map((s) => ({ ...s })));

/** Why the choice cannot be saved, or null. */
export const choiceProblem = (choice: ProtocolChoice): string | null => (choice.preset === 'custom' ? protocolProblem(choice.stages) : null);

const newStageId = (stages: readonly ProtocolStage[]) => {
  for (let n = stages.length + 1; ; n++) if (!stages.some((s) => s.id === `stage-${n}`)) return `stage-${n}`;
};
const percent = (share: number) => String(Math.round(share * 1000) / 10);

export function ProtocolEditor({ value, onChange }: { value: ProtocolChoice; onChange: (c: ProtocolChoice) => void }) {
  const stages = stagesOf(value);
  const custom = value.preset === 'custom' ? value : null;
  const setStages = (next: ProtocolStage[]) => onChange({ preset: 'custom', name: custom?.name ?? 'Our protocol', stages: next });
  const setStage = (i: number, patch: Partial<ProtocolStage>) => setStages(stages.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const pick = (v: string) => onChange(v === 'custom' ? { preset: 'custom', name: 'Our protocol', stages } : { preset: v as (typeof PROTOCOL_PRESETS)[number] });
  const problem = choiceProblem(value);
  return (
    <fieldset className="protocol-editor" data-testid="protocol-editor">
      <legend>Hot-seat protocol</legend>
      <label>
        Protocol
        <select aria-label="Protocol" value={value.preset} onChange={(e) => pick(e.target.value)}>
          {PROTOCOL_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_PROTOCOLS[p].name}
            </option>
          ))}
          <option value="custom">Our own stages</option>
        </select>
      </label>
      {custom ? (
        <>
          <label>
            Protocol name <input required maxLength={LIMITS.stageNameMax} value={custom.name} onChange={(e) => onChange({ ...custom, name: e.target.value })} />
          </label>
          <ol className="plain-list template-rows">
            {stages.map((s, i) => (
              <li key={s.id} className="agenda-edit-form">
                <input aria-label={`Name of stage ${i + 1}`} required maxLength={LIMITS.stageNameMax} value={s.name} onChange={(e) => setStage(i, { name: e.target.value })} />
                <input aria-label={`Percent of the time for stage ${i + 1}`} className="input-minutes" type="number" min={1} max={100} step="any" required value={percent(s.share)} onChange={(e) => setStage(i, { share: Number(e.target.value) / 100 })} />
                <select aria-label={`Kind of stage ${i + 1}`} value={s.kind} onChange={(e) => setStage(i, { kind: e.target.value as StageKind })}>
                  {STAGE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
                <input aria-label={`Rule of stage ${i + 1}`} className="grow" maxLength={LIMITS.stageRuleMax} value={s.rule} onChange={(e) => setStage(i, { rule: e.target.value })} />
                <button type="button" className="btn btn-small btn-danger-outline" disabled={stages.length === 1} onClick={() => setStages(stages.filter((_, j) => j !== i))} aria-label={`Remove stage ${i + 1}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
          {stages.length < LIMITS.protocolStagesMax && (
            <button type="button" className="btn btn-small" onClick={() => setStages([...stages, { id: newStageId(stages), name: 'New stage', share: 0.1, rule: '', kind: 'questions' }])}>
              Add stage
            </button>
          )}
        </>
      ) : (
        <p className="muted" data-testid="protocol-stages">
          {stages.map((s) => `${s.name} ${percent(s.share)} %`).join(' · ')}
        </p>
      )}
      {problem && (
        <p role="alert" className="alert" data-testid="protocol-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
