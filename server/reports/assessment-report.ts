import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { ScoreResult } from '../../shared/scoring/score';

export interface ReportData {
  title: string;
  engagement: string;
  buyer: string;
  provider: string;
  submittedAt: string | null;
  generatedAt: string;
  score: ScoreResult;
  findings: { severity: string; code: string; title: string; explanation: string; status: string }[];
  evidence: { question: string; title: string; fileName: string; sha256: string; uploadedAt: string }[];
}

const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

/** The assessment report as a workbook: summary, controls, answers, findings, evidence with hashes. */
export async function reportWorkbook(d: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Scopewise';
  const summary = wb.addWorksheet('Summary');
  summary.columns = [{ width: 28 }, { width: 70 }];
  const rows: [string, string | number][] = [
    ['Questionnaire', d.title],
    ['Engagement', d.engagement],
    ['Buyer', d.buyer],
    ['Provider', d.provider],
    ['Submitted', d.submittedAt ?? ''],
    ['Score (0–100)', d.score.overallRounded],
    ['Rating', `${d.score.rating}${d.score.ratingCappedBy ? ` (capped by an open ${d.score.ratingCappedBy} finding; uncapped ${d.score.uncappedRating})` : ''}`],
    ['Residual risk', d.score.residualRisk],
    ['Coverage', `${d.score.coverage.answered} of ${d.score.coverage.applicable} applicable controls (${pct(d.score.coverage.ratio)})`],
    ...d.score.themes.map((t) => [`Theme: ${t.theme}`, Math.round(t.score * 10) / 10] as [string, number]),
    ['Generated', d.generatedAt],
  ];
  for (const r of rows) summary.addRow(r);
  summary.getColumn(1).font = { bold: true };

  const ctl = wb.addWorksheet('Controls', { views: [{ state: 'frozen', ySplit: 1 }] });
  ctl.columns = [
    { header: 'Control', width: 10 },
    { header: 'Title', width: 48 },
    { header: 'Theme', width: 16 },
    { header: 'Applicable', width: 12 },
    { header: 'Answered', width: 10 },
    { header: 'Score (0–1)', width: 12 },
    { header: 'Weight', width: 8 },
    { header: 'Multipliers', width: 40 },
  ];
  for (const c of d.score.controls) ctl.addRow([c.controlId, c.title, c.theme, c.applicable ? 'yes' : `no: ${c.notApplicableReason}`, c.answered ? 'yes' : 'no', Math.round(c.score * 1000) / 1000, c.weight, c.multipliers.map((m) => `×${m.factor} ${m.reason}`).join('; ')]);
  ctl.getRow(1).font = { bold: true };

  const ans = wb.addWorksheet('Answers', { views: [{ state: 'frozen', ySplit: 1 }] });
  ans.columns = [
    { header: 'Control', width: 10 },
    { header: 'Question', width: 70 },
    { header: 'Answer', width: 24 },
    { header: 'Credit', width: 8 },
    { header: 'Weight', width: 8 },
    { header: 'Cap / exclusion', width: 20 },
  ];
  for (const c of d.score.controls) for (const q of c.questions) ans.addRow([c.controlId, q.text, q.value === null ? '' : Array.isArray(q.value) ? q.value.join('; ') : String(q.value), q.credit ?? '', q.weight, q.capped ?? q.excluded ?? '']);
  ans.getRow(1).font = { bold: true };

  const fnd = wb.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }] });
  fnd.columns = [
    { header: 'Severity', width: 10 },
    { header: 'Code', width: 28 },
    { header: 'Finding', width: 50 },
    { header: 'Why', width: 90 },
    { header: 'Status', width: 20 },
  ];
  for (const f of d.findings) fnd.addRow([f.severity, f.code, f.title, f.explanation, f.status]);
  fnd.getRow(1).font = { bold: true };

  const ev = wb.addWorksheet('Evidence', { views: [{ state: 'frozen', ySplit: 1 }] });
  ev.columns = [
    { header: 'Question', width: 60 },
    { header: 'Document', width: 34 },
    { header: 'File', width: 30 },
    { header: 'SHA-256', width: 68 },
    { header: 'Uploaded', width: 24 },
  ];
  for (const e of d.evidence) ev.addRow([e.question, e.title, e.fileName, e.sha256, e.uploadedAt]);
  ev.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same report as a PDF for the file: summary, theme scores, findings, evidence hashes, weakest controls. */
export function reportPdf(d: ReportData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${d.title}: assessment report`, Author: 'Scopewise' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(`Assessment report: ${d.title}`).moveDown(0.5);
    doc.fontSize(10).text(`${d.buyer} → ${d.provider} · engagement "${d.engagement}" · submitted ${d.submittedAt ?? '—'} · generated ${d.generatedAt}`).moveDown();
    doc.fontSize(14).text(`Score ${d.score.overallRounded} / 100 · rating ${d.score.rating}${d.score.ratingCappedBy ? ` (capped by an open ${d.score.ratingCappedBy} finding)` : ''} · residual risk ${d.score.residualRisk}`);
    doc.fontSize(10).text(`Coverage: ${d.score.coverage.answered} of ${d.score.coverage.applicable} applicable controls answered.`).moveDown();
    doc.fontSize(12).text('Themes');
    for (const t of d.score.themes) doc.fontSize(10).text(`  ${t.theme}: ${t.score.toFixed(1)} (weight ${t.weight})`);
    doc.moveDown().fontSize(12).text(`Findings (${d.findings.length})`);
    for (const f of d.findings) {
      doc.fontSize(10).text(`[${f.severity.toUpperCase()}] ${f.code} — ${f.title} (${f.status})`);
      doc.fontSize(9).fillColor('#444').text(`  ${f.explanation}`).fillColor('black');
    }
    const weakest = d.score.controls.filter((c) => c.applicable && c.answered).sort((a, b) => a.score - b.score).slice(0, 15);
    doc.moveDown().fontSize(12).text('Weakest answered controls');
    for (const c of weakest) doc.fontSize(10).text(`  ${c.controlId} ${c.title}: ${c.score.toFixed(2)} (weight ${c.weight})`);
    doc.moveDown().fontSize(12).text(`Evidence (${d.evidence.length})`);
    for (const e of d.evidence) doc.fontSize(9).text(`  ${e.title} (${e.fileName}), uploaded ${e.uploadedAt}, SHA-256 ${e.sha256} — for "${e.question}"`);
    doc.moveDown().fontSize(8).fillColor('#666').text('The full breakdown per control, question, credit and weight is in the xlsx report and at GET /api/assessments/:id/score. Method: docs/scoring.md.');
    doc.end();
  });
}
