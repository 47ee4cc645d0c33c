import { readCellIds } from '../../shared/soa/ids';
import { bestTitleMatch, normalizeTitle, titleSimilarity } from '../../shared/soa/titles';
import type { SoaCell } from '../../shared/soa/values';
import { findDateInText, readApplicable, readImplementation, weakestImplementation } from '../../shared/soa/values';

describe('applicability spellings', () => {
  test.each<[SoaCell, boolean | null]>([
    ['Y', true],
    ['Yes', true],
    ['yes.', true],
    ['YES - required by clients', true],
    ['Applicable', true],
    ['Included', true],
    ['In scope', true],
    ['✓', true],
    ['✔', true],
    ['x', true],
    ['X', true],
    [true, true],
    [1, true],
    ['Implemented', true],
    ['Partially implemented', true],
    ['Planned', true],
    ['N', false],
    ['No', false],
    ['NO – not relevant', false],
    ['Not applicable', false],
    ['N/A', false],
    ['n.a.', false],
    ['NA', false],
    ['Excluded', false],
    ['Out of scope', false],
    ['✗', false],
    ['❌', false],
    [false, false],
    [0, false],
    [null, null],
    ['', null],
    ['-', null],
    ['—', null],
    ['?', null],
    ['maybe', null],
    [new Date(Date.UTC(2024, 0, 1)), null],
  ])('when the applicability cell is %p, then it reads %p', (cell, expected) => {
    expect(readApplicable(cell)).toBe(expected);
  });
});

describe('implementation spellings', () => {
  test.each<[SoaCell, 'full' | 'partial' | 'none' | null, boolean]>([
    ['Implemented', 'full', false],
    ['Fully implemented', 'full', false],
    ['implemented (see policy P-01)', 'full', false],
    ['Yes', 'full', false],
    ['Done', 'full', false],
    ['In place', 'full', false],
    ['Operational', 'full', false],
    ['✓', 'full', false],
    ['100%', 'full', false],
    ['100 %', 'full', false],
    [1, 'full', false],
    [true, 'full', false],
    ['Partially', 'partial', false],
    ['Partially implemented', 'partial', false],
    ['Partly', 'partial', false],
    ['In progress', 'partial', false],
    ['Implemented partially', 'partial', false],
    ['Yes, partly', 'partial', false],
    ['50%', 'partial', false],
    ['12,5%', 'partial', false],
    [0.5, 'partial', false],
    [75, 'partial', false],
    ['Not implemented', 'none', false],
    ['Not started', 'none', false],
    ['No', 'none', false],
    ['Planned', 'none', false],
    ['Planned for Q3 2024', 'none', false],
    ['To do', 'none', false],
    ['0%', 'none', false],
    [0, 'none', false],
    [false, 'none', false],
    ['✗', 'none', false],
    ['N/A', null, true],
    ['Not applicable', null, true],
    ['Excluded', null, true],
    ['', null, false],
    ['—', null, false],
    ['Under review by the CISO', null, false],
    [250, null, false],
  ])('when the implementation cell is %p, then it reads %p (not applicable: %p)', (cell, implementation, notApplicable) => {
    expect(readImplementation(cell)).toEqual({ implementation, notApplicable });
  });

  test.each<[('full' | 'partial' | 'none' | null)[], 'full' | 'partial' | 'none' | null]>([
    [['full', 'partial'], 'partial'],
    [['full', null, 'none', 'partial'], 'none'],
    [[null, 'full'], 'full'],
    [[null, null], null],
    [[], null],
  ])('when combining %p, then the weakest is %p', (values, expected) => {
    expect(weakestImplementation(values)).toBe(expected);
  });
});

describe('dates written in text', () => {
  test.each<[string, string | null, boolean]>([
    ['Date: 13 May 2024', '2024-05-13', false],
    ['13/05/2024', '2024-05-13', false],
    ['13.05.2024', '2024-05-13', false],
    ['13-05-24', '2024-05-13', false],
    ['2024-05-13', '2024-05-13', false],
    ['2024/5/13', '2024-05-13', false],
    ['13th May 2024', '2024-05-13', false],
    ['13-May-2024', '2024-05-13', false],
    ['May 13, 2024', '2024-05-13', false],
    ['Version 1.1, dated 2 February 2025', '2025-02-02', false],
    ['05/13/2024', '2024-05-13', false],
    ['05/06/2024', '2024-06-05', true],
    ['1.1', null, false],
    ['31/02/2024', null, false],
    ['ISO/IEC 27001:2022', null, false],
  ])('when the text is %p, then the date is %p (ambiguous: %p)', (text, iso, ambiguous) => {
    const found = findDateInText(text);
    expect(found?.iso ?? null).toBe(iso);
    expect(Boolean(found?.ambiguous)).toBe(ambiguous);
  });
});

describe('control ids in a cell', () => {
  test.each<[SoaCell, string[], string[], string]>([
    ['5.15', ['5.15'], [], ''],
    ['A.5.15', ['5.15'], [], ''],
    ['A 5.15', ['5.15'], [], ''],
    ['A5.15 Access control', ['5.15'], [], 'Access control'],
    ['5.15 - Access control', ['5.15'], [], 'Access control'],
    ['Annex A.8.24: Use of cryptography', ['8.24'], [], 'Use of cryptography'],
    ['5.36; 8.8', ['5.36', '8.8'], [], ''],
    ['5.36 & 8.8', ['5.36', '8.8'], [], ''],
    ['7.1, 7.2 and 7.3', ['7.1', '7.2', '7.3'], [], ''],
    ['8.20-8.22', ['8.20', '8.21', '8.22'], [], ''],
    ['8.20 – 8.22 Network controls', ['8.20', '8.21', '8.22'], [], 'Network controls'],
    ['A.9.2.3', [], ['A.9.2.3'], ''],
    ['9.2.3', [], ['A.9.2.3'], ''],
    ['A.9.1.1, A.9.1.2', [], ['A.9.1.1', 'A.9.1.2'], ''],
    ['A.12.4.1 Event logging', [], ['A.12.4.1'], 'Event logging'],
    [5.1, ['5.1'], [], ''],
    [8.3, ['8.3'], [], ''],
    ['13.05.2024', [], [], ''],
    ['1.1', [], [], ''],
    ['Access control', [], [], ''],
    [5, [], [], ''],
    [null, [], [], ''],
  ])('when the cell is %p, then 2022 ids %p and 2013 ids %p are read, leaving %p', (cell, ids2022, ids2013, rest) => {
    const ids = readCellIds(cell);
    expect({ ids2022: ids.twoPart.map((t) => t.literal), ids2013: ids.threePart, rest: ids.rest }).toEqual({ ids2022, ids2013, rest });
  });

  test.each<[SoaCell, string[], boolean]>([
    [5.1, ['5.1', '5.10'], true],
    [5.2, ['5.2', '5.20'], true],
    [8.3, ['8.3', '8.30'], true],
    [7.1, ['7.1', '7.10'], true],
    ['5.1', ['5.1', '5.10'], false],
    ['5.10', ['5.10'], false],
    [5.4, ['5.4'], true],
    [6.1, ['6.1'], true],
    ['5.38', [], false],
  ])('when the id is %p, then it may stand for %p', (cell, candidates, numeric) => {
    const ids = readCellIds(cell);
    expect(ids.twoPart[0]?.candidates ?? []).toEqual(candidates);
    expect(ids.numeric).toBe(numeric);
  });

  test.each<[string, string[]]>([
    ['A.5 Information security policies', ['A.5']],
    ['A.12.1 Operational procedures and responsibilities', ['A.12.1']],
    ['5 Organizational controls', ['5']],
  ])('when the cell is the heading %p, then it is read as heading %p', (cell, headings) => {
    expect(readCellIds(cell).headings).toEqual(headings);
  });
});

describe('control titles', () => {
  test.each([
    ['Threat intelligence (New control)', 'threat intelligence'],
    ['Web filtering - NEW', 'web filtering'],
    ['5.7 Threat intelligence [new]', 'threat intelligence'],
    ['Clock synchronisation', 'clock synchronization'],
    ['Labelling of information', 'labeling of information'],
    ['Privacy & protection of PII', 'privacy and protection of pii'],
  ])('when the title is %p, then it normalises to %p', (title, expected) => {
    expect(normalizeTitle(title)).toBe(expected);
  });

  test.each([
    ['Screening', '6.1'],
    ['Clock synchronisation', '8.17'],
    ['Managing information security in the ICT supply chain', '5.21'],
    ['User end point devices', '8.1'],
    ['Data leakage prevention (New control)', '8.12'],
    ['Secure development lifecycle', '8.25'],
  ])('when the title is %p, then it matches control %p best', (title, id) => {
    expect(bestTitleMatch(title)?.controlId).toBe(id);
  });

  test('when a title belongs to another control, then its similarity to the written id is low', () => {
    expect(titleSimilarity('Screening', '6.3')).toBeLessThan(0.5);
    expect(titleSimilarity('Information security awareness, education & training', '6.3')).toBeGreaterThan(0.9);
  });
});
