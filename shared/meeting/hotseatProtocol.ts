// The hot-seat protocol a group runs: ordered stages, each with its share of the item's time,
// the rule shown to the room and the kind of talk it is. A template names a preset or carries
// custom stages; a meeting snapshots the protocol when it is created (state.hotSeatProtocol),
// so editing the template later never changes a meeting already planned or running.
import { LIMITS } from '../limits.ts';
import type { ProtocolChoice } from './protocolChoice.ts';

export type { ProtocolChoice };

/**
 * What the room does in a stage, which decides the tools the console offers:
 * talk: the presenter (or one voice) speaks, everyone listens;
 * questions / root-cause: open floor from the hand queue;
 * advice-round: everyone but the presenter in turn, each with a time box (round-robin);
 * commitments: the presenter's commitments are written down.
 */
export const STAGE_KINDS = ['talk', 'questions', 'root-cause', 'advice-round', 'commitments'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export interface ProtocolStage {
  /** Stable within the protocol; the hotseat.stage command names it. */
  id: string;
  name: string;
  /** Share of the presenter's time, 0..1; the stages' shares sum to 1. */
  share: number;
  rule: string;
  kind: StageKind;
}

export const PROTOCOL_PRESETS = ['classic', 'gestalt', 'five-step'] as const;
export type ProtocolPreset = (typeof PROTOCOL_PRESETS)[number];

export interface HotSeatProtocol {
  /** The preset it came from, or 'custom'. */
  preset: ProtocolPreset | 'custom';
  name: string;
  stages: ProtocolStage[];
}

const stage = (id: string, name: string, share: number, kind: StageKind, rule: string): ProtocolStage => ({ id, name, share, rule, kind });

/** The built-in protocols; 'classic' is the one every meeting ran before protocols existed. */
export const PRESET_PROTOCOLS: Readonly<Record<ProtocolPreset, HotSeatProtocol>> = deepFreeze({
  classic: {
    preset: 'classic',
    name: 'Classic',
    stages: [
      stage('presentation', 'Presentation', 0.2, 'talk', 'The presenter explains the problem; everyone listens'),
      stage('questions', 'Clarifying questions', 0.25, 'questions', 'Clarifying questions only: no advice yet'),
      stage('advice', 'Experience and advice', 0.35, 'advice-round', 'Share what you have lived, then what you would do'),
      stage('commitments', 'Commitments', 0.2, 'commitments', 'The presenter says what they will do, and by when'),
    ],
  },
  // Gestalt protocol: nobody tells the presenter what to do; members share what they lived.
  gestalt: {
    preset: 'gestalt',
    name: 'Gestalt (experience sharing)',
    stages: [
      stage('presentation', 'Presentation', 0.2, 'talk', 'The presenter explains the situation; everyone listens'),
      stage('questions', 'Clarifying questions', 0.2, 'questions', 'Questions to understand, never advice in disguise'),
      stage('experience', 'Experience sharing', 0.45, 'advice-round', 'Only "I" statements: what I lived, no advice'),
      stage('reflection', 'Presenter reflection', 0.15, 'talk', 'The presenter says what they take away; no discussion'),
    ],
  },
  'five-step': {
    preset: 'five-step',
    name: 'Five-step issue process',
    stages: [
      stage('presentation', 'Presentation', 0.15, 'talk', 'The presenter states the issue and what a good outcome is'),
      stage('questions', 'Clarifying questions', 0.2, 'questions', 'Clarifying questions only: no advice yet'),
      stage('root-cause', 'Root cause', 0.2, 'root-cause', 'Find the real issue behind the symptom before solving it'),
      stage('advice', 'Advice', 0.25, 'advice-round', 'Each in turn: what you would do, and why'),
      stage('commitments', 'Commitments', 0.2, 'commitments', 'The presenter says what they will do, and by when'),
    ],
  },
});

export const CLASSIC_PROTOCOL: HotSeatProtocol = PRESET_PROTOCOLS.classic;


/** Why these stages cannot be a protocol, or null. Shared with the template editor's live check. */
export function protocolProblem(stages: readonly Pick<ProtocolStage, 'id' | 'share'>[]): string | null {
  if (stages.length < 1 || stages.length > LIMITS.protocolStagesMax) return `A protocol has 1 to ${LIMITS.protocolStagesMax} stages.`;
  if (new Set(stages.map((s) => s.id)).size !== stages.length) return 'Two stages have the same id.';
  const sum = stages.reduce((a, s) => a + s.share, 0);
  if (Math.abs(sum - 1) > LIMITS.protocolShareTolerance) return `The stages' shares add up to ${Math.round(sum * 100)} %, not 100 %.`;
  return null;
}

/** The protocol a choice stands for (a preset's stages are copied, so a snapshot owns them). */
export function resolveProtocol(choice: ProtocolChoice | null | undefined): HotSeatProtocol {
  if (!choice) return structuredClone(CLASSIC_PROTOCOL);
  if (choice.preset === 'custom') return { preset: 'custom', name: choice.name, stages: choice.stages.map((s) => ({ ...s })) };
  return structuredClone(PRESET_PROTOCOLS[choice.preset]);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
