import path from 'node:path';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { ScoreResult } from '../../shared/scoring/score';
import { projectRoot } from '../config';
import type { ReportScope } from './scope-section';

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
  /** The engagement's scope judgement as the report prints it. */
  scope: ReportScope;
}

const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

/** What the score covers, in one sentence both formats print: answered of those that count, asked of the catalog, and required controls nobody asked about. */
export function coverageLine(c: ScoreResult['coverage']): string {
  const required = c.requiredNotAsked.length;
  const notAsked =
    required > 0 ? ` The engagement requires ${required} control${required === 1 ? '' : 's'} the questionnaire does not ask about (${c.requiredNotAsked.join(', ')}): ${required === 1 ? 'it counts' : 'they count'} as 0.` : '';
  return `${c.answered} of the ${c.applicable} controls that count answered; the questionnaire asks about ${c.asked} of the ${c.catalog}, and the others do not count.${notAsked}`;
}

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
    ['Coverage', `${coverageLine(d.score.coverage)} (${pct(d.score.coverage.ratio)} answered)`],
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

  const scope = wb.addWorksheet('Scope', { views: [{ state: 'frozen', ySplit: 1 }] });
  scope.columns = [
    { header: 'Contracted', width: 10 },
    { header: 'Name', width: 40 },
    { header: 'Verdict', width: 12 },
    { header: 'Certificate that covers it, or why none does', width: 120 },
  ];
  for (const r of d.scope.rows) scope.addRow([r.kind, r.name, r.verdict, r.basis]);
  scope.addRow([]);
  const certHeader = scope.addRow(['Certificate', 'Certification body', 'Expires', 'Status · public directory check (by the buyer)']);
  for (const c of d.scope.certificates) scope.addRow([c.number, c.body, c.expiryDate, `${c.status} · ${c.check}`]);
  scope.getRow(1).font = { bold: true };
  certHeader.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONTS = path.join(projectRoot, 'server', 'reports', 'fonts');
const severityOrder = ['critical', 'high', 'medium', 'low', 'info'];

/** A date for people: "7 Dec 2026" for a day, "7 Dec 2026, 14:32 UTC" for a moment (the one format every date in the PDF uses). */
export function humanDate(iso: string | null): string {
  if (!iso) return '—';
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(dayOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d).replace('Sept', 'Sep');
  if (dayOnly) return day;
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(d);
  return `${day}, ${time} UTC`;
}

/** Prose from the rules names days as ISO dates ("it expired on 2025-01-01"): the PDF says them for people. */
export function humanDatesIn(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?\b/g, (m) => humanDate(m));
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * Theme scores as horizontal bars on a 0–100 axis drawn with vector graphics,
 * each labelled with its score and weight as text (never colour alone); a theme
 * with no control that counts says so instead of showing an empty bar as 0.
 */
function themeChart(doc: PDFKit.PDFDocument, themes: ScoreResult['themes']): void {
  const left = doc.page.margins.left;
  const labelWidth = 110;
  const valueWidth = 175;
  const barWidth = doc.page.width - left - doc.page.margins.right - labelWidth - valueWidth;
  const rowHeight = 18;
  ensureSpace(doc, themes.length * rowHeight + 30);
  const top = doc.y + 4;
  let y = top;
  for (const t of themes) {
    const score = Math.max(0, Math.min(100, t.score));
    const scored = t.weight > 0;
    doc.font('Sans').fontSize(9).fillColor('black').text(t.theme, left, y + 2, { width: labelWidth - 8, lineBreak: false });
    doc.rect(left + labelWidth, y, barWidth, rowHeight - 6).fillColor('#e9ecef').fill();
    if (scored && score > 0) doc.rect(left + labelWidth, y, (barWidth * score) / 100, rowHeight - 6).fillColor(score >= 75 ? '#2f9e44' : score >= 50 ? '#f08c00' : '#e03131').fill();
    const label = scored ? `${t.score.toFixed(1)} (weight ${Math.round(t.weight * 100) / 100})` : 'not scored: no control that counts';
    doc.fillColor('black').text(label, left + labelWidth + barWidth + 8, y + 2, { width: valueWidth - 8, lineBreak: false });
    y += rowHeight;
  }
  // The axis: a line under the bars and ticks at 0, 25, 50, 75 and 100.
  doc.moveTo(left + labelWidth, y - 3).lineTo(left + labelWidth + barWidth, y - 3).lineWidth(0.5).strokeColor('#868e96').stroke();
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = left + labelWidth + (barWidth * tick) / 100;
    doc.moveTo(x, top - 2).lineTo(x, y - 3).lineWidth(0.3).dash(1.5, { space: 2 }).strokeColor('#adb5bd').stroke().undash();
    doc.fontSize(7).fillColor('#495057').text(String(tick), x - 10, y, { width: 20, align: 'center', lineBreak: false });
  }
  doc.fillColor('black').strokeColor('black');
  doc.x = left;
  doc.y = y + 12;
}

/**
 * A table whose cells wrap: each row as tall as its tallest cell, a thin rule
 * between rows, the header again on each new page. Cells are written one after
 * the other, so the text layer reads row by row.
 */
function table(doc: PDFKit.PDFDocument, columns: { header: string; width: number }[], rows: string[][], size = 8.5): void {
  const left = doc.page.margins.left;
  const pad = 3;
  const total = columns.reduce((w, c) => w + c.width, 0);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: string[], font: string, shade: boolean) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (shade) doc.rect(left, y, total, h).fillColor('#f1f3f5').fill();
    let x = left;
    doc.font(font).fontSize(size).fillColor('black');
    cells.forEach((cell, i) => {
      doc.text(cell, x + pad, y + pad, { width: columns[i]!.width - 2 * pad });
      x += columns[i]!.width;
    });
    doc.moveTo(left, y + h).lineTo(left + total, y + h).lineWidth(0.4).strokeColor('#ced4da').stroke().strokeColor('black');
    doc.x = left;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.header);
  ensureSpace(doc, rowHeight(header, 'Sans-Bold') + (rows[0] ? rowHeight(rows[0], 'Sans') : 0));
  draw(header, 'Sans-Bold', true);
  for (const r of rows) {
    if (doc.y + rowHeight(r, 'Sans') > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      draw(header, 'Sans-Bold', true);
    }
    draw(r, 'Sans', false);
  }
  doc.moveDown(0.3);
}

/** "Page 2 of 3" and what the report is about at the foot of every page, for a committee pack read on paper. */
function pageNumbers(doc: PDFKit.PDFDocument, about: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 32;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('Sans').fontSize(7.5).fillColor('#868e96');
    doc.text(about, doc.page.margins.left, y, { width: width - 80, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - start + 1} of ${count}`, doc.page.margins.left + width - 80, y, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}

/** The same report as a PDF for a committee: summary, theme chart, findings by severity and rule, weakest controls, evidence hashes. */
export function reportPdf(d: ReportData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: `${d.title}: assessment report`, Author: 'Scopewise' } });
    // A Unicode font, so names in any Latin, Greek or Cyrillic script and arrows print as written.
    doc.registerFont('Sans', path.join(FONTS, 'DejaVuSans.ttf'));
    doc.registerFont('Sans-Bold', path.join(FONTS, 'DejaVuSans-Bold.ttf'));
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // A heading never ends a page alone: it moves to the next one with the first lines under it.
    const heading = (text: string, size = 12) => {
      ensureSpace(doc, 60);
      doc.moveDown(0.6).font('Sans-Bold').fontSize(size).fillColor('black').text(text).font('Sans');
    };
    doc.font('Sans-Bold').fontSize(18).text(`Assessment report: ${d.title}`).moveDown(0.3);
    doc.font('Sans').fontSize(10).text(`${d.buyer} → ${d.provider} · engagement “${d.engagement}”`);
    doc.text(`Submitted ${humanDate(d.submittedAt)} · generated ${humanDate(d.generatedAt)}`).moveDown(0.5);
    doc.font('Sans-Bold').fontSize(14).text(`Score ${d.score.overallRounded} / 100 · rating ${d.score.rating}${d.score.ratingCappedBy ? ` (capped by an open ${d.score.ratingCappedBy} finding)` : ''} · residual risk ${d.score.residualRisk}`);
    doc.font('Sans').fontSize(10).text(`Coverage: ${coverageLine(d.score.coverage)}`);
    heading('Themes');
    themeChart(doc, d.score.themes);
    heading('Scope: contracted sites and services');
    const contentWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    if (d.scope.rows.length === 0) doc.fontSize(10).text('The engagement records no contracted site or service.');
    else table(doc, [{ header: 'Contracted', width: 130 }, { header: 'Verdict', width: 62 }, { header: 'Certificate that covers it, or why none does', width: contentWidth - 192 }], d.scope.rows.map((r) => [`${r.kind}: ${r.name}`, r.verdict, humanDatesIn(r.basis)]));
    heading(`Certificates the scope rests on (${d.scope.certificates.length})`, 11);
    if (d.scope.certificates.length === 0) doc.fontSize(10).text('No ISO/IEC 27001 certificate is shared with the engagement.');
    else
      table(
        doc,
        [{ header: 'Certificate', width: 80 }, { header: 'Body', width: 70 }, { header: 'Expires', width: 62 }, { header: 'Status', width: 110 }, { header: 'Public directory check (by the buyer)', width: contentWidth - 322 }],
        d.scope.certificates.map((c) => [c.number, c.body, humanDate(c.expiryDate), humanDatesIn(c.status), humanDatesIn(c.check)]),
      );
    heading(`Findings (${d.findings.length})`);
    if (d.findings.length === 0) doc.fontSize(10).text('No open finding.');
    const bySeverity = [...d.findings].sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) || a.code.localeCompare(b.code));
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    for (const severity of severityOrder) {
      const fs = bySeverity.filter((f) => f.severity === severity);
      if (fs.length === 0) continue;
      doc.moveDown(0.3).font('Sans-Bold').fontSize(10).text(`${severity[0]!.toUpperCase()}${severity.slice(1)} (${fs.length})`, left);
      // The rule's code beside the finding's own title, so a reader can look the rule up.
      for (const f of fs) {
        // A finding's title and its explanation stay on one page.
        const title = `• ${f.title} (${f.code}), ${f.status.replace(/_/g, ' ')}`;
        const explanation = humanDatesIn(f.explanation);
        ensureSpace(doc, doc.font('Sans').fontSize(9.5).heightOfString(title, { width: width - 8 }) + doc.fontSize(8.5).heightOfString(explanation, { width: width - 18 }));
        doc.font('Sans').fontSize(9.5).text(title, left + 8, doc.y, { width: width - 8 });
        doc.fontSize(8.5).fillColor('#444').text(explanation, left + 18, doc.y, { width: width - 18 }).fillColor('black');
      }
    }
    doc.x = left;
    const weakest = d.score.controls.filter((c) => c.applicable && c.answered).sort((a, b) => a.score - b.score).slice(0, 15);
    heading('Weakest answered controls');
    for (const c of weakest) doc.fontSize(10).text(`${c.controlId} ${c.title}: ${c.score.toFixed(2)} (weight ${c.weight})`, left + 8, doc.y, { width: width - 8 });
    doc.x = left;
    heading(`Evidence (${d.evidence.length})`);
    for (const e of d.evidence) doc.fontSize(9).text(`${e.title} (${e.fileName}), uploaded ${humanDate(e.uploadedAt)}, SHA-256 ${e.sha256}, for “${e.question}”`, left + 8, doc.y, { width: width - 8 });
    doc.x = left;
    doc.moveDown().fontSize(8).fillColor('#666').text('The breakdown per control, question, credit and weight is in the workbook version of this report.');
    pageNumbers(doc, `${d.buyer} → ${d.provider}: ${d.title}`);
    doc.end();
  });
}
