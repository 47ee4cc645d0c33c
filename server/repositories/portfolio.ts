import { sql, type Kysely } from 'kysely';
import type { PortfolioQuery } from '../../shared/schemas/portfolio';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

function base(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('engagements as e')
    .innerJoin('organizations as p', 'p.id', 'e.provider_org_id')
    .leftJoin('engagement_summaries as s', 's.engagement_id', 'e.id')
    .leftJoin('engagement_revisions as r', 'r.engagement_id', 'e.id')
    .where('e.buyer_org_id', '=', actor.organizationId);
}

const columns = [
  'e.id',
  'e.name',
  'p.id as provider_id',
  'p.name as provider_name',
  's.inherent_tier',
  's.assessment_id',
  's.overall',
  's.rating',
  's.residual_risk',
  's.coverage',
  's.findings_critical',
  's.findings_high',
  's.findings_medium',
  's.findings_low',
  's.certificate_expiry',
  's.certificate_edition',
  's.soa_version',
  's.next_review',
  's.computed_at',
  's.computed_on',
  's.facts_revision',
  'r.revision',
] as const;

export type SummaryRecord = Awaited<ReturnType<typeof summaryOf>>;

export async function summaryOf(db: Kysely<DB>, actor: Actor, engagementId: string) {
  return base(db, actor).select(columns).where('e.id', '=', engagementId).executeTakeFirst();
}

const riskOrder = sql`CASE s.residual_risk WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;

/** One page of the buyer's portfolio: filters, sort and pagination in SQL, one query for the rows and one for the count. */
export async function portfolioPage(db: Kysely<DB>, actor: Actor, q: PortfolioQuery) {
  let filtered = base(db, actor);
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filtered = filtered.where((eb) => eb.or([eb('e.name', 'ilike', pattern), eb('p.name', 'ilike', pattern)]));
  }
  if (q.rating) filtered = q.rating === 'none' ? filtered.where('s.rating', 'is', null) : filtered.where('s.rating', '=', q.rating);
  if (q.residualRisk) filtered = filtered.where('s.residual_risk', '=', q.residualRisk);
  const dir = q.dir ?? (q.sort === 'score' ? 'desc' : 'asc');
  let rows = filtered.select(columns);
  switch (q.sort) {
    case 'risk':
      rows = rows.orderBy(riskOrder, dir).orderBy('s.inherent_tier', dir);
      break;
    case 'score':
      rows = rows.orderBy(sql`s.overall ${sql.raw(dir === 'asc' ? 'ASC' : 'DESC')} NULLS LAST`);
      break;
    case 'name':
      rows = rows.orderBy('e.name', dir);
      break;
    case 'certificate_expiry':
      rows = rows.orderBy(sql`s.certificate_expiry ${sql.raw(dir === 'asc' ? 'ASC' : 'DESC')} NULLS FIRST`);
      break;
    case 'next_review':
      rows = rows.orderBy('s.next_review', dir);
      break;
    case 'findings':
      rows = rows.orderBy(sql`coalesce(s.findings_critical, 0) * 1000000 + coalesce(s.findings_high, 0) * 1000 + coalesce(s.findings_medium, 0)`, dir === 'asc' ? 'asc' : 'desc');
      break;
  }
  const [page, total] = await Promise.all([
    rows.orderBy('e.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: page, total: Number(total.n) };
}
