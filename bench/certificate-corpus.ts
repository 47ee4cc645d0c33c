// Certificate reading accuracy over the corpus in test/certificate/corpus:
// each PDF is read the way the extract-certificate route reads it (PDF text,
// then the proposal) and compared with its labelled facts by the same scorer
// the corpus test uses. Prints a table per field, the overall share of fields
// right, every confident wrong value and every miss, and how the negative
// documents are answered.
//
//   npx tsx bench/certificate-corpus.ts            (or: npm run bench certificate)
//   BENCH_JSON=1 npx tsx bench/certificate-corpus.ts   also prints the figures as JSON
import fs from 'node:fs';
import { FIELDS, listCorpus, readCertificatePdf, routeOutcome, scoreProposal, type FieldScore, type ScoredField } from '../test/certificate/corpus/score';

const LABEL: Record<ScoredField, string> = {
  certificateNumber: 'certificate number',
  edition: 'edition',
  certificationBody: 'certification body',
  accreditationBody: 'accreditation body',
  legalEntity: 'legal entity',
  issueDate: 'issue date',
  expiryDate: 'expiry date',
  originalCertificationDate: 'original date',
  scopeText: 'scope text',
  sites: 'sites',
  soaReference: 'cited SoA',
};

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

async function main(): Promise<void> {
  const corpus = listCorpus();
  const rows: { file: string; scores: FieldScore[] }[] = [];
  const negatives: { file: string; layout: string; outcome: string; detail: string }[] = [];
  const started = process.hrtime.bigint();

  for (const f of corpus) {
    let reading;
    try {
      reading = await readCertificatePdf(fs.readFileSync(f.pdfPath));
    } catch (err) {
      // An unreadable PDF is answered 4xx by the route: for a certificate every field is a miss.
      if (!f.expected.isCertificate) negatives.push({ file: f.name, layout: f.expected.layout, outcome: 'rejected', detail: (err as Error).message });
      else rows.push({ file: f.name, scores: FIELDS.map((field) => ({ field, verdict: 'miss', confidentWrong: false, expected: '?', got: `unreadable: ${(err as Error).message}` })) });
      continue;
    }
    const outcome = routeOutcome(reading.pdf, reading.proposal);
    if (!f.expected.isCertificate) {
      const p = reading.proposal;
      const said = [p.standard && 'standard', p.certificateNumber && `number "${p.certificateNumber.value}"`, p.certificationBody && `body "${p.certificationBody.value}"`].filter(Boolean).join(', ');
      negatives.push({ file: f.name, layout: f.expected.layout, outcome, detail: `${said || 'nothing read'}${p.warnings.length ? `; warnings: ${p.warnings.join(' | ')}` : ''}` });
      continue;
    }
    if (outcome === 'rejected') {
      rows.push({ file: f.name, scores: FIELDS.map((field) => ({ field, verdict: 'miss', confidentWrong: false, expected: '?', got: 'rejected as not a certificate (422)' })) });
      continue;
    }
    rows.push({ file: f.name, scores: scoreProposal(f.expected.fields!, reading.proposal) });
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;

  const certificates = rows.length;
  console.log(`Certificate corpus: ${certificates} certificates, ${negatives.length} negative documents, ${FIELDS.length} fields each (${ms.toFixed(0)} ms)\n`);

  // Per-field summary table.
  console.log(`${pad('field', 20)} ${pad('right', 7)} ${pad('wrong', 7)} ${pad('miss', 6)} ${pad('confident wrong', 16)} accuracy`);
  console.log('-'.repeat(70));
  let right = 0;
  let total = 0;
  let confidentWrong = 0;
  const summary: Record<string, { right: number; wrong: number; miss: number; confidentWrong: number }> = {};
  for (const field of FIELDS) {
    const s = rows.map((r) => r.scores.find((x) => x.field === field)!);
    const c = { right: s.filter((x) => x.verdict === 'right').length, wrong: s.filter((x) => x.verdict === 'wrong').length, miss: s.filter((x) => x.verdict === 'miss').length, confidentWrong: s.filter((x) => x.confidentWrong).length };
    summary[field] = c;
    right += c.right;
    total += s.length;
    confidentWrong += c.confidentWrong;
    console.log(`${pad(LABEL[field], 20)} ${pad(String(c.right), 7)} ${pad(String(c.wrong), 7)} ${pad(String(c.miss), 6)} ${pad(String(c.confidentWrong), 16)} ${pct(c.right, s.length)}`);
  }
  console.log('-'.repeat(70));
  console.log(`${pad('all fields', 20)} ${pad(String(right), 7)} ${pad('', 7)} ${pad('', 6)} ${pad(String(confidentWrong), 16)} ${pct(right, total)}\n`);

  // One table per field: what each file expected and what the reader proposed.
  for (const field of FIELDS) {
    console.log(`## ${LABEL[field]}`);
    for (const r of rows) {
      const s = r.scores.find((x) => x.field === field)!;
      const mark = s.confidentWrong ? 'CONFIDENT WRONG' : s.verdict;
      console.log(`  ${pad(r.file, 42)} ${pad(mark, 15)} expected ${s.expected}  |  got ${s.got}`);
    }
    console.log('');
  }

  const bad = rows.flatMap((r) => r.scores.filter((s) => s.confidentWrong).map((s) => ({ file: r.file, ...s })));
  console.log(`## Confident wrong values (${bad.length})`);
  for (const b of bad) console.log(`  ${b.file}  ${LABEL[b.field]}: expected ${b.expected}; got ${b.got}`);
  const misses = rows.flatMap((r) => r.scores.filter((s) => s.verdict !== 'right' && !s.confidentWrong).map((s) => ({ file: r.file, ...s })));
  console.log(`\n## Misses and other wrong values (${misses.length})`);
  for (const m of misses) console.log(`  ${m.file}  ${LABEL[m.field]} (${m.verdict}): expected ${m.expected}; got ${m.got}`);

  console.log('\n## Negative documents (a right answer: rejected with 422, or a warning that it is not a certificate)');
  for (const n of negatives) console.log(`  ${pad(n.file, 42)} ${pad(n.outcome.toUpperCase(), 9)} (${n.layout}) ${n.detail}`);
  const negativesRight = negatives.filter((n) => n.outcome !== 'accepted').length;
  console.log(`\nSummary: ${pct(right, total)} of fields right (${right}/${total}); ${confidentWrong} confident wrong; negative documents answered right: ${negativesRight}/${negatives.length}`);

  if (process.env.BENCH_JSON) console.log(JSON.stringify({ fields: summary, right, total, confidentWrong, negatives: negatives.map((n) => ({ file: n.file, outcome: n.outcome })) }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
