// Scoring a 93-control, 150-question assessment as a pure function
// (target: under 2 ms median). Prints median and p95 over 2000 runs.
import { controls } from '../shared/catalog';
import { scoreAssessment, type ScoredAnswer } from '../shared/scoring/score';
import { question, type Question } from '../shared/schemas/template';

const ids = controls.map((c) => c.id);
const questions: Question[] = Array.from({ length: 150 }, (_v, i) =>
  question.parse({
    key: `q${i}`,
    text: `Question ${i}`,
    answerType: i % 5 === 0 ? 'single_choice' : 'yes_no',
    options: i % 5 === 0 ? [{ key: 'a', label: 'A', credit: 1 }, { key: 'b', label: 'B', credit: 0.5 }, { key: 'c', label: 'C', credit: 0 }] : [],
    controlIds: [ids[i % 93]!, ...(i % 3 === 0 ? [ids[(i * 7) % 93]!] : [])],
    weight: i % 4 === 0 ? 2 : 1,
    evidence: i % 6 === 0 ? 'required' : 'none',
  }),
);
const answers = new Map<string, ScoredAnswer>(questions.map((q, i) => [q.key, { value: q.answerType === 'single_choice' ? ['a', 'b', 'c'][i % 3]! : ['yes', 'partial', 'no', 'na'][i % 4]!, evidenceCount: i % 2, verdict: i % 11 === 0 ? 'rejected' : null }]));
const input = {
  questions,
  answers,
  visible: new Set(questions.map((q) => q.key)),
  profile: { dataCategories: ['payment_card', 'personal_data'] as ('payment_card' | 'personal_data')[], usesCloud: true, remoteWork: true, subcontractors: ['X'], developsSoftware: false },
  soa: controls.map((c, i) => ({ controlId: c.id, applicable: i % 10 !== 0, justification: i % 20 === 0 ? '' : 'n/a' })),
  openFindingSeverities: ['high' as const],
  inherentTier: 2 as const,
};

for (let i = 0; i < 200; i++) scoreAssessment(input);
const times: number[] = [];
for (let i = 0; i < 2000; i++) {
  const start = process.hrtime.bigint();
  scoreAssessment(input);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const p95 = times[Math.floor(times.length * 0.95)]!;
console.log(`scoreAssessment, 93 controls / 150 questions, 2000 runs: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (target: median < 2 ms) ${median < 2 ? 'OK' : 'OVER'}`);
