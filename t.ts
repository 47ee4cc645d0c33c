import { realShapedWorkbooks } from './test/soa/real-shaped';
import { readSpreadsheetGrid } from './server/soa/read-spreadsheet';
import { parseSoaGrid } from './shared/soa/parse';
(async () => {
  for (const f of await realShapedWorkbooks()) {
    const g = await readSpreadsheetGrid(f.buffer, 'xlsx');
    const r = parseSoaGrid(g.grid, { sheetName: g.sheetName, otherSheets: g.otherSheets });
    console.log(f.name, g.sheetName, g.otherSheets.map(s=>s.name), r.version, r.date, r.numbering, JSON.stringify(r.report.versionSource), JSON.stringify(r.report.dateSource));
    console.log(r.report.numberingEvidence, r.report.ambiguous.slice(0,5), r.report.ignoredRows.slice(0,4), r.rows.filter(x=>x.source.method!=='missing').length);
  }
})();
