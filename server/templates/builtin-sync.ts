import type { Kysely } from 'kysely';
import type { TemplateContent } from '../../shared/schemas/template';
import type { DB } from '../db/types';
import { addTemplateVersion, findBuiltin, insertBuiltin } from '../repositories/template';

/**
 * Installs the built-in templates, and adds a version when the shipped
 * content changed since the last start. Assessments already sent keep the
 * version they were sent with. Idempotent; safe to run at every start.
 */
export async function syncBuiltinTemplates(db: Kysely<DB>, builtins: readonly { slug: string; content: TemplateContent }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const b of builtins) {
      const installed = await findBuiltin(trx, b.slug);
      if (!installed) await insertBuiltin(trx, b.slug, b.content);
      else if (canonical(installed.content) !== canonical(b.content)) await addTemplateVersion(trx, null, installed, b.content);
    }
  });
}

/** JSON with object keys sorted: jsonb does not keep key order, so plain JSON.stringify would always differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
