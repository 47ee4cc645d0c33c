import pg from 'pg';
import { adminUrl } from '../helpers/database';

/** Drops this run's template and any test database a crashed file left behind. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.SW_TEST_RUN;
  if (!run) return;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`sw_t_${run}_%`, `sw_tpl_${run}`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
