/**
 * SoA workbooks shaped like the ones providers really send (built in memory,
 * for tests and for bench/soa-import.ts): a styled cover sheet with the
 * document version, a revision-history or document-control sheet, the SoA
 * sheet with merged header cells, borders and fills on every cell, drop-down
 * validations, conditional formatting and formula columns, a summary sheet of
 * COUNTIF formulas, a risk register, a hidden list sheet and defined names.
 * Each comes with what a correct reading must find.
 */
import ExcelJS from 'exceljs';
import { controls } from '../../shared/catalog/index';
import { annexA2005 } from '../../shared/soa/annex/iso27001-2005';

export interface RealShaped {
  name: string;
  buffer: Buffer;
  expected: {
    version: string;
    date: string;
    /** Sheet and cell the version and date must be reported from. */
    versionAt: { sheet: string; cell: string };
    dateAt: { sheet: string; cell: string };
    numbering: '2022' | '2013' | 'both' | '2005';
    /** 2022 controls the reading must state (not 'missing'). */
    controlsRead: number;
    /** Sheet rows that must be listed as not used, each with a reason matching the pattern. */
    unusedRows: { row: number; reason: RegExp }[];
  };
}

const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
const bandFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function styleRow(row: ExcelJS.Row, band: boolean, header = false): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = thin;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = header ? { bold: true, color: { argb: 'FFFFFFFF' }, name: 'Calibri', size: 11 } : { name: 'Calibri', size: 10 };
    if (header) cell.fill = headerFill;
    else if (band) cell.fill = bandFill;
  });
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ISMS team';
  wb.created = new Date(Date.UTC(2023, 0, 9));
  wb.modified = new Date(Date.UTC(2025, 2, 12));
  return wb;
}

/** A cover sheet: a merged title block, label/value pairs, a next-review date that is not the document's date. */
function cover(wb: ExcelJS.Workbook, company: string, pairs: [string, ExcelJS.CellValue][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('Cover', { properties: { tabColor: { argb: 'FF1F3864' } } });
  ws.columns = [{ width: 4 }, { width: 28 }, { width: 40 }, { width: 18 }];
  ws.getCell('B2').value = company;
  ws.mergeCells('B2:D3');
  ws.getCell('B2').font = { bold: true, size: 20, color: { argb: 'FF1F3864' } };
  ws.getCell('B5').value = 'Information Security Management System';
  ws.mergeCells('B5:D5');
  ws.getCell('B6').value = 'Statement of Applicability';
  ws.mergeCells('B6:D6');
  pairs.forEach(([label, value], i) => {
    const r = 9 + i;
    ws.getCell(`B${r}`).value = label;
    ws.getCell(`B${r}`).font = { bold: true };
    ws.getCell(`C${r}`).value = value;
    if (value instanceof Date) ws.getCell(`C${r}`).numFmt = 'dd mmmm yyyy';
    for (const c of ['B', 'C']) ws.getCell(`${c}${r}`).border = thin;
  });
  ws.getCell(`B${11 + pairs.length}`).value = 'This document is classified INTERNAL. Printed copies are uncontrolled.';
  ws.mergeCells(`B${11 + pairs.length}:D${12 + pairs.length}`);
  return ws;
}

function riskRegister(wb: ExcelJS.Workbook, rows: number): void {
  const ws = wb.addWorksheet('Risk Register');
  const header = ws.addRow(['Risk ID', 'Date', 'Asset', 'Threat', 'Vulnerability', 'Likelihood', 'Impact', 'Score', 'Treatment', 'Controls', 'Owner', 'Status']);
  styleRow(header, false, true);
  for (let i = 1; i <= rows; i += 1) {
    const c = controls[i % controls.length]!;
    const row = ws.addRow([
      `R-${String(i).padStart(3, '0')}`,
      new Date(Date.UTC(2022 + (i % 3), i % 12, 1 + (i % 27))),
      `Customer records store ${i}`,
      ['Ransomware', 'Insider misuse', 'Supplier breach', 'Power outage'][i % 4],
      `Weakness ${i} found in the yearly assessment of the platform`,
      1 + (i % 5),
      1 + ((i * 3) % 5),
      { formula: `F${i + 1}*G${i + 1}`, result: (1 + (i % 5)) * (1 + ((i * 3) % 5)) },
      ['Reduce', 'Accept', 'Transfer', 'Avoid'][i % 4],
      `A.${c.id}`,
      ['CISO', 'IT Ops', 'HR', 'Facilities'][i % 4],
      ['Open', 'Closed', 'In treatment'][i % 3],
    ]);
    styleRow(row, i % 2 === 0);
  }
  ws.autoFilter = 'A1:L1';
}

function listsSheet(wb: ExcelJS.Workbook, statuses: string[]): void {
  const ws = wb.addWorksheet('Lists', { state: 'hidden' });
  ws.addRow(['Applicable', 'Status']);
  statuses.forEach((s, i) => ws.addRow([i < 2 ? ['Yes', 'No'][i] : null, s]));
  wb.definedNames.add(`Lists!$B$2:$B$${statuses.length + 1}`, 'StatusList');
  wb.definedNames.add('Lists!$A$2:$A$3', 'YesNo');
}

function instructions(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Instructions');
  ws.getColumn(1).width = 120;
  for (let i = 0; i < 12; i += 1) {
    ws.addRow([`${i + 1}. For each control, state whether it is applicable and justify every exclusion with reference to the risk assessment (section ${i + 4}). Keep the status current after each internal audit.`]);
  }
}

const STATUSES_2022 = ['Yes – fully', 'Partially', 'In progress', 'Planned', 'Not started', 'Not at all', 'No'];
const EXPECTED_STATUS: Record<string, 'full' | 'partial' | 'none'> = {
  'Yes – fully': 'full',
  Partially: 'partial',
  'In progress': 'partial',
  Planned: 'none',
  'Not started': 'none',
  'Not at all': 'none',
  No: 'none',
};

/** The implementation each wording must be read as. */
export const statusWordings = EXPECTED_STATUS;

/** 2022 SoA: cover with "Document Version", revision history sheet, implementation wordings from a drop-down. */
async function payments2022(): Promise<RealShaped> {
  const wb = newWorkbook();
  cover(wb, 'Northwind Payments Ltd', [
    ['Document ID', 'ISMS-DOC-06'],
    ['Document Version', '2.3'],
    ['Classification', 'Internal'],
    ['Owner', 'Chief Information Security Officer'],
    ['Date of approval', new Date(Date.UTC(2025, 2, 12))],
    ['Next review date', new Date(Date.UTC(2026, 2, 12))],
  ]);
  const history = wb.addWorksheet('Revision History');
  styleRow(history.addRow(['Version', 'Date', 'Author', 'Description of change']), false, true);
  const versions: [string, Date, string][] = [
    ['0.1', new Date(Date.UTC(2023, 0, 9)), 'First draft'],
    ['1.0', new Date(Date.UTC(2023, 1, 20)), 'Approved for certification audit'],
    ['1.1', new Date(Date.UTC(2023, 6, 3)), 'Updated after surveillance audit 12/06/2023'],
    ['2.0', new Date(Date.UTC(2024, 1, 14)), 'Transition to ISO/IEC 27001:2022'],
    ['2.1', new Date(Date.UTC(2024, 4, 2)), 'Added cloud services'],
    ['2.2', new Date(Date.UTC(2024, 9, 30)), 'Reviewed by management'],
    ['2.3', new Date(Date.UTC(2025, 2, 12)), 'Reviewed and approved'],
  ];
  versions.forEach(([v, d, text], i) => {
    const row = history.addRow([v, d, ['J. Smith', 'A. Rossi'][i % 2], text]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    styleRow(row, i % 2 === 1);
  });
  instructions(wb);

  const ws = wb.addWorksheet('SoA', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 10 }, { width: 44 }, { width: 12 }, { width: 16 }, { width: 50 }, { width: 6 }, { width: 6 }, { width: 6 }, { width: 6 }, { width: 30 }, { width: 16 }, { width: 10 }];
  ws.getCell('A1').value = 'Statement of Applicability – ISO/IEC 27001:2022 Annex A';
  ws.mergeCells('A1:L1');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A3').value = 'Control';
  ws.mergeCells('A3:B3');
  ws.getCell('F3').value = 'Reason for selection';
  ws.mergeCells('F3:I3');
  const header = ws.addRow(['Control ID', 'Control title', 'Applicable', 'Implementation status', 'Justification', 'LR', 'CO', 'BR/BP', 'RRA', 'Evidence', 'Owner', 'Score']);
  styleRow(header, false, true);
  styleRow(ws.getRow(3), false, true);
  let theme = '';
  controls.forEach((c, i) => {
    const t = c.id.split('.')[0]!;
    if (t !== theme) {
      theme = t;
      const heading = ws.addRow([`${t} ${c.theme} controls`]);
      ws.mergeCells(`A${heading.number}:L${heading.number}`);
      heading.font = { bold: true };
    }
    const excluded = i % 11 === 7;
    const status = excluded ? 'N/A' : STATUSES_2022[i % STATUSES_2022.length]!;
    const r = ws.rowCount + 1;
    const row = ws.addRow([
      `A.${c.id}`,
      c.title,
      excluded ? 'No' : 'Yes',
      status,
      excluded ? `Not applicable: no ${c.title.toLowerCase()} in scope of the ISMS` : `Required by risk R-${String(i + 1).padStart(3, '0')} and customer contracts`,
      i % 3 === 0 ? 'X' : null,
      i % 2 === 0 ? 'X' : null,
      'X',
      excluded ? null : 'X',
      `ISMS-POL-${String(i % 17).padStart(2, '0')}; evidence folder ${c.id}`,
      ['CISO', 'IT Ops', 'HR', 'Facilities'][i % 4],
      { formula: `IF(D${r}="Yes – fully",1,IF(D${r}="Partially",0.5,0))`, result: status === 'Yes – fully' ? 1 : status === 'Partially' ? 0.5 : 0 },
    ]);
    styleRow(row, i % 2 === 1);
    row.getCell(3).dataValidation = { type: 'list', allowBlank: true, formulae: ['YesNo'] };
    row.getCell(4).dataValidation = { type: 'list', allowBlank: true, formulae: ['StatusList'] };
  });
  ws.addConditionalFormatting({
    ref: `D5:D${ws.rowCount}`,
    rules: [{ type: 'containsText', operator: 'containsText', text: 'Not', priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
  });
  const last = ws.rowCount;
  const summary = wb.addWorksheet('Summary');
  styleRow(summary.addRow(['Measure', 'Count']), false, true);
  for (const [label, formula] of [
    ['Applicable', `COUNTIF(SoA!C5:C${last},"Yes")`],
    ['Excluded', `COUNTIF(SoA!C5:C${last},"No")`],
    ['Fully implemented', `COUNTIF(SoA!D5:D${last},"Yes – fully")`],
    ['Partially implemented', `COUNTIF(SoA!D5:D${last},"Partially")`],
  ] as const) {
    styleRow(summary.addRow([label, { formula, result: 0 }]), false);
  }
  riskRegister(wb, 900);
  listsSheet(wb, [...STATUSES_2022, 'N/A']);
  return {
    name: '2022, cover + revision history, styled, 7 sheets',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    expected: {
      version: '2.3',
      date: '2025-03-12',
      versionAt: { sheet: 'Cover', cell: 'C10' },
      dateAt: { sheet: 'Cover', cell: 'C13' },
      numbering: '2022',
      controlsRead: 93,
      unusedRows: [],
    },
  };
}

/**
 * 2022 + 2013 columns: one row per 2013 control; rows for 2013 controls merged
 * into a 2022 control carry "N/A" as their 2022 id. Version and date on a
 * document-control sheet only.
 */
async function mapped2013(): Promise<{ file: RealShaped; naRows: number[] }> {
  const wb = newWorkbook();
  const control = wb.addWorksheet('Document Control');
  control.columns = [{ width: 26 }, { width: 40 }];
  for (const [label, value] of [
    ['Document title', 'Statement of Applicability'],
    ['Document reference', 'SEC-SOA-001'],
    ['Version', 'v4.1'],
    ['Status', 'Approved'],
    ['Issue date', '12 March 2025'],
    ['Next review', '12 March 2026'],
    ['Approved by', 'Board risk committee'],
  ]) {
    const row = control.addRow([label, value]);
    styleRow(row, false);
    row.getCell(1).font = { bold: true };
  }
  const ws = wb.addWorksheet('Statement of Applicability');
  ws.addRow(['Statement of Applicability']);
  ws.mergeCells('A1:G1');
  styleRow(ws.addRow(['ISO 27001:2022', 'ISO 27001:2013', 'Control', 'Applicable?', 'Status', 'Justification', 'Reference']), false, true);
  const naRows: number[] = [];
  controls.forEach((c, i) => {
    const olds = c.iso2013.length ? c.iso2013 : [null];
    olds.forEach((old, k) => {
      const secondary = k > 0;
      const row = ws.addRow([
        secondary ? 'N/A' : c.id,
        old ?? 'New',
        c.title,
        i % 13 === 5 ? 'No' : 'Yes',
        i % 13 === 5 ? 'Not applicable' : ['Implemented', 'Partially implemented', 'Not implemented', 'Planned'][i % 4],
        i % 13 === 5 ? 'No such activity in scope' : `Risk assessment ${2024 - (i % 2)}`,
        { formula: `"${c.id}"&" / "&B${ws.rowCount + 1}`, result: `${c.id} / ${old ?? 'New'}` },
      ]);
      if (secondary) naRows.push(row.number);
      styleRow(row, i % 2 === 0);
    });
  });
  riskRegister(wb, 200);
  return {
    naRows,
    file: {
      name: '2022 + 2013 mapping, "N/A" 2022 ids, document-control sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      expected: {
        version: '4.1',
        date: '2025-03-12',
        versionAt: { sheet: 'Document Control', cell: 'B3' },
        dateAt: { sheet: 'Document Control', cell: 'B5' },
        numbering: 'both',
        controlsRead: 93,
        unusedRows: naRows.map((row) => ({ row, reason: /2022 id "N\/A"; its 2013 control A\.\d+\.\d+\.\d+ maps to \d\.\d+/ })),
      },
    },
  };
}

/** ISO/IEC 27001:2005 SoA (ISO27k-toolkit style): ids without "A.", 2005 titles, version in the title block. */
async function iso2005(): Promise<RealShaped> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('SOA');
  ws.addRow(['Statement of Applicability']);
  ws.addRow(['Legend: LR legal requirements, CO contractual obligations, BR/BP business requirements/adopted best practices, RRA results of risk assessment']);
  ws.addRow(['Version: 1.4', null, null, 'Date: 17 March 2009']);
  styleRow(ws.addRow(['ISO 27001:2005 Controls', 'Control Objective/Control', 'Applicable', 'Implemented', 'Justification', 'LR', 'CO', 'BR/BP', 'RRA']), false, true);
  annexA2005.forEach(([id, title], i) => {
    const depth = id.split('.').length;
    const short = id.slice(2);
    if (depth < 4) {
      const row = ws.addRow([short, title]);
      row.font = { bold: true };
      return;
    }
    styleRow(ws.addRow([short, title, 'Yes', i % 3 ? 'Yes' : 'Partially', 'Risk assessment 2008', null, 'X', 'X', 'X']), i % 2 === 0);
  });
  const inventory = ws.getColumn(1).values.findIndex((v) => v === '7.1.1');
  return {
    name: 'ISO/IEC 27001:2005 SoA, 133 controls',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    expected: {
      version: '1.4',
      date: '2009-03-17',
      versionAt: { sheet: 'SOA', cell: 'A3' },
      dateAt: { sheet: 'SOA', cell: 'D3' },
      numbering: '2005',
      controlsRead: 0,
      unusedRows: [{ row: inventory, reason: /2005 control A\.7\.1\.1 "Inventory of assets": 2005 controls are not mapped/ }],
    },
  };
}

/** The real-shaped workbooks, built fresh (about 40–110 KiB each). */
export async function realShapedWorkbooks(): Promise<RealShaped[]> {
  return [await payments2022(), (await mapped2013()).file, await iso2005()];
}
