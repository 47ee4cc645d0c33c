import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ScheduleDto } from '../../shared/schemas/schedule';

const included = (s: ScheduleDto) => s.clauses.filter((c) => c.included);

/** The schedule as Markdown: numbered clauses, then an annex of open findings with due dates. */
export function scheduleMarkdown(s: ScheduleDto): string {
  const lines = [`# ${s.title}`, '', `Status: ${s.status === 'final' ? `final (${s.finalizedAt?.slice(0, 10)})` : 'draft'}`, ''];
  if (s.score) lines.push(`Assessment at generation: score ${s.score.overall} / 100, rating ${s.score.rating}, residual risk ${s.score.residualRisk}.`, '');
  included(s).forEach((c, i) => {
    lines.push(`## ${i + 1}. ${c.title}`, '', c.text, '');
  });
  lines.push('## Annex A: open findings', '');
  if (s.findings.length === 0) lines.push('None at the date of this schedule.');
  else {
    lines.push('| # | Severity | Finding | Remediation due |', '|---|---|---|---|');
    s.findings.forEach((f, i) => lines.push(`| ${i + 1} | ${f.severity} | ${f.title.replace(/\|/g, '/')} (${f.code}) | ${f.dueDate ?? 'to be agreed'} |`));
  }
  return `${lines.join('\n')}\n`;
}

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** The schedule as a Word document: heading, numbered clauses, and the findings annex as a table. */
export async function scheduleDocx(s: ScheduleDto): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: s.title, heading: HeadingLevel.TITLE })];
  if (s.score) children.push(new Paragraph(`Assessment at generation: score ${s.score.overall} / 100, rating ${s.score.rating}, residual risk ${s.score.residualRisk}.`));
  included(s).forEach((c, i) => {
    children.push(new Paragraph({ text: `${i + 1}. ${c.title}`, heading: HeadingLevel.HEADING_2 }));
    children.push(new Paragraph({ text: c.text, alignment: AlignmentType.JUSTIFIED }));
  });
  children.push(new Paragraph({ text: 'Annex A: open findings', heading: HeadingLevel.HEADING_2 }));
  if (s.findings.length === 0) children.push(new Paragraph('None at the date of this schedule.'));
  else
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: [cell('#', true), cell('Severity', true), cell('Finding', true), cell('Remediation due', true)] }),
          ...s.findings.map((f, i) => new TableRow({ children: [cell(String(i + 1)), cell(f.severity), cell(`${f.title} (${f.code})`), cell(f.dueDate ?? 'to be agreed')] })),
        ],
      }),
    );
  return Packer.toBuffer(new Document({ creator: 'Scopewise', title: s.title, sections: [{ children }] }));
}
