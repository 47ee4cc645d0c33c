import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { controlsFor2013 } from '../../shared/catalog';
import {
  answerTypes,
  choiceOption,
  controlId,
  evidencePolicies,
  question as questionSchema,
  section as sectionSchema,
  templateContent,
  yesNoValues,
  type TemplateContent,
  type TemplateContentInput,
} from '../../shared/schemas/template';
import { AppError } from '../errors';
import { assertSafeZip } from '../xlsx/zip-guard';

/** One thing wrong in an uploaded workbook. `row` is 1-based; row 0 and an empty column mean the whole sheet or file. */
export interface TemplateImportProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export type TemplateImportResult = { ok: true; content: TemplateContent } | { ok: false; problems: TemplateImportProblem[] };

export interface TemplateImportOptions {
  /** Most question rows accepted (default 2000). */
  maxRows?: number;
}

export const QUESTIONS_SHEET = 'Questions';
export const TEMPLATE_SHEET = 'Template';
export const README_SHEET = 'Read me';
export const DEFAULT_MAX_ROWS = 2000;
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
/** Beyond this many problems the list ends with a count: nobody reads 20 000 lines. */
const MAX_PROBLEMS = 200;

type Field =
  | 'sectionKey'
  | 'sectionTitle'
  | 'sectionDescription'
  | 'key'
  | 'text'
  | 'guidance'
  | 'answerType'
  | 'options'
  | 'controlIds'
  | 'weight'
  | 'evidence'
  | 'allowNa'
  | 'conditionQuestion'
  | 'conditionValues';

interface ColumnSpec {
  field: Field;
  header: string;
  /** Other spellings accepted on import (compared without case, spaces or punctuation). */
  aliases: string[];
  required: boolean;
  width: number;
  wrap: boolean;
  allowed: string;
  meaning: string;
}

/** The Questions sheet, in export order. Import finds the columns by header name, in any order. */
export const questionColumns: readonly ColumnSpec[] = [
  { field: 'sectionKey', header: 'Section key', aliases: ['section'], required: true, width: 18, wrap: false, allowed: 'letters, digits, ".", "_", "-"; at most 40', meaning: 'Groups questions into sections. Rows of one section must be consecutive.' },
  { field: 'sectionTitle', header: 'Section title', aliases: [], required: true, width: 28, wrap: true, allowed: 'text, at most 200', meaning: 'Read from the first row of the section that has one; later rows may repeat it or stay blank.' },
  { field: 'sectionDescription', header: 'Section description', aliases: [], required: false, width: 30, wrap: true, allowed: 'text, at most 2000', meaning: 'Optional; like the title, read from the section\'s first row that has one.' },
  { field: 'key', header: 'Question key', aliases: ['key', 'question id', 'id'], required: true, width: 26, wrap: false, allowed: 'letters, digits, ".", "_", "-"; at most 40; unique in the template', meaning: 'Stable identifier of the question; conditions refer to it.' },
  { field: 'text', header: 'Question', aliases: ['question text', 'text'], required: true, width: 60, wrap: true, allowed: 'text, at most 2000', meaning: 'What the provider is asked.' },
  { field: 'guidance', header: 'Guidance', aliases: [], required: false, width: 60, wrap: true, allowed: 'text, at most 4000', meaning: 'What a good answer contains and which evidence satisfies it.' },
  { field: 'answerType', header: 'Answer type', aliases: ['type'], required: true, width: 16, wrap: false, allowed: answerTypes.join(', '), meaning: 'yes_no is answered yes, partial, no (or n.a.); choices need Options; text, date and number are not scored.' },
  { field: 'options', header: 'Options', aliases: ['choices'], required: false, width: 40, wrap: true, allowed: 'one per line: key=label=credit; credit 0 to 1, or na', meaning: 'Only for single_choice and multiple_choice (at least two). Credit "na" marks a "not applicable" option.' },
  { field: 'controlIds', header: 'Control ids', aliases: ['controls', 'control id', 'iso 27002 controls'], required: false, width: 16, wrap: false, allowed: 'ISO/IEC 27002:2022 ids 5.1 … 8.34, separated by ";"', meaning: 'The controls the answer evidences. "A.5.15" is read as 5.15.' },
  { field: 'weight', header: 'Weight', aliases: [], required: false, width: 9, wrap: false, allowed: 'number 0 to 10; blank = 1', meaning: 'Weight of the question in its controls\' scores; 0 = not scored.' },
  { field: 'evidence', header: 'Evidence', aliases: ['evidence policy'], required: false, width: 12, wrap: false, allowed: `${evidencePolicies.join(', ')}; blank = none`, meaning: 'Whether an answer must attach evidence (yes_no and choice questions only).' },
  { field: 'allowNa', header: 'Allow n.a.', aliases: ['allow na', 'not applicable allowed'], required: false, width: 11, wrap: false, allowed: 'yes, no; blank = yes', meaning: 'Whether "not applicable" may be answered (it needs a justification).' },
  { field: 'conditionQuestion', header: 'Condition question', aliases: ['show if question', 'condition'], required: false, width: 24, wrap: false, allowed: 'the key of an earlier yes_no or choice question', meaning: 'Show this question only when that question\'s answer is one of the Condition values.' },
  { field: 'conditionValues', header: 'Condition values', aliases: ['show if values'], required: false, width: 18, wrap: false, allowed: 'yes, partial, no, na, or option keys, separated by ";"', meaning: 'Needed exactly when Condition question is filled.' },
];

const templateColumns = [
  { field: 'name', header: 'Name', width: 40 },
  { field: 'description', header: 'Description', width: 100 },
] as const;

const columnOf = new Map(questionColumns.map((c) => [c.field, c]));

function header(field: Field): string {
  return columnOf.get(field)?.header ?? field;
}

function normalizeHeader(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------- export

function optionsCell(options: TemplateContent['sections'][number]['questions'][number]['options']): string {
  // A label is one line; a line break inside it would split the option on import.
  return options.map((o) => `${o.key}=${o.label.replace(/\s*\n\s*/g, ' ')}=${o.credit === null ? 'na' : String(o.credit)}`).join('\n');
}

/**
 * exceljs supports range data validations (one rule, no cells created) but
 * its typings only declare the per-cell form.
 */
function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/**
 * Writes a template as an xlsx workbook: a "Questions" sheet (one row per
 * question, the columns of `questionColumns`), a "Template" sheet (name and
 * description) and a "Read me" sheet explaining the columns. Importing the
 * result gives back the same content.
 */
export async function exportTemplateWorkbook(content: TemplateContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Scopewise';

  const qs = wb.addWorksheet(QUESTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  qs.columns = questionColumns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  for (const section of content.sections) {
    section.questions.forEach((q, i) => {
      const row: Record<Field, string | number> = {
        sectionKey: section.key,
        sectionTitle: section.title,
        sectionDescription: i === 0 ? section.description : '',
        key: q.key,
        text: q.text,
        guidance: q.guidance,
        answerType: q.answerType,
        options: optionsCell(q.options),
        controlIds: q.controlIds.join('; '),
        weight: q.weight,
        evidence: q.evidence,
        allowNa: q.allowNa ? 'yes' : 'no',
        conditionQuestion: q.condition?.questionKey ?? '',
        conditionValues: q.condition?.anyOf.join('; ') ?? '',
      };
      qs.addRow(row);
    });
  }
  questionColumns.forEach((c, i) => {
    qs.getColumn(i + 1).alignment = { vertical: 'top', wrapText: c.wrap };
  });
  const head = qs.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: false };
  qs.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: questionColumns.length } };

  // Dropdowns reach well past the last row so that added questions get them too.
  const lastRow = Math.max(qs.rowCount + 200, 500);
  const dropdown = (field: Field, values: readonly string[]) => {
    const letter = qs.getColumn(questionColumns.findIndex((c) => c.field === field) + 1).letter;
    rangeValidations(qs).add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: header(field),
      error: `Choose one of: ${values.join(', ')}`,
    });
  };
  dropdown('answerType', answerTypes);
  dropdown('evidence', evidencePolicies);
  dropdown('allowNa', ['yes', 'no']);

  const ts = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ts.columns = templateColumns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ts.addRow({ name: content.name, description: content.description });
  ts.getRow(1).font = { bold: true };
  ts.getColumn(2).alignment = { vertical: 'top', wrapText: true };

  const rm = wb.addWorksheet(README_SHEET);
  rm.columns = [
    { header: 'Column', key: 'column', width: 22 },
    { header: 'Required', key: 'required', width: 10 },
    { header: 'Allowed values', key: 'allowed', width: 48 },
    { header: 'Meaning', key: 'meaning', width: 80 },
  ];
  rm.getRow(1).font = { bold: true };
  for (const c of questionColumns) rm.addRow({ column: c.header, required: c.required ? 'yes' : 'no', allowed: c.allowed, meaning: c.meaning });
  rm.addRow({});
  const notes = [
    'One row per question on the "Questions" sheet; blank rows are ignored. Columns may be in any order and extra columns are ignored.',
    'The "Template" sheet holds the template name (required) and description under the headers Name and Description, on the row below them.',
    'Answer type, Evidence and Allow n.a. are read without regard to case ("Yes_No" = "yes_no").',
    'Options example: "quarterly=Quarterly or more often=1", next line "annual=Once a year=0.5", next line "none=No reviews=0".',
    'Condition example: Condition question "org-cloud-use", Condition values "yes; partial".',
    `Limits: file at most 10 MB, at most ${DEFAULT_MAX_ROWS} question rows. An import is all or nothing: every problem is listed with its sheet, row and column.`,
  ];
  for (const n of notes) rm.addRow({ column: n });
  for (let r = rm.rowCount - notes.length + 1; r <= rm.rowCount; r++) rm.mergeCells(r, 1, r, 4);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- import

type Cell = ExcelJS.CellValue;

/** A cell as trimmed text, whatever Excel stored: number, rich text, hyperlink, formula result, date. */
function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if ('hyperlink' in v) return String(v.text ?? '').trim();
  if ('formula' in v || 'sharedFormula' in v) return cellText((v.result ?? null) as Cell);
  return '';
}

class Problems {
  readonly list: TemplateImportProblem[] = [];
  private readonly cells = new Set<string>();

  add(sheet: string, row: number, column: string, message: string) {
    this.cells.add(`${sheet}\u0000${row}\u0000${column}`);
    this.list.push({ sheet, row, column, message });
  }

  /** A cell already reported while reading is not reported again by the schema (it was given a neutral value). */
  addOnce(sheet: string, row: number, column: string, message: string) {
    if (!this.cells.has(`${sheet}\u0000${row}\u0000${column}`)) this.add(sheet, row, column, message);
  }

  sorted(): TemplateImportProblem[] {
    const sheetOrder = (s: string) => [''].concat(TEMPLATE_SHEET, QUESTIONS_SHEET).indexOf(s);
    const colOrder = (c: string) => questionColumns.findIndex((q) => q.header === c);
    const all = [...this.list].sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row || colOrder(a.column) - colOrder(b.column));
    if (all.length <= MAX_PROBLEMS) return all;
    return [...all.slice(0, MAX_PROBLEMS), { sheet: '', row: 0, column: '', message: `${all.length - MAX_PROBLEMS} more problems are not listed; fix these and import again` }];
  }
}

function fileProblem(message: string): TemplateImportResult {
  return { ok: false, problems: [{ sheet: '', row: 0, column: '', message }] };
}

/** Finds the header row (within the first rows, to allow a title above it) and maps each known column to its number. */
function findHeader(ws: ExcelJS.Worksheet, required: readonly string[], known: Map<string, string>): { row: number; columns: Map<string, number>; duplicates: string[] } | undefined {
  const last = Math.min(ws.rowCount, 10);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<string, number>();
    const duplicates: string[] = [];
    ws.getRow(r).eachCell((cell, col) => {
      const name = known.get(normalizeHeader(cellText(cell.value)));
      if (!name) return;
      if (columns.has(name)) duplicates.push(name);
      else columns.set(name, col);
    });
    if (required.some((h) => columns.has(h))) return { row: r, columns, duplicates };
  }
  return undefined;
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name.trim().toLowerCase() === name.toLowerCase());
}

function splitList(s: string, separators: RegExp): string[] {
  return s
    .split(separators)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

const controlIdSeparators = /[;,\s]+/;
const valueSeparators = /[;,\n\r]+/;

/** "A.5.15" (ISO/IEC 27001:2022 Annex A spelling) → "5.15"; anything else as written. */
function normalizeControlId(id: string): string {
  const m = /^A\.?\s*(\d{1,2}\.\d{1,2})$/i.exec(id);
  return m?.[1] ?? id;
}

function normalizeAnswerType(s: string): string {
  return s.toLowerCase().replace(/[\s\-/]+/g, '_');
}

function parseBoolean(s: string): boolean | undefined {
  const v = s.toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(v)) return true;
  if (['no', 'n', 'false', '0'].includes(v)) return false;
  return undefined;
}

type OptionInput = { key: string; label: string; credit: number | null };

function parseOptions(cell: string, report: (message: string) => void): OptionInput[] {
  const out: OptionInput[] = [];
  cell.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const first = line.indexOf('=');
    const last = line.lastIndexOf('=');
    if (first < 0 || first === last) {
      report(`line ${i + 1} "${line}" must read key=label=credit`);
      return;
    }
    const key = line.slice(0, first).trim();
    const label = line.slice(first + 1, last).trim();
    const creditText = line.slice(last + 1).trim().toLowerCase();
    let credit: number | null;
    if (['na', 'n.a.', 'n/a', 'null'].includes(creditText)) credit = null;
    else {
      credit = creditText === '' ? Number.NaN : Number(creditText);
      if (!Number.isFinite(credit) || credit < 0 || credit > 1) {
        report(`line ${i + 1}: the credit of option "${key}" must be a number from 0 to 1, or na`);
        return;
      }
    }
    out.push({ key, label, credit });
  });
  return out;
}

interface SectionDraft {
  key: string;
  title: string;
  description: string;
  firstRow: number;
  lastRow: number;
  titleRow: number;
  descriptionRow: number;
  questions: Record<string, unknown>[];
  rows: number[];
}

/**
 * Reads a template from an xlsx workbook laid out as `exportTemplateWorkbook`
 * writes it. All or nothing: either the whole template is valid, or every
 * problem is returned with its sheet, 1-based row and column header. The
 * file is checked before parsing (size, rows, zip bomb) and the content goes
 * through the `templateContent` schema, whose issues are mapped back to cells.
 */
export async function importTemplateWorkbook(buffer: Buffer, opts: TemplateImportOptions = {}): Promise<TemplateImportResult> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  if (buffer.length > MAX_TEMPLATE_BYTES) return fileProblem(`The file is ${(buffer.length / 1024 / 1024).toFixed(1)} MB; templates up to ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB are accepted`);
  try {
    await assertSafeZip(buffer);
  } catch (err) {
    // A refused archive (zip bomb, corrupt, not a workbook) is a problem with the file as a whole.
    if (err instanceof AppError) return fileProblem(err.message);
    throw err;
  }

  const wb = new ExcelJS.Workbook();
  try {
    // maxRows/maxCols stop exceljs while reading; the ignored nodes hold cell ranges it would expand cell by cell.
    // Room for blank or formatted rows, which the sheet also stores; the exact question count is checked below.
    const readOptions = { maxRows: 2 * maxRows + 100, maxCols: 200, ignoreNodes: ['dataValidations', 'mergeCells', 'hyperlinks', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'tableParts'] };
    // exceljs types its input as its own ArrayBuffer-like Buffer; it hands the bytes to JSZip, which takes a Node Buffer.
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer, readOptions);
  } catch (err) {
    // exceljs reports its own row limit only through this message.
    if (err instanceof Error && /^Max row count/.test(err.message)) return fileProblem(`A sheet has more than ${maxRows} rows; the limit is ${maxRows} questions.`);
    return fileProblem('The file could not be read as an .xlsx workbook; open it in your spreadsheet program, save it as .xlsx and try again.');
  }

  const problems = new Problems();
  const questions = readQuestionsSheet(wb, maxRows, problems);
  if ('fileProblem' in questions) return fileProblem(questions.fileProblem);
  if (problems.list.length && !questions.sections.length) return { ok: false, problems: problems.sorted() };
  const { sections, sheet, headerRow } = questions;
  const template = readTemplateSheet(wb, problems);

  const build = () =>
    ({
      name: template.name,
      description: template.description,
      sections: sections.map((s) => ({ key: s.key, title: s.title, description: s.description, questions: s.questions })),
    }) as TemplateContentInput;
  const report = (issues: z.core.$ZodIssue[]) => {
    for (const issue of issues) {
      const where = locateIssue(issue, sections, sheet, headerRow, template.sheet, template.row);
      problems.addOnce(where.sheet, where.row, where.column, where.message);
    }
  };
  const first = templateContent.safeParse(build());
  if (first.success && !problems.list.length) return { ok: true, content: first.data };
  if (!first.success) report(first.error.issues);
  // The template-wide checks (unique keys, options per type, conditions) only run once every field is valid;
  // run them again over neutral stand-ins for the bad fields so that one import reports everything.
  if (!valid(templateContent.shape.name, template.name)) template.name = PLACEHOLDER;
  if (!valid(templateContent.shape.description, template.description)) template.description = '';
  neutralizeSections(sections);
  const second = templateContent.safeParse(build());
  if (!second.success) report(second.error.issues);
  return { ok: false, problems: problems.sorted() };
}

/**
 * Reads the question rows into sections, reporting what the cells alone
 * show is wrong; the schema checks the rest. A problem that makes the sheet
 * unreadable as a whole comes back as `fileProblem`.
 */
function readQuestionsSheet(
  wb: ExcelJS.Workbook,
  maxRows: number,
  problems: Problems,
): { fileProblem: string } | { sections: SectionDraft[]; sheet: string; headerRow: number } {
  const known = new Map<string, string>();
  for (const c of questionColumns) for (const n of [c.header, ...c.aliases]) known.set(normalizeHeader(n), c.header);
  const requiredHeaders = questionColumns.filter((c) => c.required).map((c) => c.header);

  const qs = findSheet(wb, QUESTIONS_SHEET) ?? wb.worksheets.find((ws) => findHeader(ws, [header('key')], known));
  if (!qs) return { fileProblem: `The workbook has no "${QUESTIONS_SHEET}" sheet with a "${header('key')}" column.` };
  const sheet = qs.name;
  const head = findHeader(qs, requiredHeaders, known);
  if (!head) return { fileProblem: `The "${sheet}" sheet has no header row; its first row must name the columns (${requiredHeaders.join(', ')}, …).` };
  for (const h of requiredHeaders) if (!head.columns.has(h)) problems.add(sheet, head.row, h, 'this required column is missing');
  for (const h of head.duplicates) problems.add(sheet, head.row, h, 'this column appears twice');
  if (problems.list.length) return { sections: [], sheet, headerRow: head.row };

  const read = (row: ExcelJS.Row, field: Field): string => {
    const col = head.columns.get(header(field));
    return col ? cellText(row.getCell(col).value) : '';
  };

  const sections: SectionDraft[] = [];
  let dataRows = 0;
  for (let r = head.row + 1; r <= qs.rowCount; r++) {
    const row = qs.getRow(r);
    const cells = new Map(questionColumns.map((c) => [c.field, read(row, c.field)]));
    if ([...cells.values()].every((v) => v === '')) continue;
    dataRows++;
    if (dataRows > maxRows) return { fileProblem: `The "${sheet}" sheet has more than ${maxRows} question rows; the limit is ${maxRows}.` };
    const at = (field: Field) => cells.get(field) ?? '';
    const report = (field: Field, message: string) => problems.add(sheet, r, header(field), message);

    const sectionKey = at('sectionKey');
    let section = sections.at(-1);
    if (!section || section.key !== sectionKey) {
      const earlier = sections.find((s) => s.key === sectionKey);
      if (earlier) {
        // Reported and left out: merging would silently reorder questions, and conditions depend on order.
        report('sectionKey', `section "${sectionKey}" already ended on row ${earlier.lastRow}; keep the rows of a section together`);
        continue;
      }
      section = { key: sectionKey, title: '', description: '', firstRow: r, lastRow: r, titleRow: r, descriptionRow: r, questions: [], rows: [] };
      sections.push(section);
    }
    section.lastRow = r;
    for (const [field, prop, rowProp] of [
      ['sectionTitle', 'title', 'titleRow'],
      ['sectionDescription', 'description', 'descriptionRow'],
    ] as const) {
      const v = at(field);
      if (!v) continue;
      if (!section[prop]) {
        section[prop] = v;
        section[rowProp] = r;
      } else if (v !== section[prop]) {
        report(field, `differs from the ${header(field).toLowerCase()} on row ${section[rowProp]} of the same section`);
      }
    }
    section.questions.push(readQuestion(at, report));
    section.rows.push(r);
  }
  if (dataRows === 0) problems.add(sheet, head.row + 1, header('key'), 'the sheet has no questions');
  alignConditionValues(sections);
  return { sections, sheet, headerRow: head.row };
}

/** One question row as schema input; cells that cannot even be converted are reported and left at their defaults. */
function readQuestion(at: (field: Field) => string, report: (field: Field, message: string) => void): Record<string, unknown> {
  const question: Record<string, unknown> = {
    key: at('key'),
    text: at('text'),
    guidance: at('guidance'),
    answerType: normalizeAnswerType(at('answerType')),
    options: parseOptions(at('options'), (m) => report('options', m)),
    controlIds: [...new Set(splitList(at('controlIds'), controlIdSeparators).map(normalizeControlId))],
    condition: null,
  };
  const weight = at('weight');
  if (weight !== '') {
    const n = Number(weight);
    if (!Number.isFinite(n) || !valid(questionSchema.shape.weight, n)) report('weight', `"${weight}" must be a number from 0 to 10`);
    else question.weight = n;
  }
  const evidence = at('evidence');
  if (evidence !== '') question.evidence = evidence.toLowerCase();
  const allowNa = at('allowNa');
  if (allowNa !== '') {
    const b = parseBoolean(allowNa);
    if (b === undefined) report('allowNa', `"${allowNa}" must be yes or no`);
    else question.allowNa = b;
  }
  const conditionQuestion = at('conditionQuestion');
  const conditionValues = splitList(at('conditionValues'), valueSeparators);
  if (conditionQuestion && !conditionValues.length) report('conditionValues', `is required when ${header('conditionQuestion')} is filled`);
  else if (!conditionQuestion && conditionValues.length) report('conditionQuestion', `is required when ${header('conditionValues')} is filled`);
  else if (conditionQuestion) question.condition = { questionKey: conditionQuestion, anyOf: conditionValues };
  return question;
}

/** The Template sheet: headers Name and Description, their values on the row below. */
function readTemplateSheet(wb: ExcelJS.Workbook, problems: Problems): { name: string; description: string; sheet: string; row: number } {
  const ts = findSheet(wb, TEMPLATE_SHEET);
  if (!ts) {
    problems.add(TEMPLATE_SHEET, 0, '', `the workbook has no "${TEMPLATE_SHEET}" sheet; it holds the template name and description`);
    // A stand-in name: the missing sheet is the one problem to report about it.
    return { name: PLACEHOLDER, description: '', sheet: TEMPLATE_SHEET, row: 0 };
  }
  const th = findHeader(ts, ['Name'], new Map(templateColumns.map((c) => [normalizeHeader(c.header), c.header])));
  const nameColumn = th?.columns.get('Name');
  if (!th || !nameColumn) {
    problems.add(ts.name, 1, 'Name', 'this required column is missing');
    return { name: PLACEHOLDER, description: '', sheet: ts.name, row: 1 };
  }
  const row = th.row + 1;
  const values = ts.getRow(row);
  const descriptionColumn = th.columns.get('Description');
  return {
    name: cellText(values.getCell(nameColumn).value),
    description: descriptionColumn ? cellText(values.getCell(descriptionColumn).value) : '',
    sheet: ts.name,
    row,
  };
}

const PLACEHOLDER = 'x';

function valid(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

/** Replaces each value its own field schema rejects with a valid stand-in, keeping everything else as read. */
function neutralizeSections(sections: SectionDraft[]) {
  for (const s of sections) {
    if (!valid(sectionSchema.shape.key, s.key)) s.key = `section-row-${s.firstRow}`;
    if (!valid(sectionSchema.shape.title, s.title)) s.title = PLACEHOLDER;
    if (!valid(sectionSchema.shape.description, s.description)) s.description = '';
    s.questions.forEach((q, i) => {
      const fields = questionSchema.shape;
      if (!valid(fields.key, q.key)) q.key = `row-${s.rows[i]}`;
      if (!valid(fields.text, q.text)) q.text = PLACEHOLDER;
      if (!valid(fields.guidance, q.guidance)) q.guidance = '';
      const options = (q.options as OptionInput[]).map((o, oi) => ({
        key: valid(choiceOption.shape.key, o.key) ? o.key : `option-${oi + 1}`,
        label: valid(choiceOption.shape.label, o.label) ? o.label : PLACEHOLDER,
        credit: valid(choiceOption.shape.credit, o.credit) ? o.credit : null,
      }));
      q.options = valid(fields.options, options) ? options : [];
      // An unknown type becomes the closest scored type, so its options and conditions on it are still checked.
      if (!valid(fields.answerType, q.answerType)) q.answerType = options.length ? 'single_choice' : 'yes_no';
      const ids = (q.controlIds as string[]).filter((id) => valid(controlId, id));
      q.controlIds = valid(fields.controlIds, ids) ? ids : [];
      for (const f of ['weight', 'evidence', 'allowNa'] as const) if (!valid(fields[f], q[f])) delete q[f];
      if (!valid(fields.condition, q.condition)) q.condition = null;
    });
    if (!valid(sectionSchema.shape.questions, s.questions)) s.questions.splice(300);
  }
  sections.splice(50);
}

/** Condition values are matched without case: "Yes" → "yes", "n.a." → "na", "QUARTERLY" → the option key "quarterly". */
function alignConditionValues(sections: SectionDraft[]) {
  const earlier = new Map<string, Record<string, unknown>>();
  for (const s of sections) {
    for (const q of s.questions) {
      const c = q.condition as { questionKey: string; anyOf: string[] } | null;
      const target = c ? earlier.get(c.questionKey) : undefined;
      if (c && target) {
        const options = (target.options as OptionInput[]).map((o) => o.key);
        const allowed: string[] = target.answerType === 'yes_no' ? [...yesNoValues] : options;
        c.anyOf = c.anyOf.map((v) => {
          const lower = v.toLowerCase();
          const spelled = ['n.a.', 'n/a'].includes(lower) ? 'na' : lower;
          return allowed.find((a) => a.toLowerCase() === spelled) ?? v;
        });
      }
      if (typeof q.key === 'string') earlier.set(q.key, q);
    }
  }
}

const fieldOfProperty: Record<string, Field> = {
  key: 'key',
  text: 'text',
  guidance: 'guidance',
  answerType: 'answerType',
  options: 'options',
  controlIds: 'controlIds',
  weight: 'weight',
  evidence: 'evidence',
  allowNa: 'allowNa',
};

/** Maps one schema issue (a path into the content) back to the sheet, row and column it came from. */
function locateIssue(
  issue: z.core.$ZodIssue,
  sections: SectionDraft[],
  sheet: string,
  headerRow: number,
  templateSheet: string,
  templateRow: number,
): TemplateImportProblem {
  const [top, si, second, qi, prop, ...rest] = issue.path;
  const message = issue.message;
  if (top === 'name' || top === 'description') {
    return { sheet: templateSheet, row: templateRow, column: top === 'name' ? 'Name' : 'Description', message };
  }
  const section = typeof si === 'number' ? sections[si] : undefined;
  if (top !== 'sections' || !section) {
    const limit = issue.code === 'too_big' ? `a template holds at most ${String(issue.maximum)} sections` : message;
    return { sheet, row: headerRow, column: header('sectionKey'), message: limit };
  }
  if (second === 'key') return { sheet, row: section.firstRow, column: header('sectionKey'), message };
  if (second === 'title') return { sheet, row: section.titleRow, column: header('sectionTitle'), message };
  if (second === 'description') return { sheet, row: section.descriptionRow, column: header('sectionDescription'), message };
  const row = typeof qi === 'number' ? section.rows[qi] : undefined;
  if (second !== 'questions' || row === undefined) {
    const limit = issue.code === 'too_big' ? `a section holds at most ${String(issue.maximum)} questions` : message;
    return { sheet, row: section.firstRow, column: header('sectionKey'), message: limit };
  }
  const question = section.questions[qi as number] ?? {};
  if (prop === 'condition') {
    const column = rest[0] === 'anyOf' ? header('conditionValues') : header('conditionQuestion');
    return { sheet, row, column, message };
  }
  if (prop === 'controlIds' && typeof rest[0] === 'number') {
    const id = String((question.controlIds as string[])[rest[0]]);
    const as2013 = controlsFor2013(id);
    const hint = as2013.length ? `; it looks like an ISO/IEC 27002:2013 id, whose 2022 equivalent is ${as2013.join(', ')}` : '';
    return { sheet, row, column: header('controlIds'), message: `${id} ${message}${hint}` };
  }
  if (prop === 'options' && typeof rest[0] === 'number') {
    const option = (question.options as OptionInput[])[rest[0]];
    const field = typeof rest[1] === 'string' ? `${rest[1]} ` : '';
    return { sheet, row, column: header('options'), message: `option ${rest[0] + 1} ("${option?.key ?? ''}"): ${field}${message}` };
  }
  const field = typeof prop === 'string' ? fieldOfProperty[prop] : undefined;
  return { sheet, row, column: field ? header(field) : header('key'), message };
}
