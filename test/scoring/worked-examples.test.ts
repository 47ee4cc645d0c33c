import { controls } from '../../shared/catalog';
import { scoreAssessment, type ScoredAnswer, type ScoringInput } from '../../shared/scoring/score';
import { allQuestions, question as questionSchema, type Question } from '../../shared/schemas/template';
import { builtinTemplates } from '../../shared/templates/builtin';
import { visibleQuestionKeys } from '../../shared/answers/check';

const q = (over: Partial<Question> & Pick<Question, 'key' | 'controlIds'>): Question => questionSchema.parse({ text: over.key, answerType: 'yes_no', ...over });
const noProfile = { dataCategories: [], usesCloud: false, remoteWork: false, subcontractors: [], developsSoftware: false } as ScoringInput['profile'];
const input = (over: Partial<ScoringInput>): ScoringInput => ({
  questions: [],
  answers: new Map(),
  visible: new Set((over.questions ?? []).map((x) => x.key)),
  profile: noProfile,
  soa: null,
  openFindingSeverities: [],
  inherentTier: 3,
  ...over,
});
const a = (value: ScoredAnswer['value'], over: Partial<ScoredAnswer> = {}): ScoredAnswer => ({ value, evidenceCount: 0, verdict: null, ...over });

describe('docs/scoring.md, worked example 1', () => {
  const questions = [
    q({ key: 'q1', controlIds: ['8.24'], evidence: 'required' }),
    q({ key: 'q2', controlIds: ['8.24'], weight: 2 }),
    q({ key: 'q3', controlIds: ['5.15'], answerType: 'single_choice', options: [{ key: 'quarterly', label: 'Quarterly', credit: 0.75 }, { key: 'never', label: 'Never', credit: 0 }] }),
    q({ key: 'q4', controlIds: ['6.3'] }),
  ];
  const result = scoreAssessment(
    input({
      questions,
      profile: { ...noProfile, dataCategories: ['payment_card'] },
      answers: new Map([
        ['q1', a('yes')],
        ['q2', a('partial')],
        ['q3', a('quarterly')],
        ['q4', a('yes', { verdict: 'rejected' })],
      ]),
    }),
  );
  const control = (id: string) => result.controls.find((c) => c.controlId === id)!;

  test('when the numbers of the example are computed, then they match the document to the decimal', () => {
    expect(control('8.24')).toMatchObject({ score: 0.5, weight: 2, answered: true });
    expect(control('8.24').questions.map((b) => [b.questionKey, b.credit, b.capped])).toEqual([
      ['q1', 0.5, 'evidence_missing'],
      ['q2', 0.5, null],
    ]);
    expect(control('5.15').score).toBe(0.75);
    expect(control('6.3')).toMatchObject({ score: 0, answered: true });
    expect(control('6.3').questions[0]).toMatchObject({ rawCredit: 1, credit: 0, capped: 'rejected' });
    // Counted: the three asked, and the five required by the engagement (card data; incident management and awareness) that it does not ask about.
    expect(result.controls.filter((c) => c.applicable).map((c) => c.controlId)).toEqual(['5.15', '5.24', '5.26', '5.34', '6.3', '8.11', '8.12', '8.24']);
    expect(result.controls.filter((c) => c.applicable).reduce((s, c) => s + c.weight, 0)).toBe(12);
    expect(result.controls.find((c) => c.controlId === '5.1')).toMatchObject({ applicable: false, asked: false, required: false, notApplicableReason: 'Not asked by this questionnaire, and not required by the engagement' });
    expect(result.overallRounded).toBe(14.6);
    expect(result.overall).toBeCloseTo((100 * 1.75) / 12, 10);
    expect(result.rating).toBe('D');
    expect(result.coverage).toEqual({ answered: 3, applicable: 8, ratio: 3 / 8, asked: 3, catalog: 93, requiredNotAsked: ['5.24', '5.26', '5.34', '8.11', '8.12'] });
    expect(result.gaps).toEqual([{ controlId: '6.3', score: 0, weight: 1, severity: 'medium' }]);
  });
});

describe('docs/scoring.md, worked example 2', () => {
  const kept = new Set(['5.1', '5.15', '8.5', '5.24', '5.26', '6.3']);
  const soa = controls.map((c) => ({ controlId: c.id, applicable: kept.has(c.id), justification: kept.has(c.id) ? '' : 'Out of scope: no such activity' }));
  const keys = ['5.1', '5.15', '8.5', '5.24', '5.26', '6.3'];
  const questions = keys.map((id, i) => q({ key: `p${i + 1}`, controlIds: [id] }));
  const answers = new Map(questions.map((x) => [x.key, a(x.key === 'p3' ? 'partial' : 'yes')] as const));
  const base = input({ questions, answers, soa });

  test('when the SoA narrows the scope, then the six kept controls count and the score is 91.7, rating A', () => {
    const r = scoreAssessment(base);
    expect(r.controls.filter((c) => c.applicable).map((c) => c.controlId).sort()).toEqual([...keys].sort());
    expect(r.overallRounded).toBe(91.7);
    expect(r.rating).toBe('A');
    expect(r.coverage).toEqual({ answered: 6, applicable: 6, ratio: 1, asked: 6, catalog: 93, requiredNotAsked: [] });
    expect(r.residualRisk).toBe('low');
  });

  test('when a high finding is open, then the rating is capped at B; when a critical one is open, then at C and the residual risk rises', () => {
    expect(scoreAssessment({ ...base, openFindingSeverities: ['high'] })).toMatchObject({ rating: 'B', uncappedRating: 'A', ratingCappedBy: 'high', residualRisk: 'low' });
    expect(scoreAssessment({ ...base, openFindingSeverities: ['critical', 'high'] })).toMatchObject({ rating: 'C', ratingCappedBy: 'critical', residualRisk: 'medium' });
  });

  test('when the SoA also excludes the required controls, then they still count, unanswered, and the score is 41.7', () => {
    const narrower = controls.map((c) => ({ controlId: c.id, applicable: ['5.1', '5.15', '8.5'].includes(c.id), justification: ['5.1', '5.15', '8.5'].includes(c.id) ? '' : 'Out of scope' }));
    const r = scoreAssessment(input({ questions: questions.slice(0, 3), answers, soa: narrower }));
    expect(r.overallRounded).toBe(41.7);
    expect(r.rating).toBe('D');
  });
});

describe('scoring rules, case by case', () => {
  test.each<[string, Question, ScoredAnswer | undefined, boolean, number | null, string | null]>([
    ['n.a. is excluded', q({ key: 'x', controlIds: ['5.1'] }), a('na'), true, null, 'na'],
    ['a hidden question is excluded', q({ key: 'x', controlIds: ['5.1'] }), a('yes'), false, null, 'hidden'],
    ['an unanswered question is excluded', q({ key: 'x', controlIds: ['5.1'] }), undefined, true, null, 'unanswered'],
    ['text is not scored', q({ key: 'x', controlIds: ['5.1'], answerType: 'text' }), a('We do'), true, null, 'unscored_type'],
    ['weight 0 is excluded', q({ key: 'x', controlIds: ['5.1'], weight: 0 }), a('yes'), true, null, 'zero_weight'],
    ['partial with missing evidence keeps 0.5', q({ key: 'x', controlIds: ['5.1'], evidence: 'required' }), a('partial'), true, 0.5, null],
    ['yes with evidence keeps 1', q({ key: 'x', controlIds: ['5.1'], evidence: 'required' }), a('yes', { evidenceCount: 1 }), true, 1, null],
    ['no stays 0', q({ key: 'x', controlIds: ['5.1'] }), a('no'), true, 0, null],
  ])('when %s', (_what, question, answer, visible, credit, excluded) => {
    const r = scoreAssessment(input({ questions: [question], answers: new Map(answer ? [[question.key, answer]] : []), visible: new Set(visible ? [question.key] : []) }));
    const b = r.controls.find((c) => c.controlId === '5.1')!.questions[0]!;
    expect([b.credit, b.excluded]).toEqual([credit, excluded]);
  });

  test('when multipliers overlap, then they multiply (5.34 with card, personal and health data)', () => {
    const r = scoreAssessment(input({ profile: { ...noProfile, dataCategories: ['payment_card', 'personal_data', 'health'] } }));
    expect(r.controls.find((c) => c.controlId === '5.34')!.weight).toBe(2 * 1.5 * 2);
  });

  test('when the SoA excludes a required control, then it stays applicable', () => {
    const soa = [{ controlId: '8.24', applicable: false, justification: 'We do not encrypt' }];
    const r = scoreAssessment(input({ soa, profile: { ...noProfile, dataCategories: ['payment_card'] } }));
    expect(r.controls.find((c) => c.controlId === '8.24')!.applicable).toBe(true);
  });

  test('when nothing is asked or answered, then only the controls every engagement requires count: score 0, rating D and coverage 0', () => {
    expect(scoreAssessment(input({}))).toMatchObject({ overallRounded: 0, rating: 'D', coverage: { answered: 0, applicable: 3, ratio: 0, asked: 0, requiredNotAsked: ['5.24', '5.26', '6.3'] } });
  });

  test('when every question is answered at its best, then controls the questionnaire never asks about do not pull the score down', () => {
    const questions = ['5.1', '5.15', '5.24', '5.26', '6.3', '8.24'].map((id, i) => q({ key: `b${i}`, controlIds: [id] }));
    const r = scoreAssessment(input({ questions, answers: new Map(questions.map((x) => [x.key, a('yes')])) }));
    expect(r).toMatchObject({ overallRounded: 100, rating: 'A', coverage: { answered: 6, applicable: 6, ratio: 1, asked: 6, catalog: 93 } });
  });

  test('when a required control is not asked about, then it still counts, at 0, and coverage names it', () => {
    const questions = ['5.24', '5.26', '6.3'].map((id, i) => q({ key: `r${i}`, controlIds: [id] }));
    const r = scoreAssessment(input({ questions, answers: new Map(questions.map((x) => [x.key, a('yes')])), profile: { ...noProfile, usesCloud: true } }));
    expect(r.coverage).toMatchObject({ answered: 3, applicable: 4, requiredNotAsked: ['5.23'] });
    expect(r.overall).toBeCloseTo((100 * 3) / 5, 10);
  });
});

describe('the built-in BPO essentials questionnaire answered at its best', () => {
  const bpo = builtinTemplates.find((t) => t.slug === 'bpo-essentials')!.content;
  const questions = allQuestions(bpo);
  /** The best answer to each question: yes, or the option(s) with the highest credit; unscored types get a value all the same. */
  const best = (x: Question): ScoredAnswer['value'] => {
    if (x.answerType === 'yes_no') return 'yes';
    const top = Math.max(...x.options.map((o) => o.credit ?? 0));
    const keys = x.options.filter((o) => (o.credit ?? 0) === top).map((o) => o.key);
    if (x.answerType === 'single_choice') return keys[0]!;
    if (x.answerType === 'multiple_choice') return keys;
    if (x.answerType === 'number') return 1;
    if (x.answerType === 'date') return '2026-11-01';
    return 'Described in the attached policy';
  };
  const answers = new Map(questions.map((x) => [x.key, a(best(x), { evidenceCount: 1 })] as const));

  test.each([
    ['no sensitive data', noProfile],
    ['the demo engagement: card and personal data, cloud', { ...noProfile, dataCategories: ['payment_card', 'personal_data'], usesCloud: true } as ScoringInput['profile']],
  ])('when the engagement has %s, then the perfect submission rates A, and coverage says how much of the catalog was asked about', (_what, profile) => {
    const visible = visibleQuestionKeys(bpo, new Map([...answers].map(([k, v]) => [k, v.value])));
    const r = scoreAssessment(input({ questions, answers, visible, profile }));
    expect(r.rating).toBe('A');
    expect(r.coverage.asked).toBeLessThan(93);
    expect(r.coverage.catalog).toBe(93);
  });
});
