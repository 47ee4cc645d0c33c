import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // An SoA may be numbered by ISO/IEC 27001:2005 Annex A: it is kept as read
  // (its rows are not mapped to 2022 controls) so the finding can say so.
  await sql`ALTER TABLE soas DROP CONSTRAINT IF EXISTS soas_numbering_check`.execute(db);
  await sql`ALTER TABLE soas ADD CONSTRAINT soas_numbering_check CHECK (numbering IN ('2022', '2013', 'both', '2005'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM soas WHERE numbering = '2005'`.execute(db);
  if (Number(rows[0]?.n ?? 0) > 0) {
    throw new Error('Cannot undo 2026_12_07_019_soa_numbering: SoAs numbered 2005 exist and the older check refuses them');
  }
  await sql`ALTER TABLE soas DROP CONSTRAINT IF EXISTS soas_numbering_check`.execute(db);
  await sql`ALTER TABLE soas ADD CONSTRAINT soas_numbering_check CHECK (numbering IN ('2022', '2013', 'both'))`.execute(db);
}
