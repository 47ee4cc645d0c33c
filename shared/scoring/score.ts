import { controls, themes, type Theme } from '../catalog';
import { rawCredit } from '../answers/credit';
import { isNotApplicable } from '../answers/check';
import { requiredControls } from '../engagements/required-controls';
import type { Severity } from '../findings/codes';
import type { AnswerValue, ReviewVerdict } from '../schemas/answer';
import type { EngagementProfile } from '../schemas/engagement-profile';
import type { Question } from '../schemas/template';
import { GAP_THRESHOLD } from './gap';
import { engagementMultipliers, ratingFor, ratings, residualRisk, type Rating, type ResidualRisk } from './tables';

/**
 * The transparent score of SPEC.md, as one pure function a buyer can
 * recompute by hand (docs/scoring.md walks through examples):
 *
 * - answer credit: yes 1, partial 0.5, no 0; a choice its option's credit;
 *   several choices the mean of theirs; n.a., text, date and number are not scored;
 * - evidence required, a positive answer and no evidence: credit capped at 0.5;
 *   a review verdict "rejected": credit 0;
 * - control score: the weighted mean (question weights) of the credits of its
 *   answered, shown questions; a control with none scores 0 and is unanswered;
 * - control weight: the buyer's profile weight (default 1) × the engagement's multipliers;
 * - a control counts when the questionnaire asks about it (a question maps to
 *   it) or the engagement requires it; one neither asked nor required is not
 *   applicable, so a short questionnaire is not scored against the whole
 *   catalog (coverage says how much of the catalog it asks about);
 * - a control is not applicable when the SoA excludes it with a justification
 *   and the engagement does not require it;
 * - theme and overall score: Σ(weight × score) / Σ weight over applicable
 *   controls, × 100; coverage: answered applicable controls / applicable controls;
 * - rating A ≥ 85, B ≥ 70, C ≥ 50, else D; an open critical finding caps it at
 *   C, an open high finding at B; residual risk from the inherent tier and the rating.
 */

export interface ScoredAnswer {
  value: AnswerValue;
  evidenceCount: number;
  verdict: ReviewVerdict | null;
}

export interface ScoringInput {
  questions: readonly Question[];
  answers: ReadonlyMap<string, ScoredAnswer>;
  /** Questions shown under the current answers (conditions). */
  visible: ReadonlySet<string>;
  profile: Pick<EngagementProfile, 'dataCategories' | 'usesCloud' | 'remoteWork' | 'subcontractors' | 'developsSoftware'>;
  soa: readonly { controlId: string; applicable: boolean | null; justification: string; implementation?: 'full' | 'partial' | 'none' | null }[] | null;
  /** The buyer's scoring profile: control id → weight (default 1). */
  profileWeights?: Readonly<Record<string, number>>;
  openFindingSeverities: readonly Severity[];
  inherentTier: 1 | 2 | 3 | 4;
}

export interface QuestionBreakdown {
  questionKey: string;
  text: string;
  value: AnswerValue | null;
  rawCredit: number | null;
  credit: number | null;
  weight: number;
  capped: 'evidence_missing' | 'rejected' | null;
  /** Documents attached as evidence. */
  evidenceCount: number;
  excluded: 'hidden' | 'unanswered' | 'na' | 'unscored_type' | 'zero_weight' | null;
}

export interface ControlScore {
  controlId: string;
  title: string;
  theme: Theme;
  applicable: boolean;
  notApplicableReason: string | null;
  baseWeight: number;
  multipliers: { factor: number; reason: string }[];
  weight: number;
  /** 0…1 */
  score: number;
  answered: boolean;
  /** A question of the questionnaire maps to it. */
  asked: boolean;
  /** The engagement requires it (required-controls.ts): it counts even when not asked. */
  required: boolean;
  questions: QuestionBreakdown[];
  /** What the shared SoA says about the control, if one is shared. */
  soaRow: { applicable: boolean | null; implementation: 'full' | 'partial' | 'none' | null; justification: string } | null;
}

export interface ScoreResult {
  overall: number;
  overallRounded: number;
  rating: Rating;
  uncappedRating: Rating;
  ratingCappedBy: 'critical' | 'high' | null;
  residualRisk: ResidualRisk;
  /**
   * answered / applicable (the controls that count); `asked` of the
   * `catalog`'s controls are asked about by the questionnaire;
   * `requiredNotAsked`: controls the engagement requires that no question asks about (they count as 0).
   */
  coverage: { answered: number; applicable: number; ratio: number; asked: number; catalog: number; requiredNotAsked: string[] };
  themes: { theme: Theme; score: number; weight: number }[];
  controls: ControlScore[];
  /** Applicable controls that were answered and score below GAP_THRESHOLD, with the severity their weight gives. */
  gaps: { controlId: string; score: number; weight: number; severity: Severity }[];
}

/** CONTROL_GAP severity by the control's weight: ≥ 2 high, ≥ 1 medium, else low. */
export function gapSeverity(weight: number): Severity {
  return weight >= 2 ? 'high' : weight >= 1 ? 'medium' : 'low';
}

/** One question's contribution, with why it counts or not. */
export function scoreQuestion(q: Question, visible: boolean, answer: ScoredAnswer | undefined): QuestionBreakdown {
  const base = { questionKey: q.key, text: q.text, value: answer?.value ?? null, weight: q.weight, capped: null, rawCredit: null, credit: null, evidenceCount: answer?.evidenceCount ?? 0 } as QuestionBreakdown;
  if (!visible) return { ...base, excluded: 'hidden' };
  if (!answer || answer.value === null) return { ...base, excluded: 'unanswered' };
  if (!['yes_no', 'single_choice', 'multiple_choice'].includes(q.answerType)) return { ...base, excluded: 'unscored_type' };
  if (isNotApplicable(q, answer.value)) return { ...base, excluded: 'na' };
  if (q.weight === 0) return { ...base, excluded: 'zero_weight' };
  const raw = rawCredit(q, answer.value);
  if (raw === null) return { ...base, excluded: 'na' };
  if (answer.verdict === 'rejected') return { ...base, rawCredit: raw, credit: 0, capped: 'rejected', excluded: null };
  if (q.evidence === 'required' && raw > 0.5 && answer.evidenceCount === 0) return { ...base, rawCredit: raw, credit: 0.5, capped: 'evidence_missing', excluded: null };
  return { ...base, rawCredit: raw, credit: raw, excluded: null };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Scores an assessment for an engagement; every number comes with what it was computed from. */
export function scoreAssessment(input: ScoringInput): ScoreResult {
  const multipliers = engagementMultipliers(input.profile);
  const required = new Set(requiredControls(input.profile));
  const soaRows = new Map((input.soa ?? []).map((r) => [r.controlId, r]));
  const byControl = new Map<string, QuestionBreakdown[]>();
  for (const q of input.questions) {
    const b = scoreQuestion(q, input.visible.has(q.key), input.answers.get(q.key));
    for (const id of q.controlIds) byControl.set(id, [...(byControl.get(id) ?? []), b]);
  }

  const controlScores: ControlScore[] = controls.map((c) => {
    const questions = byControl.get(c.id) ?? [];
    const counted = questions.filter((b) => b.credit !== null);
    const totalWeight = counted.reduce((s, b) => s + b.weight, 0);
    const score = totalWeight > 0 ? counted.reduce((s, b) => s + b.weight * b.credit!, 0) / totalWeight : 0;
    const ms = multipliers.get(c.id) ?? [];
    const baseWeight = input.profileWeights?.[c.id] ?? 1;
    const weight = ms.reduce((w, m) => w * m.factor, baseWeight);
    const row = soaRows.get(c.id);
    const isRequired = required.has(c.id);
    const asked = questions.length > 0;
    const excludedBySoa = row?.applicable === false && row.justification.trim() !== '' && !isRequired;
    const notApplicableReason = excludedBySoa
      ? `Excluded by the SoA: ${row!.justification}`
      : weight === 0
        ? 'Weight 0 in the scoring profile'
        : !asked && !isRequired
          ? 'Not asked by this questionnaire, and not required by the engagement'
          : null;
    return {
      controlId: c.id,
      title: c.title,
      theme: c.theme,
      applicable: notApplicableReason === null,
      notApplicableReason,
      baseWeight,
      multipliers: ms,
      weight,
      score,
      answered: totalWeight > 0,
      asked,
      required: isRequired,
      questions,
      soaRow: row ? { applicable: row.applicable, implementation: row.implementation ?? null, justification: row.justification } : null,
    };
  });

  const applicable = controlScores.filter((c) => c.applicable);
  const weighted = (list: ControlScore[]) => {
    const w = list.reduce((s, c) => s + c.weight, 0);
    return { score: w > 0 ? (100 * list.reduce((s, c) => s + c.weight * c.score, 0)) / w : 0, weight: w };
  };
  const overall = weighted(applicable).score;
  const uncappedRating = ratingFor(round1(overall));
  const hasCritical = input.openFindingSeverities.includes('critical');
  const hasHigh = input.openFindingSeverities.includes('high');
  const cap: Rating | null = hasCritical ? 'C' : hasHigh ? 'B' : null;
  const rating = cap && ratings.indexOf(uncappedRating) < ratings.indexOf(cap) ? cap : uncappedRating;
  const answered = applicable.filter((c) => c.answered).length;

  return {
    overall,
    overallRounded: round1(overall),
    rating,
    uncappedRating,
    ratingCappedBy: rating !== uncappedRating ? (hasCritical ? 'critical' : 'high') : null,
    residualRisk: residualRisk(input.inherentTier, rating),
    coverage: {
      answered,
      applicable: applicable.length,
      ratio: applicable.length ? answered / applicable.length : 0,
      asked: controlScores.filter((c) => c.asked).length,
      catalog: controlScores.length,
      requiredNotAsked: applicable.filter((c) => c.required && !c.asked).map((c) => c.controlId),
    },
    themes: themes.map((theme) => ({ theme, ...weighted(applicable.filter((c) => c.theme === theme)) })),
    controls: controlScores,
    gaps: applicable.filter((c) => c.answered && c.score < GAP_THRESHOLD).map((c) => ({ controlId: c.controlId, score: c.score, weight: c.weight, severity: gapSeverity(c.weight) })),
  };
}
