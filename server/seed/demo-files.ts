import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { controls } from '../../shared/catalog';

/** The demo certificate: ISO/IEC 27001:2022, scope limited to the Makati (Metro Manila) site. */
export const demoCertificate = {
  number: 'IS 765432',
  body: 'BSI Group Philippines',
  accreditation: 'UKAS',
  entity: 'Acme BPO Philippines, Inc.',
  issueDate: '2025-04-05',
  expiryDate: '2028-04-04',
  scope:
    'The provision of inbound and outbound contact centre services and back-office processing for international clients, delivered from 12th Floor, Ayala North Exchange, 6796 Ayala Avenue, Makati City, Metro Manila, Philippines, in accordance with the Statement of Applicability version 1.1, dated 13 May 2025.',
  site: { name: 'Acme BPO Makati', address: '12th Floor, Ayala North Exchange, 6796 Ayala Avenue, Makati City, 1226 Metro Manila, Philippines', city: 'Makati City', country: 'Philippines' },
  services: ['inbound and outbound contact centre services', 'back-office processing'],
  soa: { version: '1.1', date: '2025-05-13' },
};

/** A certificate PDF with a real text layer, laid out like a certification body's. */
export function demoCertificatePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: 'Certificate of Registration' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const c = demoCertificate;
    doc.fontSize(22).text('CERTIFICATE OF REGISTRATION', { align: 'center' }).moveDown();
    doc.fontSize(12).text('Information Security Management System - ISO/IEC 27001:2022', { align: 'center' }).moveDown(2);
    doc.text('This is to certify that').moveDown(0.5);
    doc.fontSize(16).text(c.entity).fontSize(12).moveDown(0.5);
    doc.text(c.site.address).moveDown();
    doc.text('operates an Information Security Management System which complies with the requirements of ISO/IEC 27001:2022 for the following scope:').moveDown(0.5);
    doc.text(c.scope).moveDown(2);
    doc.text(`Certificate No: ${c.number}`);
    doc.text('Original Approval: 14/05/2021');
    doc.text('Effective Date: 05 April 2025');
    doc.text('Latest Issue: 05 April 2025');
    doc.text('Expiry Date: 04 April 2028').moveDown(2);
    doc.text(`Issued by ${c.body}, a member of the BSI Group. Accredited by UKAS Management Systems 0012.`);
    doc.end();
  });
}

/** Controls the demo SoA excludes, with the provider's justification (one without, as real SoAs have). */
export const demoExclusions: Record<string, string> = {
  '8.28': 'Not applicable: no software development in scope',
  '8.30': 'Not applicable: development is not outsourced',
  '7.12': '',
};

/** The demo SoA as a real workbook, 2022 numbering, version and date at the top. */
export async function demoSoaWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SoA');
  ws.addRow(['Acme BPO Philippines, Inc. - Statement of Applicability']);
  ws.addRow(['Version 1.1', 'Date: 13 May 2025']);
  ws.addRow([]);
  ws.addRow(['Control', 'Control title', 'Applicable (Y/N)', 'Implementation status', 'Justification']);
  for (const c of controls) {
    const excluded = c.id in demoExclusions;
    ws.addRow([c.id, c.title, excluded ? 'N' : 'Y', excluded ? '' : c.id === '5.7' || c.id === '8.16' ? 'Partially implemented' : 'Implemented', excluded ? demoExclusions[c.id] : 'Required to protect client data']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
