import { judgeAcrossCertificates, type CoverageSource, type CoverageVerdict } from '../../shared/matching/coverage';
import { matchCertificateHolder } from '../../shared/matching/holder';

const src = (id: string, fields: Partial<CoverageSource> = {}): CoverageSource => ({ certificateId: id, label: `certificate ${id} (BSI)`, voidReason: null, ...fields });

describe('judgeAcrossCertificates', () => {
  const rows: { when: string; sources: CoverageSource[]; verdicts: Record<string, CoverageVerdict>; verdict: CoverageVerdict; coveredBy: string[]; says: string[] }[] = [
    { when: 'one certificate covers it', sources: [src('A')], verdicts: { A: 'covered' }, verdict: 'covered', coveredBy: ['A'], says: ['Covered by the certificate A (BSI)'] },
    { when: 'the second of two certificates covers it', sources: [src('A'), src('B')], verdicts: { A: 'not_covered', B: 'covered' }, verdict: 'covered', coveredBy: ['B'], says: ['Covered by the certificate B (BSI)'] },
    { when: 'both certificates cover it', sources: [src('A'), src('B')], verdicts: { A: 'covered', B: 'covered' }, verdict: 'covered', coveredBy: ['A', 'B'], says: ['Also covered by the certificate B (BSI)'] },
    { when: 'one might and one does not', sources: [src('A'), src('B')], verdicts: { A: 'not_covered', B: 'uncertain' }, verdict: 'uncertain', coveredBy: [], says: ['Against the certificate A (BSI)', 'Against the certificate B (BSI)'] },
    { when: 'neither covers it', sources: [src('A'), src('B')], verdicts: { A: 'not_covered', B: 'not_covered' }, verdict: 'not_covered', coveredBy: [], says: ['None of the 2 valid certificates'] },
    { when: 'only an expired certificate would cover it', sources: [src('A'), src('B', { voidReason: 'it expired on 2025-01-01' })], verdicts: { A: 'not_covered', B: 'covered' }, verdict: 'not_covered', coveredBy: [], says: ['certificate B (BSI) covers nothing: it expired on 2025-01-01'] },
    { when: 'the only certificate is superseded', sources: [src('A', { voidReason: 'it is superseded by the issue of 2025-03-01' })], verdicts: { A: 'covered' }, verdict: 'not_covered', coveredBy: [], says: ['No valid certificate is shared', 'superseded'] },
    { when: 'the covering certificate is held by another company', sources: [src('A', { heldByOther: 'Acme Data Services Pte. Ltd.' })], verdicts: { A: 'covered' }, verdict: 'uncertain', coveredBy: [], says: ['held by "Acme Data Services Pte. Ltd."'] },
  ];

  test.each(rows)('when $when, then the union is $verdict and names the certificates', ({ sources, verdicts, verdict, coveredBy, says }) => {
    const judged: string[] = [];
    const result = judgeAcrossCertificates(sources, (id) => (judged.push(id), { verdict: verdicts[id]!, explanation: `verdict of ${id}` }));
    expect(result.verdict).toBe(verdict);
    expect(result.coveredBy).toEqual(coveredBy);
    for (const s of says) expect(result.explanation).toContain(s);
    // A certificate that covers nothing is not even judged, and each one is reported.
    expect(judged).toEqual(sources.filter((s) => !s.voidReason).map((s) => s.certificateId));
    expect(result.byCertificate.map((c) => c.certificateId)).toEqual(sources.map((s) => s.certificateId));
  });
});

describe('matchCertificateHolder', () => {
  test.each([
    { when: 'the holder is the contracting entity', aliases: [], holder: 'Acme BPO Philippines Inc', verdict: 'same' },
    { when: "the holder is one of the entity's recorded names", aliases: ['Acme Business Process Outsourcing Philippines, Inc.'], holder: 'Acme Business Process Outsourcing Philippines Inc.', verdict: 'same' },
    { when: 'the holder is a sister company', aliases: [], holder: 'Acme Data Services Pte. Ltd.', verdict: 'different' },
    { when: 'the holder is a sister company and other names are recorded', aliases: ['Acme BPO PH'], holder: 'Acme Global Services Ltd', verdict: 'different' },
  ])('when $when, then the verdict is $verdict and each name compared says where it came from', ({ aliases, holder, verdict }) => {
    const m = matchCertificateHolder({ entity: 'Acme BPO Philippines, Inc.', aliases }, { name: holder, certificate: 'certificate IS 1 (BSI)' });
    expect(m.verdict).toBe(verdict);
    expect(m.compared[0]).toEqual({ name: holder, source: 'certificate IS 1 (BSI), certificate field "legal entity"' });
    expect(m.compared[1]).toEqual({ name: 'Acme BPO Philippines, Inc.', source: 'engagement field "contracting entity"' });
    expect(m.compared.slice(2)).toEqual(aliases.map((name) => ({ name, source: 'engagement field "other names of the contracting entity"' })));
    expect(m.explanation).toContain("the provider organization's own names are not compared");
  });
});
