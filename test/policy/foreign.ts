import crypto from 'node:crypto';
import { controlIds } from '../../shared/catalog';
import type { Database } from '../../server/db/database';
import type { Storage } from '../../server/storage/storage';
import { refreshEngagement } from '../../server/findings/summary';
import { recordAudit } from '../../server/repositories/audit';
import { ensureLibrary } from '../../server/repositories/clause';
import { loadEngagementForRefresh } from '../../server/repositories/engagement';
import { insertInvitation } from '../../server/repositories/invitation';
import { answerIdOf, completeSmallAnswers, makeAssessment, makeCertificate, makeDocument, makeEngagement, makeOrganization, makeTemplate, makeUser, shareDocument } from '../helpers/factories';
import { rowCounts, uuidValues } from '../helpers/snapshot';
import { smallTemplate } from '../helpers/template-fixture';

/**
 * A buyer B3 and a provider P3 that share nothing with the personas'
 * organizations, with at least one object of every kind. No response to any
 * persona may show any of their ids or names.
 */
export interface Foreign {
  buyer: { id: string; name: string };
  provider: { id: string; name: string };
  /** Every uuid stored in the database for the pair's rows (and nothing older). */
  ids: Set<string>;
  /** A word in every name, title and text of the pair (lower case). */
  marker: string;
  /** A signed-in-able user of each side (password TEST_PASSWORD). */
  users: { buyerAdmin: string; providerAdmin: string };
  /** Rows per table before and after the pair was built. */
  counts: { before: Record<string, number>; after: Record<string, number> };
}

/**
 * Builds the foreign pair directly in the database and collects its ids as
 * the uuids that exist afterwards but did not before: every column of every
 * table, so a table added later is covered without changing this list.
 */
export async function buildForeign(db: Database, storage: Storage): Promise<Foreign> {
  const before = await uuidValues(db);
  const countsBefore = await rowCounts(db);
  const marker = `foreign${crypto.randomBytes(4).toString('hex')}`;
  const buyer = await makeOrganization(db, 'buyer', `Buyer ${marker}`);
  const provider = await makeOrganization(db, 'provider', `Provider ${marker}`);
  await db.updateTable('organizations').set({ aliases: [`Alias ${marker}`] }).where('id', 'in', [buyer.id, provider.id]).execute();

  const person = (org: string, role: 'admin' | 'analyst' | 'legal' | 'contributor') => makeUser(db, org, role, { email: `${role}-${marker}-${org.slice(0, 4)}@example.test`, name: `${role} ${marker}` });
  const buyerAdmin = await person(buyer.id, 'admin');
  const analyst = await person(buyer.id, 'analyst');
  await person(buyer.id, 'legal');
  const providerAdmin = await person(provider.id, 'admin');
  await person(provider.id, 'contributor');
  for (const [org, role] of [[buyer.id, 'analyst'], [provider.id, 'contributor']] as const) {
    await insertInvitation(db, { organizationId: org, email: `invited-${marker}-${role}@example.test`, role, tokenHash: crypto.randomBytes(16).toString('hex'), invitedBy: null, expiresAt: new Date(Date.now() + 86400000) });
  }

  const engagementId = await makeEngagement(db, buyer.id, provider.id, { name: `Engagement ${marker}` });
  const template = await makeTemplate(db, buyer.id, { ...smallTemplate, name: `Template ${marker}` });
  const e = { engagementId, buyerOrgId: buyer.id, providerOrgId: provider.id, templateVersionId: template.versionId };
  const accepted = Object.fromEntries(Object.entries(completeSmallAnswers).map(([k, v]) => [k, { ...v, verdict: 'accepted' as const, comment: `Answer ${marker}` }]));
  const completed = await makeAssessment(db, e, 'completed', accepted);
  const inProgress = await makeAssessment(db, e, 'in_progress', { screening: { value: 'yes', comment: `Answer ${marker}` } });
  await makeAssessment(db, e, 'draft');
  await db.updateTable('assessments').set({ title: `Questionnaire ${marker}`, return_message: `Returned ${marker}` }).where('engagement_id', '=', engagementId).execute();
  await db.insertInto('answer_comments').values({ assessment_id: inProgress, question_key: 'screening', author_user_id: analyst.id, author_org_id: buyer.id, body: `Comment ${marker}` }).execute();
  await db.insertInto('assessment_reminders').values({ assessment_id: inProgress, kind: 'due_soon' }).execute();

  const doc = (kind: string) => makeDocument(db, storage, provider.id, { kind, title: `${kind} ${marker}` });
  const certificateDoc = await doc('certificate');
  const soaDoc = await doc('soa');
  const policyDoc = await doc('policy');
  const evidenceDoc = await doc('evidence');
  await doc('other');
  for (const d of [certificateDoc, soaDoc, policyDoc]) await shareDocument(db, engagementId, d);
  await db.insertInto('answer_evidence').values({ answer_id: answerIdOf(completed, 'screening'), document_id: evidenceDoc }).execute();
  const certificateId = await makeCertificate(db, provider.id, certificateDoc, { certificate_number: `IS ${marker}`, certification_body: `Body ${marker}`, legal_entity: `Entity ${marker}`, scope_text: `Scope ${marker}` });
  await db.insertInto('notices').values({ subject_id: certificateId, kind: 'certificate_expiring' }).execute();
  await db.insertInto('api_tokens').values({ organization_id: buyer.id, created_by: buyerAdmin.id, name: `Token ${marker}`, role: 'analyst', access: 'read', token_hash: crypto.randomBytes(32).toString('hex'), prefix: 'sw_foreign', expires_at: new Date(Date.now() + 86400000) }).execute();
  await db.insertInto('password_resets').values({ user_id: analyst.id, token_hash: crypto.randomBytes(32).toString('hex'), expires_at: new Date(Date.now() + 3600_000) }).execute();
  await db
    .insertInto('certificate_verifications')
    .values({ certificate_id: certificateId, organization_id: buyer.id, outcome: 'mismatch', directory_name: `Directory ${marker}`, directory_url: `https://example.test/${marker}`, checked_on: '2026-11-30', note: `Checked ${marker}`, checked_facts: JSON.stringify({ certificateNumber: `IS ${marker}`, certificationBody: `Body ${marker}`, legalEntity: `Entity ${marker}`, expiryDate: '2028-01-01' }), recorded_by: analyst.id })
    .execute();
  const soa = await db.insertInto('soas').values({ organization_id: provider.id, document_id: soaDoc, numbering: '2022', version: marker }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('soa_rows')
    .values(controlIds.slice(0, 5).map((controlId) => ({ soa_id: soa.id, control_id: controlId, applicable: true, implementation: 'full', justification: `Justified ${marker}`, method: 'direct' })))
    .execute();

  // Findings and the dashboard row, as the rules derive them; one finding moved through its workflow.
  await refreshEngagement(db, (await loadEngagementForRefresh(db, engagementId))!);
  await db.updateTable('findings').set({ status: 'remediation_planned', remediation_owner: `Owner ${marker}`, remediation_plan: `Plan ${marker}` }).where('engagement_id', '=', engagementId).execute();

  await ensureLibrary(db, buyer.id);
  const clause = await db.insertInto('clauses').values({ organization_id: buyer.id, key: `clause-${marker}` }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('clause_versions').values({ clause_id: clause.id, version: 1, title: `Clause ${marker}`, text: `The Provider shall ${marker}.`, applies_when: JSON.stringify('always') }).execute();
  await db.insertInto('scoring_profiles').values({ organization_id: buyer.id, weights: JSON.stringify({ '8.24': 7 }), updated_by: buyerAdmin.id }).execute();
  for (const shared of [false, true]) {
    const s = await db
      .insertInto('security_schedules')
      .values({ engagement_id: engagementId, buyer_org_id: buyer.id, title: `Schedule ${marker}`, ...(shared ? { status: 'final', finalized_at: new Date(), shared_at: new Date() } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('schedule_clauses').values({ schedule_id: s.id, position: 0, clause_key: `clause-${marker}`, title: `Clause ${marker}`, text: `The Provider shall ${marker}.` }).execute();
  }
  for (const [org, user] of [[buyer.id, buyerAdmin], [provider.id, providerAdmin]] as const) {
    await recordAudit(db, { ip: null, requestId: null, actorUserId: user.id, actorEmail: user.email }, { action: 'engagement.created', organizationId: org, targetType: 'engagement', targetId: engagementId, details: { name: marker } });
  }

  const after = await uuidValues(db);
  return {
    buyer: { id: buyer.id, name: buyer.name },
    provider: { id: provider.id, name: provider.name },
    ids: new Set([...after].filter((id) => !before.has(id))),
    marker,
    users: { buyerAdmin: buyerAdmin.email, providerAdmin: providerAdmin.email },
    counts: { before: countsBefore, after: await rowCounts(db) },
  };
}
