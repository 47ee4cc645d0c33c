import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { controlIds, controls, findControl } from '../../shared/catalog/index';
import type { SoaParseResult, SoaRowMethod } from '../../shared/soa/parse';
import { parseSoaGrid, summarizeSoa } from '../../shared/soa/parse';
import { readSpreadsheetGrid } from '../../server/soa/read-spreadsheet';
import { csvFacts, fixtureFiles, writeFixtures } from './fixtures/generate';
import type { Fact } from './fixtures/truth';
import {
  baseFacts,
  bothOnly2013,
  facts2013,
  incompleteFacts,
  incompleteMissing,
  incompleteNoId,
  incompleteUnjustified,
  mergedJustification,
  multiIdFacts,
} from './fixtures/truth';
import { fixturesDir, parseFixture, rowOf } from './read-fixture';

const results = new Map<string, SoaParseResult>();

beforeAll(async () => {
  for (const file of Object.values(fixtureFiles)) results.set(file, await parseFixture(file));
});

function result(file: string): SoaParseResult {
  return results.get(file)!;
}

/** Every control the truth lists is read back with the same facts. */
function expectFacts(parsed: SoaParseResult, facts: Map<string, Fact>) {
  for (const [id, fact] of facts) {
    const row = rowOf(parsed, id);
    expect({ id, applicable: row.applicable, implementation: row.implementation, justification: row.justification }).toEqual({ id, ...fact });
  }
}

function methodsOf(parsed: SoaParseResult): Record<string, SoaRowMethod> {
  return Object.fromEntries(parsed.rows.map((r) => [r.controlId, r.source.method]));
}

function expectedMethods(overrides: Record<string, SoaRowMethod>, fallback: SoaRowMethod = 'direct'): Record<string, SoaRowMethod> {
  return Object.fromEntries(controlIds.map((id) => [id, overrides[id] ?? fallback]));
}

/** Counts straight from the truth table, for comparing with summarizeSoa. */
function truthCounts(facts: Map<string, Fact>) {
  const list = [...facts.values()];
  return {
    applicable: list.filter((f) => f.applicable).length,
    excluded: list.filter((f) => !f.applicable).length,
    excludedWithoutJustification: list.filter((f) => !f.applicable && !f.justification).length,
    implementedFull: list.filter((f) => f.implementation === 'full').length,
    implementedPartial: list.filter((f) => f.implementation === 'partial').length,
    implementedNone: list.filter((f) => f.implementation === 'none').length,
    missing: 93 - facts.size,
  };
}

async function titleAtRow(file: string, sheetName: string, row: number, column: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(fixturesDir, file));
  return String(wb.getWorksheet(sheetName)!.getRow(row).getCell(column).value ?? '');
}

describe('SoA fixtures read through readSpreadsheetGrid and parseSoaGrid', () => {
  test('when every fixture is parsed, then each has exactly one row per 2022 control in catalog order', () => {
    for (const parsed of results.values()) expect(parsed.rows.map((r) => r.controlId)).toEqual([...controlIds]);
  });

  test.each([
    [fixtureFiles.clean, null, null, '2022'],
    [fixtureFiles.mangled, '3', '2024-05-13', '2022'],
    [fixtureFiles.iso2013, '1.1', '2024-05-13', '2013'],
    [fixtureFiles.both, '2.0', '2025-02-02', 'both'],
    [fixtureFiles.multi, '1.1', '2024-05-13', '2022'],
    [fixtureFiles.incomplete, '0.9', '2024-11-30', '2022'],
    [fixtureFiles.csv, '1.1', '2024-05-13', '2022'],
  ])('when %s is parsed, then version is %p, date %p and numbering %p', (file, version, date, numbering) => {
    const parsed = result(file);
    expect({ version: parsed.version, date: parsed.date, numbering: parsed.numbering }).toEqual({ version, date, numbering });
  });

  test('when the clean 2022 workbook is parsed, then every control is read directly with the facts written', async () => {
    const parsed = result(fixtureFiles.clean);
    expectFacts(parsed, baseFacts());
    expect(methodsOf(parsed)).toEqual(expectedMethods({}));
    expect(parsed.report).toMatchObject({ headerRow: 1, inferred: [], ambiguous: [], ignoredRows: [] });
    expect(summarizeSoa(parsed)).toMatchObject(truthCounts(baseFacts()));
    // The row pointer leads to the control's own line in the sheet.
    expect(await titleAtRow(fixtureFiles.clean, 'Statement of Applicability', rowOf(parsed, '8.12').source.row!, 2)).toBe('Data leakage prevention');
  });

  test('when ids were turned into numbers by Excel, then 5.10, 5.20, 5.30, 7.10, 8.10, 8.20 are repaired by title and 8.30 (no title) by row order', async () => {
    const parsed = result(fixtureFiles.mangled);
    expectFacts(parsed, baseFacts());
    expect(methodsOf(parsed)).toEqual(
      expectedMethods({
        '5.10': 'repaired_by_title',
        '5.20': 'repaired_by_title',
        '5.30': 'repaired_by_title',
        '7.10': 'repaired_by_title',
        '8.10': 'repaired_by_title',
        '8.20': 'repaired_by_title',
        '8.30': 'repaired_by_order',
      }),
    );
    expect(parsed.report.inferred.map((i) => i.controlId).sort()).toEqual(['5.10', '5.20', '5.30', '7.10', '8.10', '8.20', '8.30']);
    expect(await titleAtRow(fixtureFiles.mangled, 'SoA', rowOf(parsed, '5.10').source.row!, 2)).toBe(findControl('5.10')!.title);
    expect(await titleAtRow(fixtureFiles.mangled, 'SoA', rowOf(parsed, '5.1').source.row!, 2)).toBe(findControl('5.1')!.title);
    const row830 = rowOf(parsed, '8.30').source.row!;
    expect(rowOf(parsed, '8.29').source.row).toBe(row830 - 1);
    expect(rowOf(parsed, '8.31').source.row).toBe(row830 + 1);
    expect(rowOf(parsed, '5.10')).toMatchObject({ applicable: true, implementation: 'full', justification: 'Client contracts (control 5.10)' });
    expect(rowOf(parsed, '8.30')).toMatchObject({ applicable: false, implementation: null, justification: 'No development is outsourced' });
  });

  test('when a row titled "Screening" carries id 6.3, then 6.3 is kept and the contradiction is reported as ambiguous', () => {
    const parsed = result(fixtureFiles.mangled);
    const row = rowOf(parsed, '6.3');
    expect(row.source.method).toBe('direct');
    expect(parsed.report.ambiguous).toEqual([{ row: row.source.row, message: expect.stringContaining('6.1') }]);
    expect(parsed.report.ignoredRows.map((r) => r.reason)).toEqual([
      'section heading "5 Organizational controls"',
      'section heading "6 People controls"',
      'section heading "7 Physical controls"',
      'section heading "8 Technological controls"',
    ]);
  });

  test('when only 2013 numbering is used, then controls map through Annex B, combined rows take any-applicable and the weakest implementation', () => {
    const parsed = result(fixtureFiles.iso2013);
    const old = facts2013();
    const rank = { none: 0, partial: 1, full: 2 } as const;
    for (const c of controls) {
      const row = rowOf(parsed, c.id);
      if (!c.iso2013.length) {
        expect({ id: c.id, method: row.source.method, applicable: row.applicable, row: row.source.row }).toEqual({ id: c.id, method: 'missing', applicable: null, row: null });
        continue;
      }
      const sources = c.iso2013.map((id) => old.get(id)!);
      const implementations = sources.map((f) => f.implementation).filter((v): v is 'full' | 'partial' | 'none' => v !== null);
      const weakest = implementations.length ? implementations.reduce((a, b) => (rank[a] <= rank[b] ? a : b)) : null;
      expect({ id: c.id, method: row.source.method, applicable: row.applicable, implementation: row.implementation }).toEqual({
        id: c.id,
        method: 'mapped_2013',
        applicable: sources.some((f) => f.applicable),
        implementation: weakest,
      });
      for (const f of sources) expect(row.justification).toContain(f.justification);
    }
    // Spot checks written out by hand.
    expect(rowOf(parsed, '5.1')).toMatchObject({ applicable: true, implementation: 'partial' });
    expect(rowOf(parsed, '5.15')).toMatchObject({ applicable: true, implementation: 'full' });
    expect(rowOf(parsed, '5.15').justification).toContain('Network access is managed by the client');
    expect(rowOf(parsed, '5.9').implementation).toBe('none');
    expect(rowOf(parsed, '5.9').source.note).toMatch(/A\.8\.1\.1.*A\.8\.1\.2/);
    expect(rowOf(parsed, '8.8').source.note).toContain('A.18.2.3');
    expect(rowOf(parsed, '5.36').source.note).toContain('A.18.2.3');
    expect(rowOf(parsed, '8.15')).toMatchObject({ applicable: true });
    expect(summarizeSoa(parsed).missing).toBe(11);
    expect(parsed.report.ignoredRows.length).toBe(14 + 35);
  });

  test('when both numberings sit side by side, then 2022 ids win and rows with only a 2013 reference are mapped', () => {
    const parsed = result(fixtureFiles.both);
    expectFacts(parsed, baseFacts());
    expect(methodsOf(parsed)).toEqual(expectedMethods(Object.fromEntries(bothOnly2013.map((id) => [id, 'mapped_2013' as const]))));
    expect(parsed.report.ambiguous).toEqual([]);
    expect(parsed.report.columns).toMatchObject({ controlId: expect.stringMatching(/^A /), iso2013Id: expect.stringMatching(/^B /) });
  });

  test('when cells hold several ids, a range, merged justifications and a Yes | No sub-header, then every control gets its row', () => {
    const parsed = result(fixtureFiles.multi);
    expectFacts(parsed, multiIdFacts());
    expect(methodsOf(parsed)).toEqual(expectedMethods({}));
    expect(parsed.sheetName).toBe('SoA 2022');
    expect(parsed.report.headerRow).toBe(5);
    expect(rowOf(parsed, '8.8').source.row).toBe(rowOf(parsed, '5.36').source.row);
    expect(rowOf(parsed, '8.21').source.row).toBe(rowOf(parsed, '8.20').source.row);
    expect(rowOf(parsed, '6.2').justification).toBe(mergedJustification.text);
    expect(rowOf(parsed, '8.4')).toMatchObject({ applicable: false, justification: 'No source code is held: no in-house development' });
    expect(parsed.report.columns).toMatchObject({ applicable: expect.stringMatching(/^C /), excluded: expect.stringMatching(/^D /) });
  });

  test('when controls are missing and an exclusion has no justification, then they show as missing and unjustified', () => {
    const parsed = result(fixtureFiles.incomplete);
    const facts = incompleteFacts();
    for (const [id, fact] of facts) {
      const row = rowOf(parsed, id);
      expect({ id, applicable: row.applicable, implementation: row.implementation }).toEqual({ id, applicable: fact.applicable, implementation: fact.implementation });
      if (fact.applicable) {
        expect(row.justification.startsWith(fact.justification)).toBe(true);
        expect(row.justification).toContain('risk assessment');
      } else {
        expect(row.justification).toBe(fact.justification);
      }
    }
    expect(rowOf(parsed, '5.1').justification).toContain('legal requirement');
    expect(rowOf(parsed, '5.2').justification).not.toContain('legal requirement');
    expect(methodsOf(parsed)).toEqual(expectedMethods({ ...Object.fromEntries(incompleteMissing.map((id) => [id, 'missing' as const])), [incompleteNoId]: 'inferred' }));
    expect(parsed.report.inferred).toEqual([{ row: rowOf(parsed, incompleteNoId).source.row, controlId: incompleteNoId, message: expect.any(String) }]);
    expect(rowOf(parsed, incompleteUnjustified)).toMatchObject({ applicable: false, justification: '' });
    expect(summarizeSoa(parsed)).toMatchObject(truthCounts(facts));
    expect(summarizeSoa(parsed)).toMatchObject({ missing: 10, excludedWithoutJustification: 1 });
  });

  test('when a ";" CSV with a BOM is read, then quoted justifications survive and shortened ids are repaired', () => {
    const parsed = result(fixtureFiles.csv);
    expectFacts(parsed, csvFacts());
    expect(methodsOf(parsed)).toEqual(expectedMethods({ '5.10': 'repaired_by_title', '8.30': 'repaired_by_title' }));
    expect(rowOf(parsed, '5.1').justification).toBe('Policy set approved by the board; reviewed "annually"\nsee ISMS manual (control 5.1)');
  });

  test('when the fixtures are generated again, then they read exactly like the committed files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soa-fixtures-'));
    try {
      await writeFixtures(dir);
      for (const file of Object.values(fixtureFiles)) {
        const { sheetName, grid } = await readSpreadsheetGrid(fs.readFileSync(path.join(dir, file)), file.endsWith('.csv') ? 'csv' : 'xlsx');
        expect(parseSoaGrid(grid, { sheetName })).toEqual(result(file));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
