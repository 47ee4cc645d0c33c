import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { templateContent } from '../../shared/schemas/template';
import { buildAnswerWorkbook, parseAnswerWorkbook } from '../../server/assessments/offline-workbook';
import { readSpreadsheetGrid } from '../../server/soa/read-spreadsheet';
import { exportTemplateWorkbook, importTemplateWorkbook } from '../../server/templates/xlsx';
import { UnsafeSpreadsheetError } from '../../server/xlsx/errors';
import { closeParseWorkers, parseOffThread, parseWorkerStats, runOnWorker } from '../../server/xlsx/off-thread';
import { hostileSheetXml, workbookWithSheet } from '../helpers/hostile-workbook';
import { smallTemplate } from '../helpers/template-fixture';

// Issue 14: a workbook near the cell cap still takes about a second of synchronous parsing, during which
// the server answered nobody. Big files are read on worker threads; the answers must not change.

const content = templateContent.parse(smallTemplate);
const soa = fs.readFileSync(path.join(__dirname, '../soa/fixtures/clean-2022.xlsx'));

afterAll(() => closeParseWorkers());

/** The SoA fixture with a notes sheet that makes it unpack well beyond the inline size. */
async function bigSoa(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(soa as unknown as ArrayBuffer);
  const notes = wb.addWorksheet('Notes');
  for (let r = 1; r <= 4000; r += 1) notes.addRow([`Note ${r}`, `Reviewed by the ISMS committee, item ${r}`, r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('parseOffThread', () => {
  test('when a workbook unpacks beyond the inline size, then it is read on a worker thread with the same result as inline', async () => {
    const buffer = await bigSoa();
    const before = parseWorkerStats();
    const onWorker = await parseOffThread('soaGrid', [buffer, 'xlsx', {}], 'xlsx');
    expect(parseWorkerStats()).toMatchObject({ onWorker: before.onWorker + 1, inline: before.inline });
    expect(onWorker).toEqual(await readSpreadsheetGrid(buffer, 'xlsx'));
    expect(onWorker.otherSheets.map((s) => s.name)).toContain('Notes');
  });

  test('when a workbook is small, then it is read inline', async () => {
    const before = parseWorkerStats();
    const inline = await parseOffThread('soaGrid', [soa, 'xlsx', {}], 'xlsx');
    expect(parseWorkerStats()).toMatchObject({ onWorker: before.onWorker, inline: before.inline + 1 });
    expect(inline.sheetName).toBe((await readSpreadsheetGrid(soa, 'xlsx')).sheetName);
  });

  test('when a cell read on a worker holds a date, then it arrives as a Date of this realm', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('SoA').addRow([new Date(Date.UTC(2025, 2, 12)), '5.1']);
    const { grid } = await runOnWorker('soaGrid', [Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx']);
    expect(grid[0]![0]).toBeInstanceOf(Date);
    expect((grid[0]![0] as Date).toISOString()).toBe('2025-03-12T00:00:00.000Z');
  });

  test('when a template or an offline-answer workbook is read on a worker, then the result equals the inline one', async () => {
    const template = await exportTemplateWorkbook(content);
    expect(await runOnWorker('templateWorkbook', [template])).toEqual(await importTemplateWorkbook(template));
    const answers = await buildAnswerWorkbook({ assessmentId: 'a1', title: 'Q', buyerName: 'Bank', dueDate: '2027-01-01', content, answers: new Map() });
    expect(await runOnWorker('answerWorkbook', [answers, content])).toEqual(await parseAnswerWorkbook(answers, content));
  });

  test('when the worker refuses a file, then the error is the same class, limit and message as inline', async () => {
    const bomb = await workbookWithSheet(hostileSheetXml('tab', 300_001));
    const err = await runOnWorker('soaGrid', [bomb, 'xlsx']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsafeSpreadsheetError);
    expect(err).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 'cells', message: 'The worksheet xl/worksheets/sheet1.xml holds more than 300000 cells, the limit for one sheet' });
    const named = await runOnWorker('soaGrid', [soa, 'xlsx', { sheetName: 'Nope' }]).catch((e: unknown) => e);
    expect(named).toMatchObject({ name: 'SpreadsheetFormatError', code: 'VALIDATION_FAILED', details: { fields: [{ path: 'sheetName' }] } });
  });

  test('when many big readings arrive at once, then they wait for at most two workers and all are answered', async () => {
    const buffer = await bigSoa();
    const results = await Promise.all(Array.from({ length: 5 }, () => runOnWorker('soaGrid', [buffer, 'xlsx'])));
    expect(new Set(results.map((r) => r.grid.length)).size).toBe(1);
    expect(parseWorkerStats().alive).toBeLessThanOrEqual(2);
  });
});
