import { templateContent } from '../../shared/schemas/template';
import { exportTemplateWorkbook } from '../../server/templates/xlsx';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { tableDigest } from '../helpers/digest';
import { makeDocument, makeOrganization, makeUser } from '../helpers/factories';
import { makePdf, rawMultipart } from '../helpers/files';
import { smallTemplate } from '../helpers/template-fixture';

/**
 * What a downloaded document is saved as on the buyer's disk: never a name
 * that runs (.hta, .html, .js, .bat…) or that lies about its extension with
 * right-to-left overrides, whatever name the provider's upload carried.
 */

let t: TestContext;
let provider: Client;
let providerOrg: string;
let pdf: Buffer;
let xlsx: Buffer;
const text = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n');
const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const control = /[\u0000-\u001f\u007f-\u009f]/;

beforeAll(async () => {
  t = await createTestContext();
  providerOrg = (await makeOrganization(t.db, 'provider')).id;
  provider = await signedIn(t.app, (await makeUser(t.db, providerOrg, 'contributor')).email);
  pdf = await makePdf(['ISO/IEC 27001:2022 certificate']);
  xlsx = await exportTemplateWorkbook(templateContent.parse(smallTemplate));
});
afterAll(() => t.close());

/** Uploads with the name exactly as an attacker would send it. */
function upload(name: string, content: Buffer) {
  const { body, contentType } = rawMultipart({ kind: 'evidence' }, { name, content });
  return provider.post('/api/documents').set('Content-Type', contentType).send(body);
}

/** The two names of a Content-Disposition header: `filename` (ISO-8859-1 fallback) and `filename*` (UTF-8, which browsers prefer). */
function savedAs(header: string) {
  const plain = /filename=(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  const star = /filename\*=UTF-8''([^;\s]+)/i.exec(header);
  return { filename: plain ? (plain[1] ?? plain[2])!.replace(/\\(.)/g, '$1') : undefined, filenameStar: star ? decodeURIComponent(star[1]!) : undefined };
}

async function download(id: string) {
  const res = await provider.get(`/api/documents/${id}/content`).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  }).expect(200);
  expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  return savedAs(res.headers['content-disposition'] as string);
}

describe('the name a download is saved under', () => {
  test.each([
    ['an HTML page', 'evidence.html', () => text, 'evidence.html.txt'],
    ['an HTML application', 'invoice.hta', () => text, 'invoice.hta.txt'],
    ['an .htm page', 'page.HTM', () => text, 'page.HTM.txt'],
    ['an XHTML page', 'page.xhtml', () => text, 'page.xhtml.txt'],
    ['an SVG image', 'logo.svg', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n'), 'logo.svg.txt'],
    // XML bytes are refused at upload (file-type detects them); a text file may still be named .xml.
    ['a text file named .xml', 'config.xml', () => Buffer.from('key = value\n'), 'config.xml.txt'],
    ['a script', 'setup.js', () => Buffer.from('WScript.Echo("hi")\n'), 'setup.js.txt'],
    ['a module script', 'setup.mjs', () => Buffer.from('export {}\n'), 'setup.mjs.txt'],
    ['a batch file', 'run.bat', () => Buffer.from('@echo off\n'), 'run.bat.txt'],
    ['a command file', 'run.cmd', () => Buffer.from('@echo off\n'), 'run.cmd.txt'],
    ['a PowerShell script', 'run.ps1', () => Buffer.from('Write-Host hi\n'), 'run.ps1.txt'],
    ['a VBScript', 'run.vbs', () => Buffer.from('MsgBox "hi"\n'), 'run.vbs.txt'],
    ['a registry file', 'settings.reg', () => Buffer.from('Windows Registry Editor Version 5.00\n'), 'settings.reg.txt'],
    ['a name with a trailing dot (Windows drops it)', 'run.hta.', () => text, 'run.hta..txt'],
    ['a PDF named .exe', 'certificate.exe', () => pdf, 'certificate.exe.pdf'],
    ['a PDF named .scr', 'certificate.pdf.scr', () => pdf, 'certificate.pdf.scr.pdf'],
    ['a workbook named .jar', 'tool.jar', () => xlsx, 'tool.jar.xlsx'],
    ['a PDF without an extension', 'certificate', () => pdf, 'certificate.pdf'],
  ])('when %s is uploaded as "%s", then it is kept as the provider named it and saved with its type\'s extension', async (_what, name, content, saved) => {
    const d = (await upload(name, content()).expect(201)).body.document;
    expect(d.originalName).toBe(name);
    expect(await download(d.id)).toEqual({ filename: saved, filenameStar: undefined });
  });

  test.each([
    ['a PDF', 'Certificate 2026.PDF', () => pdf],
    ['a text file', 'notes.txt', () => Buffer.from('notes\n')],
    ['a workbook', 'soa.xlsx', () => xlsx],
  ])('when %s already ends in its extension, then its name is kept as it is', async (_what, name, content) => {
    const d = (await upload(name, content()).expect(201)).body.document;
    expect(await download(d.id)).toEqual({ filename: name, filenameStar: undefined });
  });

  test('when a name hides its extension with a right-to-left override, then the upload drops the bidi controls and the download shows the real extension', async () => {
    // The override reverses what follows it: shown as "invoice_Janath.pdf", saved as an HTML application.
    const name = 'invoice_Jan\u202Efdp.hta';
    const d = (await upload(name, text).expect(201)).body.document;
    expect(d.originalName).toBe('invoice_Janfdp.hta');
    expect(d.title).not.toMatch(bidi);
    expect(await download(d.id)).toEqual({ filename: 'invoice_Janfdp.hta.txt', filenameStar: undefined });
  });

  test('when a non-Latin name carries every kind of bidi control, then both filename and filename* are free of them', async () => {
    const marks = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    const d = (await upload(`Политика ${marks}безопасности.html`, text).expect(201)).body.document;
    expect(d.originalName).toBe('Политика безопасности.html');
    const saved = await download(d.id);
    expect(saved.filenameStar).toBe('Политика безопасности.html.txt');
    expect(saved.filename).toMatch(/\.html\.txt$/);
    for (const n of [saved.filename!, saved.filenameStar!]) expect(n).not.toMatch(bidi);
  });

  test.each([
    ['a C1 control (NEL)', 'cert\u0085.pdf'],
    ['a C1 control (CSI)', 'cert\u009b31m.pdf'],
    ['a line separator', 'cert\u2028.pdf'],
    ['nothing but bidi controls', '\u202E\u202C'],
  ])('when a name has %s, then the upload is refused naming file and nothing is stored', async (_what, name) => {
    const before = await tableDigest(t.db, ['documents', 'audit_events']);
    const res = await upload(name, pdf).expect(400);
    expect(res.body.error.details.fields[0].path).toBe('file');
    expect(await tableDigest(t.db, ['documents', 'audit_events'])).toBe(before);
  });

  test('when a document was stored before names were cleaned, then its download and its listing neutralise bidi and control characters and add the safe extension', async () => {
    const id = await makeDocument(t.db, t.deps.storage, providerOrg, { content: text, originalName: 'report\u202Elmth.\u0085x\u0007.html' });
    const saved = await download(id);
    expect(saved).toEqual({ filename: 'reportlmth._x_.html.txt', filenameStar: undefined });
    const shown = (await provider.get(`/api/documents/${id}`).expect(200)).body.document.originalName as string;
    expect(shown).toBe('reportlmth._x_.html');
    expect(shown).not.toMatch(control);
  });
});
