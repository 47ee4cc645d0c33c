import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scheduleDocx } from '../../server/schedules/render';

// LibreOffice (Debian's libreoffice-writer-nogui) opens the DOCX and reads its text, as a lawyer's machine would.
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const describeWithLibreOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn('SKIPPED: LibreOffice not installed (apt-get install -y libreoffice-writer-nogui); the DOCX is still read back in schedules.test.ts');

describeWithLibreOffice('the schedule DOCX in LibreOffice', () => {
  test('when LibreOffice converts the generated DOCX to text, then the heading, the numbered clause and the findings annex are there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-lo-'));
    try {
      const file = path.join(dir, 'schedule.docx');
      fs.writeFileSync(
        file,
        await scheduleDocx({
          id: '00000000-0000-4000-8000-000000000000',
          engagement: { id: '00000000-0000-4000-8000-000000000001', name: 'Card support' },
          title: 'Information security schedule — Card support',
          status: 'final',
          variables: {},
          score: { overall: 25.7, rating: 'D', residualRisk: 'critical' },
          findings: [{ code: 'SCOPE_SITE_NOT_COVERED', severity: 'critical', title: 'Delivery site "Cebu" is outside the certificate scope', dueDate: '2027-03-31' }],
          clauses: [{ key: 'scope', title: 'Certification scope', text: 'The Provider shall extend the scope of its certification to the Cebu site within 6 months.', reasons: [], missing: [], included: true }],
          createdAt: '2026-11-23T00:00:00Z',
          finalizedAt: '2026-11-23T00:00:00Z',
          sharedAt: null,
          abilities: { edit: false, finalize: false, share: false },
        }),
      );
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text', '--outdir', dir, file], { timeout: 90_000, stdio: 'ignore' });
      const text = fs.readFileSync(path.join(dir, 'schedule.txt'), 'utf8');
      expect(text).toContain('Information security schedule — Card support');
      expect(text).toContain('1. Certification scope');
      expect(text).toContain('Annex A: open findings');
      expect(text).toContain('SCOPE_SITE_NOT_COVERED');
      expect(text).toContain('2027-03-31');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
