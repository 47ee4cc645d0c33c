import { providerMemberRoles } from '../../shared/roles';
import type { Deps } from '../deps';
import { claimReminder, openAssessmentsDueBy, recipients } from '../repositories/assessment';

/** Days before the due date when the provider gets a reminder. */
export const REMIND_DAYS_BEFORE = 3;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Emails the provider's users about questionnaires due within
 * REMIND_DAYS_BEFORE days, and once more when one is overdue. Each reminder
 * is claimed in the same transaction that sends it, so it goes out once
 * however many workers run, and is retried if the mail server fails.
 * Returns how many reminders were sent.
 */
export async function sendDueReminders(deps: Deps, now: Date): Promise<number> {
  const today = isoDay(now);
  const horizon = isoDay(new Date(now.getTime() + REMIND_DAYS_BEFORE * 24 * 3600 * 1000));
  let sent = 0;
  for (const a of await openAssessmentsDueBy(deps.db, horizon)) {
    const kind = a.due_date < today ? 'overdue' : 'due_soon';
    await deps.db.transaction().execute(async (trx) => {
      if (!(await claimReminder(trx, a.id, kind))) return;
      const url = `${deps.config.appUrl}/assessments/${a.id}`;
      for (const r of await recipients(trx, a.provider_org_id, providerMemberRoles)) {
        await deps.mailer.send({
          to: r.email,
          subject: kind === 'overdue' ? `Overdue: ${a.title}` : `Due ${a.due_date}: ${a.title}`,
          text:
            `Hello ${r.name},\n\n` +
            (kind === 'overdue'
              ? `"${a.title}" from ${a.buyer_name} was due on ${a.due_date} and is not submitted yet.`
              : `"${a.title}" from ${a.buyer_name} is due on ${a.due_date}.`) +
            `\n\nOpen it here: ${url}\n`,
          link: url,
        });
      }
      sent++;
    });
  }
  return sent;
}
