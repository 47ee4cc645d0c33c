import { deriveFindings, type RuleInput, type SoaFacts } from '../../shared/findings/rules';
import { annexA2005 } from '../../shared/soa/annex/iso27001-2005';
import { annexA2013 } from '../../shared/soa/annex/iso27001-2013';
import { judgeEdition, rowEdition } from '../../shared/soa/numbering';
import type { SoaCell } from '../../shared/soa/parse';
import { parseSoaGrid } from '../../shared/soa/parse';
import { readImplementation } from '../../shared/soa/values';

const HEADER = ['Control', 'Title', 'Applicable', 'Status', 'Justification'];
const TABLE: SoaCell[][] = [HEADER, ['5.1', 'Policies for information security', 'Yes', 'Implemented', 'policy']];

describe('the version and date are read from any sheet, with where they were found', () => {
  test.each<[string, { name: string; grid: SoaCell[][] }, string | null, string | null, string]>([
    ['a cover with "Document Version" and "Date"', { name: 'Cover', grid: [['Acme Ltd'], ['Document Version', '3.2'], ['Date', '04/11/2024']] }, '3.2', '2024-11-04', 'B2'],
    ['a revision history, newest line first', { name: 'Revision History', grid: [['Rev.', 'Date', 'Change'], ['1.10', '2024-09-01', 'audit'], ['1.9', '2024-03-01', 'x']] }, '1.10', '2024-09-01', 'A2'],
    ['a document-control form laid out vertically', { name: 'Document Control', grid: [['Version'], ['v2.0'], ['Approval date'], ['1 July 2024']] }, '2.0', '2024-07-01', 'A2'],
  ])('when the workbook has %s, then version %p and date %p are read from it', (_what, sheet, version, date, versionCell) => {
    const result = parseSoaGrid(TABLE, { sheetName: 'SoA', otherSheets: [sheet] });
    expect({ version: result.version, date: result.date }).toEqual({ version, date });
    expect(result.report.versionSource).toMatchObject({ sheet: sheet.name, cell: versionCell });
    expect(result.report.dateSource).toMatchObject({ sheet: sheet.name });
  });

  test('when a cover says one version and the revision history another, then the cover is read and the difference reported with both places', () => {
    const result = parseSoaGrid(TABLE, {
      sheetName: 'SoA',
      otherSheets: [
        { name: 'Cover', grid: [['Version', '2.0'], ['Date', '01/02/2024']] },
        { name: 'History', grid: [['Version', 'Date'], ['2.0', '01/02/2024'], ['2.1', '01/06/2024']] },
      ],
    });
    expect(result.version).toBe('2.0');
    expect(result.report.ambiguous).toEqual(expect.arrayContaining([{ row: null, message: expect.stringMatching(/version 2\.1 at sheet "History" A3 .* differs from 2\.0 at sheet "Cover" B1/) }]));
  });

  test('when only a next-review date, an expiry or a table column of dates is given, then no date is read', () => {
    const result = parseSoaGrid(TABLE, {
      sheetName: 'SoA',
      otherSheets: [
        { name: 'Cover', grid: [['Next review date', '01/02/2026'], ['Valid until: 01/02/2027']] },
        { name: 'Risk Register', grid: [['Risk', 'Date', 'Owner'], ['R1', new Date(Date.UTC(2023, 1, 1)), 'CISO']] },
      ],
    });
    expect(result.date).toBeNull();
    expect(result.report.dateSource).toBeNull();
  });

  test('when the SoA sheet states the version above its table, then it wins over another sheet\'s equal statement', () => {
    const result = parseSoaGrid([['Version', '5'], ...TABLE], { sheetName: 'SoA', otherSheets: [{ name: 'Cover', grid: [['Version', '4']] }] });
    expect(result.version).toBe('5');
    expect(result.report.versionSource).toMatchObject({ sheet: 'SoA', cell: 'B1' });
  });
});

describe('2005 and 2013 numbering are told apart by ids and titles together', () => {
  const controls2005 = annexA2005.filter(([id]) => id.split('.').length === 4);
  const controls2013 = annexA2013.filter(([id]) => id.split('.').length === 4);

  test.each([
    ['A.7.1.1', 'Inventory of assets', '2005'],
    ['A.7.1.1', 'Screening', '2013'],
    ['A.8.1.2', 'Screening', '2005'],
    ['A.8.1.2', 'Ownership of assets', '2013'],
    ['A.10.10.1', '', '2005'],
    ['A.18.1.1', '', '2013'],
    ['A.5.1.1', '', null],
  ])('when a row has %s %p, then it points to %p', (id, title, edition) => {
    expect(rowEdition(id, title).edition).toBe(edition);
  });

  test('when the tables are loaded, then 2005 has 133 controls in 11 clauses and 2013 has 114 in 14', () => {
    expect(controls2005).toHaveLength(133);
    expect(annexA2005.filter(([id]) => id.split('.').length === 2)).toHaveLength(11);
    expect(controls2013).toHaveLength(114);
    expect(annexA2013.filter(([id]) => id.split('.').length === 2)).toHaveLength(14);
  });

  test('when a 2005 SoA uses only ids that also exist in 2013, then the titles make it 2005 and nothing is mapped', () => {
    const shared = controls2005.filter(([id]) => controls2013.some(([o]) => o === id)).slice(0, 20);
    const grid: SoaCell[][] = [['Ref', 'Control', 'Applicable', 'Justification'], ...shared.map(([id, title]) => [id, title, 'Yes', 'risk'])];
    const result = parseSoaGrid(grid);
    expect(result.numbering).toBe('2005');
    expect(result.rows.every((r) => r.source.method === 'missing')).toBe(true);
    const inventory = grid.findIndex((row) => row[0] === 'A.7.1.1') + 1;
    expect(result.report.ignoredRows).toEqual(expect.arrayContaining([{ row: inventory, reason: expect.stringMatching(/2005 control A\.7\.1\.1 "Inventory of assets"/) }]));
  });

  test('when a 2005 SoA has no titles, then its 2005-only ids make it 2005', () => {
    const grid: SoaCell[][] = [['Ref', 'Applicable', 'Justification'], ...controls2005.map(([id]) => [id, 'Yes', 'risk'])];
    expect(parseSoaGrid(grid).numbering).toBe('2005');
  });

  test('when a 2013 SoA has one row titled with the 2005 control of its id, then that row is not mapped and is reported', () => {
    const grid: SoaCell[][] = [['Ref', 'Control', 'Applicable', 'Justification'], ...controls2013.map(([id, title]) => [id, id === 'A.7.1.1' ? 'Inventory of assets' : title, 'Yes', 'risk'])];
    const result = parseSoaGrid(grid);
    expect(result.numbering).toBe('2013');
    const row = grid.findIndex((r) => r[0] === 'A.7.1.1') + 1;
    expect(result.report.ambiguous).toEqual(expect.arrayContaining([{ row, message: expect.stringContaining('2005 A.7.1.1 "Inventory of assets"') }]));
    expect(result.report.ignoredRows.find((r) => r.row === row)?.reason).toMatch(/not mapped as 2013 A\.7\.1\.1 "Screening"/);
    expect(result.rows.find((r) => r.controlId === '6.1')?.source.method).toBe('missing');
  });

  test('when the votes are split, then no edition is claimed', () => {
    expect(judgeEdition([{ id: 'A.10.10.1', title: '' }, { id: 'A.18.1.1', title: '' }]).edition).toBeNull();
  });
});

describe('every row the import did not use is listed with why', () => {
  test('when rows hold an unknown id, a 2013 id whose 2022 control another row states, and a note, then each is listed', () => {
    const grid: SoaCell[][] = [
      ['ISO 27001:2022', 'ISO 27001:2013', 'Control', 'Applicable', 'Justification'],
      ['5.1', 'A.5.1.1', 'Policies for information security', 'Yes', 'p'],
      ['N/A', 'A.5.1.2', 'Review of the policies', 'Yes', 'merged'],
      ['5.38', null, 'Something', 'Yes', 'x'],
      ['Note: reviewed yearly'],
    ];
    const result = parseSoaGrid(grid);
    expect(result.report.ignoredRows).toEqual([
      { row: 3, reason: expect.stringMatching(/2022 id "N\/A"; its 2013 control A\.5\.1\.2 maps to 5\.1 \(row 2\)/) },
      { row: 4, reason: expect.stringMatching(/"5\.38" is not an ISO\/IEC 27001:2022 Annex A control/) },
      { row: 5, reason: expect.stringContaining('no control id') },
    ]);
  });
});

describe('rows above the header', () => {
  test('when a row above the header holds a control id, then it is listed as not read', () => {
    const result = parseSoaGrid([['5.1 Policies for information security'], HEADER, ['5.2', 'Information security roles and responsibilities', 'Yes', 'Implemented', 'r']]);
    expect(result.report.ignoredRows).toEqual([{ row: 1, reason: expect.stringContaining('above the header (row 2)') }]);
  });

  test('when the row above the header is the version "Version | 5.1", then it is read as the version, not listed as a lost control', () => {
    const result = parseSoaGrid([['Version', 5.1], HEADER, ['5.2', 'Information security roles and responsibilities', 'Yes', 'Implemented', 'r']]);
    expect(result.version).toBe('5.1');
    expect(result.report.ignoredRows).toEqual([]);
  });
});

describe('implementation wordings', () => {
  test.each([
    ['Not at all', 'none'],
    ['No', 'none'],
    ['Not started', 'none'],
    ['Not yet started', 'none'],
    ['Planned', 'none'],
    ['Pending', 'none'],
    ['In progress', 'partial'],
    ['Partially', 'partial'],
    ['Not fully implemented', 'partial'],
    ['Mostly implemented', 'partial'],
    ['Under development', 'partial'],
    ['Yes – partially', 'partial'],
    ['Yes – fully', 'full'],
    ['Fully in place', 'full'],
    ['Achieved', 'full'],
  ])('when the status is %p, then it is read as %p', (text, expected) => {
    expect(readImplementation(text).implementation).toBe(expected);
  });
});

describe('SOA_OUTDATED_NUMBERING', () => {
  const soa = (numbering: SoaFacts['numbering']): SoaFacts => ({ id: 's1', documentTitle: 'SoA 2009', version: '1.4', date: '2009-03-17', numbering, rows: [] });
  const input = (s: SoaFacts): RuleInput => ({
    today: '2026-12-07',
    engagement: { name: 'Payments', contractingEntity: 'Northwind Payments Ltd' },
    certificates: [],
    soa: s,
    requiredControls: [],
    entityMatch: null,
    sites: [],
    services: [],
    answers: [],
    controlGaps: [],
  });

  test('when the SoA is numbered 2005, then the finding says 2005 and that nothing was mapped', () => {
    const f = deriveFindings(input(soa('2005'))).find((x) => x.code === 'SOA_OUTDATED_NUMBERING');
    expect(f).toMatchObject({ severity: 'high', title: expect.stringContaining('2005'), explanation: expect.stringContaining('not mapped'), facts: { numbering: '2005' } });
  });

  test('when the SoA is numbered 2022, then there is no such finding', () => {
    expect(deriveFindings(input(soa('2022'))).some((x) => x.code === 'SOA_OUTDATED_NUMBERING')).toBe(false);
  });
});
