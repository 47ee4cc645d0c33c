import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { listZipEntries } from '../../server/xlsx/zip-guard';
import { writeZip } from '../soa/zip-writer';

/** How a hostile sheet spells its cell tags: each is a start tag an XML parser reads as a cell. */
export const cellForms = {
  tab: (n: number) => `<c\tr="A${n}"\tt="n"><v>${n}</v></c>`,
  newline: (n: number) => `<c\nr="A${n}"><v>${n}</v></c>`,
  'carriage return': (n: number) => `<c\rr="A${n}"><v>${n}</v></c>`,
  'no attributes, <c>': (n: number) => `<c><v>${n}</v></c>`,
  'self-closing, <c/>': () => '<c/>',
  'namespace prefix, <x:c …>': (n: number) => `<x:c r="A${n}"><x:v>${n}</x:v></x:c>`,
} satisfies Record<string, (n: number) => string>;

export type CellForm = keyof typeof cellForms;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Worksheet XML with `cells` cells spelled as `form`, two per row (rows
 * numbered, so the part does not compress past the ratio rule).
 */
export function hostileSheetXml(form: CellForm, cells: number): string {
  const prefixed = form === 'namespace prefix, <x:c …>';
  const p = prefixed ? 'x:' : '';
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet xmlns${prefixed ? ':x' : ''}="${NS}"><${p}sheetData>`];
  for (let i = 1; i <= cells; i += 2) {
    const row = (i + 1) / 2;
    parts.push(`<${p}row r="${row}">${cellForms[form](i)}${i + 1 <= cells ? cellForms[form](i + 1) : ''}</${p}row>`);
  }
  parts.push(`</${p}sheetData></${p}worksheet>`);
  return parts.join('');
}

/** Worksheet XML of `rows` empty rows. */
export function emptyRowsSheetXml(rows: number): string {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>`];
  for (let r = 1; r <= rows; r += 1) parts.push(`<row r="${r}"/>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/**
 * A real workbook written by exceljs (so every upload route takes it for an
 * xlsx) whose first worksheet part is replaced by `sheetXml`, optionally moved
 * to another part name that the workbook's relationships point to.
 */
export async function workbookWithSheet(sheetXml: string, sheetPart = 'xl/worksheets/sheet1.xml'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Answers').addRow(['Question id', 'Answer']);
  const real = Buffer.from(await wb.xlsx.writeBuffer());
  const parts = listZipEntries(real).map((e) => {
    const start = e.localHeaderOffset + 30 + real.readUInt16LE(e.localHeaderOffset + 26) + real.readUInt16LE(e.localHeaderOffset + 28);
    const raw = real.subarray(start, start + e.compressedSize);
    if (e.name === 'xl/worksheets/sheet1.xml') return { name: sheetPart, data: Buffer.from(sheetXml) };
    let data = e.method === 0 ? raw : zlib.inflateRawSync(raw);
    if (e.name === 'xl/_rels/workbook.xml.rels') data = Buffer.from(data.toString('utf8').replace('worksheets/sheet1.xml', `/${sheetPart}`));
    if (e.name === '[Content_Types].xml') data = Buffer.from(data.toString('utf8').replace('/xl/worksheets/sheet1.xml', `/${sheetPart}`));
    return { name: e.name, data };
  });
  return writeZip(parts);
}
