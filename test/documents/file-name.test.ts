import { downloadName, neutralizeFileName } from '../../server/uploads/file-name';

describe('file names as shown and served', () => {
  test.each([
    ['a plain name', 'ISO 27001 certificate.pdf', 'ISO 27001 certificate.pdf'],
    ['a right-to-left override', 'invoice\u202Efdp.hta', 'invoicefdp.hta'],
    ['isolates and marks', '\u2066a\u2069\u200Eb\u200F\u061Cc.txt', 'abc.txt'],
    ['C0 and C1 controls and DEL', 'a\u0007b\u0085c\u009bd\u007fe.txt', 'a_b_c_d_e.txt'],
    ['line and paragraph separators', 'a\u2028b\u2029c.txt', 'a_b_c.txt'],
    ['surrounding spaces', '  notes.txt  ', 'notes.txt'],
  ])('when a stored name has %s, then it is shown as "%s" → "%s"', (_what, name, shown) => {
    expect(neutralizeFileName(name)).toBe(shown);
  });

  test.each([
    ['evidence.html', 'text/plain', 'evidence.html.txt'],
    ['notes.TXT', 'text/plain', 'notes.TXT'],
    ['server.log', 'text/plain', 'server.log'],
    ['readme.md', 'text/plain', 'readme.md.txt'],
    ['soa.csv', 'text/csv', 'soa.csv'],
    ['photo.JPEG', 'image/jpeg', 'photo.JPEG'],
    ['photo.png', 'image/jpeg', 'photo.png.jpg'],
    ['certificate.exe', 'application/pdf', 'certificate.exe.pdf'],
    ['certificate', 'application/pdf', 'certificate.pdf'],
    ['tool.jar', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'tool.jar.xlsx'],
    ['letter.docm', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'letter.docm.docx'],
    ['run.hta.', 'text/plain', 'run.hta..txt'],
    ['\u202E', 'application/pdf', 'document.pdf'],
    ['odd.bin', 'application/x-unknown', 'odd.bin.txt'],
  ])('when "%s" (%s) is downloaded, then it is saved as "%s"', (name, mime, saved) => {
    expect(downloadName(name, mime)).toBe(saved);
  });
});
