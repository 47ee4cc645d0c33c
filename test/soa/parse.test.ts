import { controls, findControl } from '../../shared/catalog/index';
import type { SoaCell, SoaParseResult } from '../../shared/soa/parse';
import { parseSoaGrid, summarizeSoa } from '../../shared/soa/parse';

const HEADER = ['Control', 'Title', 'Applicable', 'Implementation', 'Justification'];

function rowOf(result: SoaParseResult, id: string) {
  return result.rows.find((r) => r.controlId === id)!;
}

/** Theme 5 as a sheet would hold it after Excel turned every id into a number, without titles. */
function theme5Numbers(): SoaCell[][] {
  return controls.filter((c) => c.id.startsWith('5.')).map((c) => [Number(c.id), null, 'Yes', 'Implemented', `why ${c.id}`]);
}

describe('parseSoaGrid repairs ids Excel shortened', () => {
  test('when numeric ids have no titles, then 5.10, 5.20 and 5.30 are told from 5.1, 5.2 and 5.3 by row order', () => {
    const result = parseSoaGrid([HEADER, ...theme5Numbers()]);
    for (const id of ['5.10', '5.20', '5.30']) {
      expect(rowOf(result, id)).toMatchObject({ justification: `why ${id}`, source: { method: 'repaired_by_order' } });
    }
    for (const id of ['5.1', '5.2', '5.3']) {
      expect(rowOf(result, id)).toMatchObject({ justification: `why ${id}`, source: { method: 'direct' } });
    }
    expect(result.report.ambiguous).toEqual([]);
    expect(result.report.inferred.map((i) => [i.row, i.controlId])).toEqual([
      [11, '5.10'],
      [21, '5.20'],
      [31, '5.30'],
    ]);
  });

  test('when the rows are out of order, then a shortened id whose literal another row holds is read as the longer id', () => {
    const result = parseSoaGrid([HEADER, ['5.1', 'Policies for information security', 'Yes', 'Implemented', 'policy'], ['8.34', null, 'Yes', 'Implemented', 'audit'], [5.1, null, 'No', null, 'acceptable use'], ['6.2', null, 'Yes', 'Implemented', 'terms']]);
    expect(rowOf(result, '5.1')).toMatchObject({ justification: 'policy', source: { row: 2, method: 'direct' } });
    expect(rowOf(result, '5.10')).toMatchObject({ applicable: false, justification: 'acceptable use', source: { row: 4, method: 'repaired_by_order', note: expect.stringContaining('row 2 already holds 5.1') } });
  });

  test('when nothing tells 5.1 from 5.10, then the literal reading is kept and reported as ambiguous', () => {
    const result = parseSoaGrid([HEADER, [5.1, null, 'Yes', 'Implemented', 'something']]);
    expect(rowOf(result, '5.1').source.method).toBe('direct');
    expect(rowOf(result, '5.10').source.method).toBe('missing');
    expect(result.report.ambiguous).toEqual([{ row: 2, message: expect.stringContaining('could be 5.1 or 5.10') }]);
  });

  test('when a title names the longer id, then the title wins over the row order', () => {
    const grid = [HEADER, ...theme5Numbers()];
    grid[1]![1] = 'Acceptable use of information and other associated assets (New)';
    const result = parseSoaGrid(grid);
    expect(rowOf(result, '5.10')).toMatchObject({ source: { row: 2, method: 'repaired_by_title' } });
  });
});

describe('parseSoaGrid reports what it cannot read cleanly', () => {
  test.each<[string, SoaCell[], RegExp]>([
    ['an id that is not a 2022 control', ['5.38', 'Made up', 'Yes', 'Implemented', 'x'], /5\.38.*not an ISO\/IEC 27001:2022/],
    ['a 2013 id Annex B does not know', ['A.5.1.3', 'Made up', 'Yes', 'Implemented', 'x'], /A\.5\.1\.3 is not an ISO\/IEC 27001:2013/],
    ['an applicability it does not understand', ['5.5', 'Contact with authorities', 'Sometimes', 'Implemented', 'x'], /applicability "Sometimes" not understood/],
    ['an implementation it does not understand', ['5.5', 'Contact with authorities', 'Yes', 'Ask Bob', 'x'], /implementation "Ask Bob" not understood/],
    ['an exclusion marked implemented', ['5.5', 'Contact with authorities', 'No', 'Implemented', 'x'], /excluded but marked implemented/],
  ])('when a row has %s, then the report says so', (_what, row, message) => {
    const result = parseSoaGrid([HEADER, ['5.1', 'Policies for information security', 'Yes', 'Implemented', 'policy'], row]);
    expect(result.report.ambiguous).toEqual([{ row: 3, message: expect.stringMatching(message) }]);
  });

  test('when a control appears twice with different applicability, then the rows are combined and the conflict reported', () => {
    const result = parseSoaGrid([HEADER, ['5.5', 'Contact with authorities', 'Yes', 'Implemented', 'regulator'], ['5.5', 'Contact with authorities', 'No', null, 'none']]);
    expect(rowOf(result, '5.5')).toMatchObject({ applicable: true, implementation: 'full', justification: 'regulator | none', source: { row: 2, method: 'direct' } });
    expect(result.report.ambiguous).toEqual([{ row: 2, message: expect.stringContaining('different applicability') }]);
  });

  test('when a row has no id but the title of a control already listed, then the row is ignored', () => {
    const result = parseSoaGrid([HEADER, ['5.5', 'Contact with authorities', 'Yes', 'Implemented', 'a'], [null, 'Contact with authorities', 'No', null, 'b']]);
    expect(rowOf(result, '5.5').justification).toBe('a');
    expect(result.report.ignoredRows).toEqual([{ row: 3, reason: expect.stringContaining('already on row 2') }]);
  });

  test('when the header is repeated mid-table, then the repeat is ignored', () => {
    const result = parseSoaGrid([HEADER, ['5.5', 'Contact with authorities', 'Yes', 'Implemented', 'a'], HEADER, ['5.6', 'Contact with special interest groups', 'Yes', 'Implemented', 'b']]);
    expect(result.report.ignoredRows).toEqual([{ row: 3, reason: 'repeated header' }]);
    expect(rowOf(result, '5.6').source.row).toBe(4);
  });
});

describe('parseSoaGrid infers applicability when no column states it', () => {
  test.each<[SoaCell, SoaCell, boolean | null, string | null]>([
    ['N/A', 'not relevant here', false, 'implementation'],
    ['Implemented', 'policy', true, 'implemented'],
    ['Partially', 'policy', true, 'partially implemented'],
    ['Not implemented', 'policy', null, null],
    [null, 'Not applicable: no development', false, 'justification'],
  ])('when the status is %p and the justification %p, then applicable is %p', (status, justification, applicable, message) => {
    const result = parseSoaGrid([
      ['Control', 'Title', 'Status', 'Justification'],
      ['8.25', 'Secure development life cycle', status, justification],
    ]);
    expect(rowOf(result, '8.25').applicable).toBe(applicable);
    expect(result.report.inferred).toEqual(message ? [{ row: 2, controlId: '8.25', message: expect.stringContaining(message) }] : []);
  });

  test('when the id was shortened by Excel, then the inferred applicability names the repaired control', () => {
    const result = parseSoaGrid([
      ['Control', 'Title', 'Status'],
      ['5.9', 'Inventory of information and other associated assets', 'Implemented'],
      [5.1, 'Acceptable use of information and other associated assets', 'Partially'],
    ]);
    expect(rowOf(result, '5.10')).toMatchObject({ applicable: true, implementation: 'partial', source: { method: 'repaired_by_title' } });
    expect(result.report.inferred.filter((i) => i.row === 3).map((i) => i.controlId)).toEqual(['5.10', '5.10']);
  });

  test('when the column is "Excluded?", then a mark there means not applicable', () => {
    const result = parseSoaGrid([
      ['Ref', 'Control', 'Excluded?', 'Reason for exclusion'],
      ['8.25', 'Secure development life cycle', 'Yes', 'No development'],
      ['8.26', 'Application security requirements', 'No', ''],
    ]);
    expect(rowOf(result, '8.25').applicable).toBe(false);
    expect(rowOf(result, '8.26').applicable).toBe(true);
    expect(result.report.columns).toMatchObject({ excluded: 'C "Excluded?"', justification: 'D "Reason for exclusion"' });
  });

  test('when there is no header row, then the id and yes/no columns are found by their contents', () => {
    const grid: SoaCell[][] = controls.slice(0, 10).map((c, i) => [c.id, c.title, i % 2 ? 'Y' : 'N']);
    const result = parseSoaGrid(grid);
    expect(result.report.headerRow).toBe(0);
    expect(rowOf(result, '5.2')).toMatchObject({ applicable: true, source: { row: 2, method: 'direct' } });
    expect(rowOf(result, '5.1')).toMatchObject({ applicable: false, source: { row: 1 } });
  });

  test('when the id cell holds the title and another column a description, then the title next to the id is used', () => {
    const result = parseSoaGrid([
      ['Control', 'Control description', 'Applicable'],
      [5.1, 'Information security policy and topic-specific policies should be defined and approved', 'Yes'],
      ['5.1 Acceptable use of information and other associated assets', 'Rules for the acceptable use of information should be identified', 'No'],
    ]);
    expect(rowOf(result, '5.1')).toMatchObject({ applicable: true, source: { row: 2 } });
    expect(rowOf(result, '5.10')).toMatchObject({ applicable: false, source: { row: 3, method: 'repaired_by_title' } });
  });

  test('when id and title share one cell, then both are read from it', () => {
    const result = parseSoaGrid([
      ['Annex A control', 'Applicable', 'Justification'],
      ['A.5.15 Access control', 'Yes', 'needed'],
      ['A.5.16 Access control', 'Yes', 'needed too'],
    ]);
    expect(rowOf(result, '5.15')).toMatchObject({ applicable: true, justification: 'needed', source: { method: 'direct' } });
    expect(result.report.ambiguous).toEqual([{ row: 3, message: expect.stringContaining('is 5.15') }]);
  });
});

describe('parseSoaGrid reads the version and date written above the table', () => {
  test.each<[string, SoaCell[][], string | null, string | null]>([
    ['a version label and a number', [['Document version', 2], ['Date', 45425]], '2', '2024-05-13'],
    ['"Rev. 3" and a date cell', [['Rev. 3'], [new Date(Date.UTC(2024, 4, 13))]], '3', '2024-05-13'],
    ['"v1.1" in the title', [['Statement of Applicability v1.1 (13 May 2024)']], '1.1', '2024-05-13'],
    ['a revision history table', [['Version', 'Date', 'Author'], ['1.0', '01/03/2024', 'A'], ['1.1', '13/05/2024', 'B']], '1.1', '2024-05-13'],
    ['only the standard\'s edition', [['Statement of Applicability – ISO/IEC 27001:2022']], null, null],
    ['a labelled date after an unlabelled one', [['Printed 01/01/2025'], ['Approved on: 13 May 2024']], null, '2024-05-13'],
  ])('when the top holds %s, then version %p and date %p are read', (_what, top, version, date) => {
    const result = parseSoaGrid([...top, [], HEADER, ['5.1', 'Policies for information security', 'Yes', 'Implemented', 'policy']]);
    expect({ version: result.version, date: result.date }).toEqual({ version, date });
  });

  test('when the date could be day or month first, then it is read day first and reported', () => {
    const result = parseSoaGrid([['Date: 05/06/2024'], HEADER, ['5.1', 'Policies for information security', 'Yes', 'Implemented', 'policy']]);
    expect(result.date).toBe('2024-06-05');
    expect(result.report.ambiguous).toEqual([{ row: 1, message: expect.stringContaining('2024-05-06') }]);
  });

  test('when the sheet name carries the version, then it is used last', () => {
    const result = parseSoaGrid([HEADER, ['5.1', 'Policies for information security', 'Yes', 'Implemented', 'policy']], { sheetName: 'SoA Rev 4' });
    expect(result).toMatchObject({ version: '4', sheetName: 'SoA Rev 4' });
  });
});

describe('summarizeSoa', () => {
  test('when rows are excluded, partial, missing or unknown, then each count matches the rows', () => {
    const result = parseSoaGrid([
      HEADER,
      ['5.1', 'Policies for information security', 'Yes', 'Implemented', 'a'],
      ['5.2', 'Information security roles and responsibilities', 'Yes', 'Partially', 'b'],
      ['5.3', 'Segregation of duties', 'Yes', 'Not implemented', 'c'],
      ['5.4', 'Management responsibilities', 'No', null, 'not needed'],
      ['5.5', 'Contact with authorities', 'No', null, null],
      ['5.6', 'Contact with special interest groups', null, null, null],
    ]);
    expect(summarizeSoa(result)).toEqual({
      controls: 93,
      applicable: 3,
      excluded: 2,
      excludedWithoutJustification: 1,
      applicabilityUnknown: 1,
      implementedFull: 1,
      implementedPartial: 1,
      implementedNone: 1,
      missing: 87,
    });
    expect(findControl('5.6')).toBeDefined();
  });
});
