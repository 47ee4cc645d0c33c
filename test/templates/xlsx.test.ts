import ExcelJS from 'exceljs';
import { builtinTemplates } from '../../shared/templates/builtin/index';
import { exportTemplateWorkbook, importTemplateWorkbook, questionColumns, type TemplateImportResult } from '../../server/templates/xlsx';
import { buildZip } from './zip-fixture';

type CellInput = string | number | boolean | null;

const standardHeaders = questionColumns.map((c) => c.header);

/** A workbook as a buyer's spreadsheet program would save it: written by exceljs, not by the code under test. */
async function workbook(headers: string[], rows: CellInput[][], template: { name: CellInput; description?: CellInput } | null = { name: 'Imported' }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const qs = wb.addWorksheet('Questions');
  qs.addRow(headers);
  for (const r of rows) qs.addRow(r);
  if (template) {
    const ts = wb.addWorksheet('Template');
    ts.addRow(['Name', 'Description']);
    ts.addRow([template.name, template.description ?? '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row in the standard column order from named cells. */
function row(cells: Partial<Record<(typeof standardHeaders)[number], CellInput>>): CellInput[] {
  return standardHeaders.map((h) => cells[h] ?? null);
}

function problemsOf(result: TemplateImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return result.problems;
}

describe('template xlsx', () => {
  test.each(builtinTemplates.map((t) => [t.slug, t.content] as const))('when %s is exported and imported, then the content comes back unchanged', async (_slug, content) => {
    const buffer = await exportTemplateWorkbook(content);
    const result = await importTemplateWorkbook(buffer);
    expect(result).toEqual({ ok: true, content });
  });

  test('when a template is exported, then the sheets, frozen bold header and dropdowns are there', async () => {
    const content = builtinTemplates[1]!.content;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportTemplateWorkbook(content)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Questions', 'Template', 'Read me']);
    const qs = wb.getWorksheet('Questions')!;
    expect(qs.getRow(1).values).toEqual([undefined, ...standardHeaders]);
    expect(qs.getRow(1).font?.bold).toBe(true);
    expect(qs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(qs.getCell('G2').dataValidation).toMatchObject({ type: 'list', formulae: ['"yes_no,single_choice,multiple_choice,text,date,number"'] });
    expect(qs.getCell('K3').dataValidation?.formulae).toEqual(['"none,optional,required"']);
    expect(qs.getCell('L2').dataValidation?.formulae).toEqual(['"yes,no"']);
    expect(qs.actualRowCount - 1).toBe(content.sections.flatMap((s) => s.questions).length);
    expect(wb.getWorksheet('Template')!.getRow(2).values).toEqual([undefined, content.name, content.description]);
    const readme = wb.getWorksheet('Read me')!;
    const documented = readme.getColumn(1).values.slice(2, 2 + standardHeaders.length);
    expect(documented).toEqual(standardHeaders);
  });

  test('when several rows are wrong, then each problem names its row and column and no content is returned', async () => {
    const rows: CellInput[][] = [
      /* 2 */ row({ 'Section key': 's1', 'Section title': 'Access', 'Question key': 'q-ok', Question: 'Reviewed?', 'Answer type': 'yes_no', 'Control ids': '5.18' }),
      /* 3 */ row({ 'Section key': 's1', 'Question key': 'q-bad-control', Question: 'Logs?', 'Answer type': 'yes_no', 'Control ids': '8.15; 9.1' }),
      /* 4 */ row({ 'Section key': 's1', 'Question key': 'q-bad-type', Question: 'Type?', 'Answer type': 'maybe' }),
      /* 5 */ row({}),
      /* 6 */ row({ 'Section key': 's1', 'Question key': 'q-ok', Question: 'Again?', 'Answer type': 'yes_no' }),
      /* 7 */ row({ 'Section key': 's1', 'Question key': 'q-bad-options', Question: 'How often?', 'Answer type': 'single_choice', Options: 'often=Often=1\njust-a-label' }),
      /* 8 */ row({ 'Section key': 's1', 'Question key': 'q-bad-weight', Question: 'Weighty?', 'Answer type': 'yes_no', Weight: 'heavy' }),
      /* 9 */ row({ 'Section key': 's1', 'Question key': 'q-forward', Question: 'Forward?', 'Answer type': 'yes_no', 'Condition question': 'q-later', 'Condition values': 'yes' }),
      /* 10 */ row({ 'Section key': 's1', 'Question key': 'q-bad-na', Question: 'N.a.?', 'Answer type': 'yes_no', 'Allow n.a.': 'perhaps' }),
      /* 11 */ row({ 'Section key': 's1', 'Question key': 'q-no-text', Question: '  ', 'Answer type': 'yes_no' }),
      /* 12 */ row({ 'Section key': 's1', 'Question key': 'q-bad-value', Question: 'When?', 'Answer type': 'yes_no', 'Condition question': 'q-ok', 'Condition values': 'sometimes' }),
      /* 13 */ row({ 'Section key': 's1', 'Question key': 'q-2013', Question: 'Old id?', 'Answer type': 'yes_no', 'Control ids': 'A.9.2.5' }),
      /* 14 */ row({ 'Section key': 's1', 'Question key': 'q-later', Question: 'Later?', 'Answer type': 'yes_no', Evidence: 'always' }),
      /* 15 */ row({ 'Section key': 's1', 'Question key': 'q-choice-one', Question: 'One option?', 'Answer type': 'single_choice', Options: 'only=Only=1\nbad-credit=Bad=1.5' }),
      /* 16 */ row({ 'Section key': 's1', 'Section title': 'Something else', 'Question key': 'q-title', Question: 'Title?', 'Answer type': 'yes_no' }),
    ];
    const result = await importTemplateWorkbook(await workbook(standardHeaders, rows, { name: '' }));
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('content');
    const found = problemsOf(result).map((p) => [p.sheet, p.row, p.column]);
    expect(found).toEqual([
      ['Template', 2, 'Name'],
      ['Questions', 3, 'Control ids'],
      ['Questions', 4, 'Answer type'],
      ['Questions', 6, 'Question key'],
      ['Questions', 7, 'Options'],
      ['Questions', 8, 'Weight'],
      ['Questions', 9, 'Condition question'],
      ['Questions', 10, 'Allow n.a.'],
      ['Questions', 11, 'Question'],
      ['Questions', 12, 'Condition values'],
      ['Questions', 13, 'Control ids'],
      ['Questions', 14, 'Evidence'],
      ['Questions', 15, 'Options'],
      ['Questions', 16, 'Section title'],
    ]);
    const message = (r: number, column: string) => problemsOf(result).find((p) => p.row === r && p.column === column)?.message;
    expect(message(3, 'Control ids')).toMatch(/^9\.1 is not an ISO\/IEC 27002:2022 control id/);
    expect(message(4, 'Answer type')).toMatch(/must be one of yes_no/);
    expect(message(6, 'Question key')).toMatch(/duplicates question key "q-ok"/);
    expect(message(7, 'Options')).toMatch(/line 2 "just-a-label" must read key=label=credit/);
    expect(message(8, 'Weight')).toMatch(/"heavy" must be a number from 0 to 10/);
    expect(message(9, 'Condition question')).toMatch(/earlier question/);
    expect(message(10, 'Allow n.a.')).toMatch(/yes or no/);
    expect(message(11, 'Question')).toBe('is required');
    expect(message(12, 'Condition values')).toMatch(/"sometimes" is not an answer of question "q-ok"/);
    expect(message(13, 'Control ids')).toMatch(/A\.9\.2\.5 is not .*2022 equivalent is 5\.18/);
    expect(message(14, 'Evidence')).toMatch(/must be one of none, optional, required/);
    expect(message(15, 'Options')).toMatch(/credit of option "bad-credit" must be a number from 0 to 1/);
    expect(message(16, 'Section title')).toMatch(/differs from .* on row 2/);
    expect(message(2, 'Name')).toBe('is required');
  });

  test('when columns come in another order, with other spellings, numbers for ids and loose case, then the template is read', async () => {
    const headers = ['Notes', 'question KEY', 'Answer Type', 'Question', 'control IDs', 'Section Key', 'Section title', 'EVIDENCE', 'Allow N/A', 'Options', 'Weight', 'Condition question', 'Condition values'];
    const rows: CellInput[][] = [
      ['ignored', ' uses-cloud ', 'Yes/No', 'Do you use cloud services?', null, 'scope', ' Scope ', null, 'No', null, 0, null, null],
      [],
      ['', 'cloud-review', 'SINGLE CHOICE', 'How often are cloud settings reviewed?', 5.23, 'scope', null, 'Required', 'yes', 'monthly=Monthly=1\r\nyearly=Yearly=0.5\nnever=Not applicable here=NA', 2, 'uses-cloud', 'Yes; PARTIAL'],
      ['', 'phones', 'yes_no', 'Are phones banned on the floor?', 7.6, 'floor', 'Floor', 'optional', true, null, null, null, null],
      ['', 'policies', 'yes_no', 'Approved policies?', 'A.5.1, 5.10', 'floor', 'Floor', null, null, null, '1', null, null],
    ];
    const result = await importTemplateWorkbook(await workbook(headers, rows, { name: '  Cloud check ', description: 'Short' }));
    expect(result).toEqual({
      ok: true,
      content: {
        name: 'Cloud check',
        description: 'Short',
        sections: [
          {
            key: 'scope',
            title: 'Scope',
            description: '',
            questions: [
              { key: 'uses-cloud', text: 'Do you use cloud services?', guidance: '', answerType: 'yes_no', options: [], controlIds: [], weight: 0, evidence: 'none', allowNa: false, condition: null },
              {
                key: 'cloud-review',
                text: 'How often are cloud settings reviewed?',
                guidance: '',
                answerType: 'single_choice',
                options: [
                  { key: 'monthly', label: 'Monthly', credit: 1 },
                  { key: 'yearly', label: 'Yearly', credit: 0.5 },
                  { key: 'never', label: 'Not applicable here', credit: null },
                ],
                controlIds: ['5.23'],
                weight: 2,
                evidence: 'required',
                allowNa: true,
                condition: { questionKey: 'uses-cloud', anyOf: ['yes', 'partial'] },
              },
            ],
          },
          {
            key: 'floor',
            title: 'Floor',
            description: '',
            questions: [
              { key: 'phones', text: 'Are phones banned on the floor?', guidance: '', answerType: 'yes_no', options: [], controlIds: ['7.6'], weight: 1, evidence: 'optional', allowNa: true, condition: null },
              { key: 'policies', text: 'Approved policies?', guidance: '', answerType: 'yes_no', options: [], controlIds: ['5.1', '5.10'], weight: 1, evidence: 'none', allowNa: true, condition: null },
            ],
          },
        ],
      },
    });
  });

  test('when a section\'s rows are split by another section, then the returning rows are reported', async () => {
    const rows = [
      row({ 'Section key': 'a', 'Section title': 'A', 'Question key': 'q1', Question: 'One?', 'Answer type': 'yes_no' }),
      row({ 'Section key': 'b', 'Section title': 'B', 'Question key': 'q2', Question: 'Two?', 'Answer type': 'yes_no' }),
      row({ 'Section key': 'a', 'Question key': 'q3', Question: 'Three?', 'Answer type': 'yes_no' }),
    ];
    const problems = problemsOf(await importTemplateWorkbook(await workbook(standardHeaders, rows)));
    expect(problems).toEqual([{ sheet: 'Questions', row: 4, column: 'Section key', message: expect.stringMatching(/already ended on row 2/) }]);
  });

  test('when a required column is missing, then the header row is reported with the column name', async () => {
    const headers = standardHeaders.filter((h) => h !== 'Answer type');
    const problems = problemsOf(await importTemplateWorkbook(await workbook(headers, [['s', 'S', '', 'q', 'Q?']])));
    expect(problems).toEqual([{ sheet: 'Questions', row: 1, column: 'Answer type', message: 'this required column is missing' }]);
  });

  test('when the Template sheet is missing, then the problem names that sheet', async () => {
    const rows = [row({ 'Section key': 's', 'Section title': 'S', 'Question key': 'q', Question: 'Q?', 'Answer type': 'yes_no' })];
    const problems = problemsOf(await importTemplateWorkbook(await workbook(standardHeaders, rows, null)));
    expect(problems).toEqual([{ sheet: 'Template', row: 0, column: '', message: expect.stringMatching(/no "Template" sheet/) }]);
  });

  test.each([
    [25, 20, false],
    [20, 20, true],
  ])('when the sheet has %i question rows and the limit is %i, then ok is %s', async (count, maxRows, ok) => {
    const rows = Array.from({ length: count }, (_, i) => row({ 'Section key': 's', 'Section title': 'S', 'Question key': `q${i}`, Question: `Question ${i}?`, 'Answer type': 'yes_no' }));
    const result = await importTemplateWorkbook(await workbook(standardHeaders, rows), { maxRows });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.problems).toEqual([{ sheet: '', row: 0, column: '', message: expect.stringMatching(/more than 20 question rows/) }]);
  });

  test('when a sheet holds far more rows than the limit, then reading stops early and the limit is reported', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row({ 'Section key': 's', 'Section title': 'S', 'Question key': `q${i}`, Question: `Question ${i}?`, 'Answer type': 'yes_no' }));
    const result = await importTemplateWorkbook(await workbook(standardHeaders, rows), { maxRows: 5 });
    expect(problemsOf(result)).toEqual([{ sheet: '', row: 0, column: '', message: expect.stringMatching(/more than 5 rows/) }]);
  });

  test('when the buffer is not a zip archive, then it is refused with a clear message', async () => {
    const result = await importTemplateWorkbook(Buffer.from('Section key;Question key\ns;q\n'));
    expect(problemsOf(result)).toEqual([{ sheet: '', row: 0, column: '', message: expect.stringMatching(/not a readable \.xlsx workbook/) }]);
  });

  test('when the buffer is larger than 10 MB, then it is refused before parsing', async () => {
    const result = await importTemplateWorkbook(Buffer.concat([buildZip([{ name: 'a', data: Buffer.from('a') }]), Buffer.alloc(10 * 1024 * 1024)]));
    expect(problemsOf(result)[0]?.message).toMatch(/templates up to 10 MB are accepted/);
  });

  test('when a zip bomb of 150 MB of zeros is uploaded, then it is refused before exceljs opens it', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(150 * 1024 * 1024) },
    ]);
    const result = await importTemplateWorkbook(bomb);
    expect(problemsOf(result)).toEqual([{ sheet: '', row: 0, column: '', message: expect.stringMatching(/zip bomb/) }]);
  });

  test('when a zip is safe but not a workbook, then the problem says it cannot be read', async () => {
    const result = await importTemplateWorkbook(buildZip([{ name: 'notes.txt', data: Buffer.from('hello') }]));
    expect(problemsOf(result)).toEqual([{ sheet: '', row: 0, column: '', message: expect.stringMatching(/no "Questions" sheet/) }]);
  });
});
