import ExcelJS from 'exceljs';
import { checkAnswer, isNotApplicable } from '../../shared/answers/check';
import type { AnswerValue } from '../../shared/schemas/answer';
import { allQuestions, type Question, type TemplateContent } from '../../shared/schemas/template';
import { assertSafeZip } from '../xlsx/zip-guard';
import { SpreadsheetFormatError } from '../xlsx/errors';

/**
 * The provider's offline round trip: a workbook to answer in Excel, and the
 * reading of it back. Question ids are locked, allowed values are dropdowns,
 * and reading is all or nothing with every problem named by row and column.
 */

export const FORMAT = 'scopewise-answers/1';
const COLUMNS = ['Question id', 'Section', 'Question', 'Guidance', 'Allowed answers', 'Answer', 'Comment / justification', 'Controls'] as const;
const ANSWER_COL = COLUMNS.indexOf('Answer') + 1;
const COMMENT_COL = COLUMNS.indexOf('Comment / justification') + 1;
/** Protection against accidental edits of the locked columns, not a secret. */
export const SHEET_PASSWORD = 'scopewise';
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

const NA_WORDS = ['na', 'n/a', 'n.a.', 'n.a', 'not applicable'];
const yesNoLabels: Record<string, string> = { yes: 'Yes', partial: 'Partial', no: 'No', na: 'N/A' };

/** What the answer cell shows for a value. */
function displayValue(q: Question, value: AnswerValue): string | number | Date {
  if (value === null) return '';
  if (q.answerType === 'yes_no') return yesNoLabels[String(value)] ?? String(value);
  const label = (k: string) => q.options.find((o) => o.key === k)?.label ?? k;
  if (q.answerType === 'single_choice') return label(String(value));
  if (q.answerType === 'multiple_choice') return (value as string[]).map(label).join('; ');
  if (q.answerType === 'number') return value as number;
  return String(value);
}

/** The allowed values, as the provider reads them. */
function allowedText(q: Question): string {
  switch (q.answerType) {
    case 'yes_no':
      return q.allowNa ? 'Yes, Partial, No or N/A (N/A needs a justification)' : 'Yes, Partial or No';
    case 'single_choice':
      return `One of: ${q.options.map((o) => o.label).join(' | ')}`;
    case 'multiple_choice':
      return `One or more, separated by ";": ${q.options.map((o) => o.label).join(' | ')}`;
    case 'date':
      return 'A date (YYYY-MM-DD)';
    case 'number':
      return 'A number';
    default:
      return 'Text';
  }
}

export interface AnswerWorkbookInput {
  assessmentId: string;
  title: string;
  buyerName: string;
  dueDate: string;
  content: TemplateContent;
  answers: ReadonlyMap<string, { value: AnswerValue; comment: string | null }>;
}

/** Writes the workbook a provider fills in Excel. */
export async function buildAnswerWorkbook(input: AnswerWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Scopewise';
  const readme = wb.addWorksheet('Read me');
  const sheet = wb.addWorksheet('Answers', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('Lists', { state: 'veryHidden' });
  const meta = wb.addWorksheet('meta', { state: 'veryHidden' });

  readme.columns = [{ width: 110 }];
  [
    `${input.title}`,
    `Questionnaire from ${input.buyerName}, due ${input.dueDate}.`,
    '',
    'How to answer offline:',
    '1. Fill in the "Answer" column of the "Answers" sheet; use the dropdown where there is one. Leave a cell empty to keep the answer you already gave in Scopewise.',
    '2. An answer of N/A needs a justification in "Comment / justification".',
    '3. Multiple choice: write the options separated by ";".',
    '4. Do not change the "Question id" column, rename the sheet, or add rows: the upload checks every row and imports nothing if one is wrong, telling you the row and column.',
    '5. Upload the workbook on the questionnaire page ("Upload filled workbook"). Evidence files are attached in Scopewise itself.',
  ].forEach((line, i) => {
    const row = readme.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });

  meta.addRow(['format', FORMAT]);
  meta.addRow(['assessmentId', input.assessmentId]);

  sheet.columns = [
    { header: COLUMNS[0], key: 'id', width: 22 },
    { header: COLUMNS[1], key: 'section', width: 22 },
    { header: COLUMNS[2], key: 'question', width: 60 },
    { header: COLUMNS[3], key: 'guidance', width: 50 },
    { header: COLUMNS[4], key: 'allowed', width: 34 },
    { header: COLUMNS[5], key: 'answer', width: 28 },
    { header: COLUMNS[6], key: 'comment', width: 44 },
    { header: COLUMNS[7], key: 'controls', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  let listColumn = 0;
  for (const section of input.content.sections) {
    for (const q of section.questions) {
      const current = input.answers.get(q.key);
      const row = sheet.addRow({
        id: q.key,
        section: section.title,
        question: q.condition ? `${q.text}\n(only if "${q.condition.questionKey}" is ${q.condition.anyOf.join(' or ')})` : q.text,
        guidance: q.guidance,
        allowed: allowedText(q),
        answer: current ? displayValue(q, current.value) : null,
        comment: current?.comment ?? null,
        controls: q.controlIds.join(', '),
      });
      row.alignment = { wrapText: true, vertical: 'top' };
      row.getCell(ANSWER_COL).protection = { locked: false };
      row.getCell(COMMENT_COL).protection = { locked: false };
      row.getCell(ANSWER_COL).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
      row.getCell(COMMENT_COL).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
      const choices = q.answerType === 'yes_no' ? (q.allowNa ? ['Yes', 'Partial', 'No', 'N/A'] : ['Yes', 'Partial', 'No']) : q.answerType === 'single_choice' ? q.options.map((o) => o.label) : null;
      if (choices) {
        // Lists live on a hidden sheet: option labels may hold commas, which an inline list cannot.
        listColumn++;
        const col = lists.getColumn(listColumn);
        choices.forEach((c, i) => (lists.getCell(i + 1, listColumn).value = c));
        const letter = col.letter;
        row.getCell(ANSWER_COL).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`Lists!$${letter}$1:$${letter}$${choices.length}`],
          showErrorMessage: true,
          errorTitle: 'Not an allowed answer',
          error: `Choose one of: ${choices.join(', ')}`,
        };
      } else if (q.answerType === 'number') {
        row.getCell(ANSWER_COL).dataValidation = { type: 'decimal', allowBlank: true, operator: 'between', formulae: [-1e15, 1e15], showErrorMessage: true, error: 'Type a number' };
      } else if (q.answerType === 'date') {
        row.getCell(ANSWER_COL).numFmt = 'yyyy-mm-dd';
      }
    }
  }
  await sheet.protect(SHEET_PASSWORD, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface WorkbookProblem {
  row: number;
  column: string;
  message: string;
}

export type ParsedAnswers =
  | { ok: true; rows: { questionKey: string; value: AnswerValue; comment: string | null; row: number }[] }
  | { ok: false; problems: WorkbookProblem[] };

type Cell = ExcelJS.CellValue;

/** Plain text of a cell; formulas are reported, not evaluated. */
function cellText(v: Cell): { text: string; formula: boolean; date?: Date; number?: number } {
  if (v === null || v === undefined) return { text: '', formula: false };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), formula: false, date: v };
  if (typeof v === 'number') return { text: String(v), formula: false, number: v };
  if (typeof v === 'boolean') return { text: v ? 'yes' : 'no', formula: false };
  if (typeof v === 'string') return { text: v.trim(), formula: false };
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return { text: '', formula: true };
  if (typeof v === 'object' && 'richText' in v) return { text: v.richText.map((r) => r.text).join('').trim(), formula: false };
  if (typeof v === 'object' && 'text' in v) return { text: String((v as { text: unknown }).text).trim(), formula: false };
  return { text: String(v).trim(), formula: false };
}

/** The answer cell's value for a question, or why it cannot be one. */
function readValue(q: Question, cell: ReturnType<typeof cellText>): { value: AnswerValue } | { problem: string } {
  const t = cell.text;
  const lower = t.toLowerCase();
  const byLabel = (s: string) => q.options.find((o) => o.label.toLowerCase() === s.toLowerCase() || o.key.toLowerCase() === s.toLowerCase())?.key;
  switch (q.answerType) {
    case 'yes_no': {
      if (NA_WORDS.includes(lower)) return { value: 'na' };
      if (['yes', 'partial', 'no'].includes(lower)) return { value: lower };
      return { problem: `"${t}" is not an answer to this question (${allowedText(q)})` };
    }
    case 'single_choice': {
      const key = byLabel(t);
      return key ? { value: key } : { problem: `"${t}" is not one of the options (${q.options.map((o) => o.label).join(' | ')})` };
    }
    case 'multiple_choice': {
      const parts = t.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
      const keys: string[] = [];
      for (const p of parts) {
        const key = byLabel(p);
        if (!key) return { problem: `"${p}" is not one of the options (${q.options.map((o) => o.label).join(' | ')})` };
        keys.push(key);
      }
      return { value: keys };
    }
    case 'date': {
      if (cell.date) return { value: cell.date.toISOString().slice(0, 10) };
      return /^\d{4}-\d{2}-\d{2}$/.test(t) ? { value: t } : { problem: `"${t}" is not a date (YYYY-MM-DD)` };
    }
    case 'number': {
      const n = cell.number ?? Number(t.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(n) && t !== '' ? { value: n } : { problem: `"${t}" is not a number` };
    }
    default:
      return { value: t };
  }
}

/**
 * Reads a filled workbook back: every row is checked against the
 * questionnaire; one problem anywhere → no rows, every problem listed. Empty
 * answer cells mean "keep what is in Scopewise" and are left out.
 */
export async function parseAnswerWorkbook(buffer: Buffer, content: TemplateContent, { maxRows = 2000 } = {}): Promise<ParsedAnswers> {
  if (buffer.length > MAX_WORKBOOK_BYTES) return { ok: false, problems: [{ row: 0, column: '', message: `The workbook is larger than ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB` }] };
  await assertSafeZip(buffer, { maxUncompressedBytes: 100 * 1024 * 1024, maxRatio: 200, ratioThresholdBytes: 1024 * 1024, maxEntries: 500, maxCellsPerSheet: 200_000, maxRowsPerSheet: 200_000 });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetFormatError('The file is not a readable .xlsx workbook');
  }
  const sheet = wb.getWorksheet('Answers') ?? wb.worksheets.find((ws) => ws.getRow(1).values && (ws.getRow(1).values as Cell[]).some((v) => cellText(v).text === 'Question id'));
  if (!sheet) return { ok: false, problems: [{ row: 0, column: '', message: 'No "Answers" sheet with a "Question id" column: use the workbook downloaded from Scopewise' }] };
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(cellText(cell.value).text.toLowerCase(), col));
  const idCol = header.get('question id');
  const answerCol = header.get('answer');
  const commentCol = header.get('comment / justification');
  const missing = [!idCol && 'Question id', !answerCol && 'Answer'].filter(Boolean);
  if (missing.length) return { ok: false, problems: [{ row: 1, column: '', message: `Missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(' and ')}` }] };
  if (sheet.actualRowCount > maxRows + 1) return { ok: false, problems: [{ row: 0, column: '', message: `The sheet holds ${sheet.actualRowCount - 1} rows; at most ${maxRows} are read` }] };

  const questions = new Map(allQuestions(content).map((q) => [q.key, q]));
  const problems: WorkbookProblem[] = [];
  const rows: { questionKey: string; value: AnswerValue; comment: string | null; row: number }[] = [];
  const seen = new Map<string, number>();
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const id = cellText(row.getCell(idCol!).value);
    const answer = cellText(row.getCell(answerCol!).value);
    const comment = commentCol ? cellText(row.getCell(commentCol).value) : { text: '', formula: false };
    if (!id.text && !answer.text && !answer.formula && !comment.text) return;
    if (id.formula || answer.formula || comment.formula) {
      problems.push({ row: n, column: id.formula ? 'Question id' : answer.formula ? 'Answer' : 'Comment / justification', message: 'holds a formula: type the value itself' });
      return;
    }
    const q = questions.get(id.text);
    if (!q) {
      problems.push({ row: n, column: 'Question id', message: id.text ? `"${id.text}" is not a question of this questionnaire` : 'is empty' });
      return;
    }
    if (seen.has(q.key)) {
      problems.push({ row: n, column: 'Question id', message: `"${q.key}" already appears on row ${seen.get(q.key)}` });
      return;
    }
    seen.set(q.key, n);
    if (!answer.text) return;
    const read = readValue(q, answer);
    if ('problem' in read) {
      problems.push({ row: n, column: 'Answer', message: read.problem });
      return;
    }
    const note = comment.text || null;
    const problem = checkAnswer(q, { value: read.value, comment: note });
    if (problem) {
      problems.push({ row: n, column: problem.field === 'comment' ? 'Comment / justification' : 'Answer', message: problem.field === 'comment' && isNotApplicable(q, read.value) ? 'an N/A answer needs a justification' : problem.message });
      return;
    }
    rows.push({ questionKey: q.key, value: read.value, comment: note, row: n });
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
