import fs from 'node:fs';
import path from 'node:path';
import { readSpreadsheetGrid } from '../../server/soa/read-spreadsheet';
import type { SoaParseResult, SoaRow } from '../../shared/soa/parse';
import { parseSoaGrid } from '../../shared/soa/parse';

export const fixturesDir = path.join(__dirname, 'fixtures');

/** Reads a committed fixture the way an upload is read: bytes → grid → parse. */
export async function parseFixture(file: string): Promise<SoaParseResult> {
  const buffer = fs.readFileSync(path.join(fixturesDir, file));
  const { sheetName, grid } = await readSpreadsheetGrid(buffer, file.endsWith('.csv') ? 'csv' : 'xlsx');
  return parseSoaGrid(grid, { sheetName });
}

export function rowOf(result: SoaParseResult, controlId: string): SoaRow {
  const row = result.rows.find((r) => r.controlId === controlId);
  if (!row) throw new Error(`no row for ${controlId}`);
  return row;
}
