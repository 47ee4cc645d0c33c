// SoA import: readSpreadsheetGrid (zip checks + xlsx) then parseSoaGrid, timed
// over a synthetic 150-row workbook and real-shaped workbooks (styles, many
// sheets, formulas, merged cells, cover and revision-history sheets).
// Each reading is checked against what the workbook states before it is timed.
// Target (SPEC): under 300 ms at p95 for every workbook.
// Run: npx tsx bench/soa-import.ts
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { controls } from '../shared/catalog/index';
import { parseSoaGrid } from '../shared/soa/parse';
import { readSpreadsheetGrid } from '../server/soa/read-spreadsheet';
import { realShapedWorkbooks, type RealShaped } from '../test/soa/real-shaped';
import { percentile } from './lib/stats';

const ROWS = 150;
const RUNS = 30;
const WARMUP = 3;
const TARGET_MS = 300;

/**
 * A synthetic messy SoA: title rows, both numberings with one row per
 * 2022/2013 pair, numeric ids Excel shortened, "(New control)" suffixes,
 * theme headings, percentages, notes below the table, padded to 150 rows.
 */
async function synthetic(): Promise<RealShaped> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SoA');
  ws.addRow(['Acme BPO – Statement of Applicability']);
  ws.mergeCells('A1:F1');
  ws.addRow(['Version 1.1', 'Date: 13 May 2024']);
  ws.addRow([]);
  ws.addRow(['Annex A (2022)', 'ISO 27001:2013 ref', 'Control', 'Applicable', 'Status', 'Justification']);
  let theme = '';
  controls.forEach((c, i) => {
    if (!c.id.startsWith(`${theme}.`)) {
      theme = c.id.split('.')[0]!;
      ws.addRow([`${theme} controls`]);
    }
    for (const old of c.iso2013.length ? c.iso2013 : ['New']) {
      const row = ws.addRow([Number(c.id), old, c.newIn2022 ? `${c.title} (New control)` : c.title, i % 9 === 4 ? 'N' : 'Y', i % 9 === 4 ? 'N/A' : (i % 4) / 3, `Reason ${i}; risk R-${i}`]);
      row.getCell(5).numFmt = '0%';
    }
  });
  while (ws.rowCount < ROWS) ws.addRow([`Note ${ws.rowCount}: see the ISMS manual`]);
  return {
    name: `synthetic ${ROWS} rows, one sheet`,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    expected: { version: '1.1', date: '2024-05-13', versionAt: { sheet: 'SoA', cell: 'A2' }, dateAt: { sheet: 'SoA', cell: 'B2' }, numbering: 'both', controlsRead: 93, unusedRows: [] },
  };
}


async function readOnce(file: RealShaped) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { sheetName, grid, otherSheets } = await readSpreadsheetGrid(file.buffer, 'xlsx');
  const t1 = performance.now();
  const result = parseSoaGrid(grid, { sheetName, otherSheets });
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  return { result, read: t1 - t0, parse: t2 - t1, cpu: (cpu.user + cpu.system) / 1000 };
}

/** What the reading got wrong against the workbook's own facts (empty: right). */
function check(file: RealShaped, result: Awaited<ReturnType<typeof readOnce>>['result']): string[] {
  const e = file.expected;
  const wrong: string[] = [];
  const read = result.rows.filter((r) => r.source.method !== 'missing').length;
  if (result.version !== e.version) wrong.push(`version ${result.version} (expected ${e.version})`);
  if (result.date !== e.date) wrong.push(`date ${result.date} (expected ${e.date})`);
  if (result.numbering !== e.numbering) wrong.push(`numbering ${result.numbering} (expected ${e.numbering})`);
  if (read !== e.controlsRead) wrong.push(`${read} controls read (expected ${e.controlsRead})`);
  const unused = new Map(result.report.ignoredRows.map((r) => [r.row, r.reason]));
  for (const u of e.unusedRows) if (!u.reason.test(unused.get(u.row) ?? '')) wrong.push(`row ${u.row} not reported as unused`);
  return wrong;
}

async function main() {
  const files = [await synthetic(), ...(await realShapedWorkbooks())];
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  let allMet = true;
  let allRight = true;
  console.log(`SoA import, ${RUNS} runs after ${WARMUP} warm-up runs; median / p95 in ms`);
  console.log(`${'workbook'.padEnd(62)} ${'KiB'.padStart(6)}     read            parse           read + parse     CPU (median; wall times include waiting for a shared CPU)`);
  for (const file of files) {
    const read: number[] = [];
    const parse: number[] = [];
    const total: number[] = [];
    const cpu: number[] = [];
    let wrong: string[] = [];
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const once = await readOnce(file);
      if (run === 0) wrong = check(file, once.result);
      if (run < WARMUP) continue;
      read.push(once.read);
      parse.push(once.parse);
      total.push(once.read + once.parse);
      cpu.push(once.cpu);
    }
    for (const list of [read, parse, total, cpu]) list.sort((a, b) => a - b);
    const met = percentile(total, 95) < TARGET_MS;
    allMet &&= met;
    allRight &&= wrong.length === 0;
    console.log(
      `${file.name.padEnd(62)} ${(file.buffer.length / 1024).toFixed(1).padStart(6)} ${fmt(percentile(read, 50))} ${fmt(percentile(read, 95))} ${fmt(percentile(parse, 50))} ${fmt(percentile(parse, 95))} ${fmt(percentile(total, 50))} ${fmt(percentile(total, 95))} ${fmt(percentile(cpu, 50))}  ${met ? 'met' : 'NOT met'}`,
    );
    if (wrong.length) console.log(`  WRONG READING: ${wrong.join('; ')}`);
  }
  console.log(`target < ${TARGET_MS} ms p95 for every workbook: ${allMet ? 'met' : 'NOT met'}; readings ${allRight ? 'all right' : 'WRONG (see above)'}`);
  if (!allRight) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
