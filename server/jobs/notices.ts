import { buyerManagerRoles } from '../../shared/roles';
import type { Deps } from '../deps';
import { recipients } from '../repositories/assessment';

/** Days before a shared certificate expires when the buyer is told. */
export const CERTIFICATE_NOTICE_DAYS = [90, 30, 7] as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000));

async function claim(db: Deps['db'], subjectId: string, kind: string): Promise<boolean> {
  const row = await db.insertInto('notices').values({ subject_id: subjectId, kind }).onConflict((oc) => oc.doNothing()).returning('subject_id').executeTakeFirst();
  return row !== undefined;
}

/**
 * Emails the buyer's administrators and analysts (each notice once, claimed
 * in the transaction that sends it): 90, 30 and 7 days before a certificate
 * shared with one of its engagements expires, and when a finding's
 * remediation passes its due date. Returns how many notices went out.
 */
export async function sendNotices(deps: Deps, now: Date): Promise<number> {
  const today = isoDay(now);
  let sent = 0;
  const certs = await deps.db
    .selectFrom('certificates as c')
    .innerJoin('document_shares as s', 's.document_id', 'c.document_id')
    .innerJoin('engagements as e', 'e.id', 's.engagement_id')
    .innerJoin('organizations as p', 'p.id', 'e.provider_org_id')
    .select(['c.id as certificate_id', 'c.certificate_number', 'c.expiry_date', 'e.id as engagement_id', 'e.name as engagement_name', 'e.buyer_org_id', 'p.name as provider_name'])
    .where('c.expiry_date', '>=', today)
    .where('c.expiry_date', '<=', addDays(today, CERTIFICATE_NOTICE_DAYS[0]))
    .execute();
  for (const c of certs) {
    const daysLeft = Math.round((Date.parse(`${c.expiry_date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000);
    const threshold = [...CERTIFICATE_NOTICE_DAYS].reverse().find((d) => daysLeft <= d)!;
    const url = `${deps.config.appUrl}/engagements/${c.engagement_id}`;
    await deps.db.transaction().execute(async (trx) => {
      if (!(await claim(trx, c.engagement_id, `certificate:${c.certificate_id}:${threshold}`))) return;
      for (const r of await recipients(trx, c.buyer_org_id, buyerManagerRoles)) {
        await deps.mailer.send({
          to: r.email,
          subject: `${c.provider_name}'s ISO/IEC 27001 certificate expires in ${daysLeft} days`,
          text: `Hello ${r.name},\n\nCertificate ${c.certificate_number} of ${c.provider_name}, shared for "${c.engagement_name}", expires on ${c.expiry_date} (in ${daysLeft} days). Ask the provider for the renewed certificate.\n\n${url}\n`,
          link: url,
        });
      }
      sent++;
    });
  }
  const overdue = await deps.db
    .selectFrom('findings as f')
    .innerJoin('engagements as e', 'e.id', 'f.engagement_id')
    .select(['f.id', 'f.title', 'f.remediation_due', 'f.remediation_owner', 'e.id as engagement_id', 'e.name as engagement_name', 'e.buyer_org_id'])
    .where('f.active', '=', true)
    .where('f.status', '=', 'remediation_planned')
    .where('f.remediation_due', '<', today)
    .execute();
  for (const f of overdue) {
    const url = `${deps.config.appUrl}/engagements/${f.engagement_id}`;
    await deps.db.transaction().execute(async (trx) => {
      if (!(await claim(trx, f.id, `finding-overdue:${f.remediation_due}`))) return;
      for (const r of await recipients(trx, f.buyer_org_id, buyerManagerRoles)) {
        await deps.mailer.send({
          to: r.email,
          subject: `Remediation overdue: ${f.title}`,
          text: `Hello ${r.name},\n\nThe remediation of "${f.title}" on "${f.engagement_name}" was due on ${f.remediation_due} (owner: ${f.remediation_owner}) and the finding is still open.\n\n${url}\n`,
          link: url,
        });
      }
      sent++;
    });
  }
  return sent;
}
