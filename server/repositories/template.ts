import { sql, type Kysely } from 'kysely';
import { allQuestions, type TemplateContent } from '../../shared/schemas/template';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

export interface TemplateRow {
  id: string;
  organization_id: string | null;
  builtin_slug: string | null;
  current_version: number;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version_id: string;
  name: string;
  content: TemplateContent;
  question_count: number;
}

/** Versions kept in memory at most (a questionnaire's content is tens of kilobytes). */
const CONTENT_CACHE_SIZE = 500;
const contentCache = new Map<string, TemplateContent>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The content of template versions, by id. Versions are immutable (a trigger
 * refuses any UPDATE), so each is read and parsed once and then served from
 * memory, frozen so that no caller can change the shared copy; ids are random
 * UUIDs, so one cache serves every database of the process.
 */
export async function templateContents(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, TemplateContent>> {
  const found = new Map<string, TemplateContent>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = contentCache.get(id);
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await db.selectFrom('template_versions').select(['id', 'content']).where('id', 'in', missing).execute();
    for (const r of rows) {
      const content = deepFreeze(r.content as unknown as TemplateContent);
      found.set(r.id, content);
      contentCache.set(r.id, content);
    }
    for (const oldest of contentCache.keys()) {
      if (contentCache.size <= CONTENT_CACHE_SIZE) break;
      contentCache.delete(oldest);
    }
  }
  return found;
}

function scoped(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('templates')
    .innerJoin('template_versions as v', (j) => j.onRef('v.template_id', '=', 'templates.id').onRef('v.version', '=', 'templates.current_version'))
    .select([
      'templates.id',
      'templates.organization_id',
      'templates.builtin_slug',
      'templates.current_version',
      'templates.archived_at',
      'templates.created_at',
      'templates.updated_at',
      'v.id as version_id',
      'v.name',
      'v.content',
      'v.question_count',
    ])
    .where((eb) => eb.or([eb('templates.organization_id', '=', actor.organizationId), eb('templates.organization_id', 'is', null)]));
}

/** Built-in templates and the actor's organization's own, current versions. */
export async function listTemplates(db: Kysely<DB>, actor: Actor): Promise<TemplateRow[]> {
  const rows = await scoped(db, actor).orderBy(sql`templates.organization_id IS NULL`, 'desc').orderBy('v.name').execute();
  return rows as unknown as TemplateRow[];
}

/** One template the actor may see (built-in or own); another buyer's is undefined. */
export async function findTemplate(db: Kysely<DB>, actor: Actor, id: string, { lock = false } = {}): Promise<TemplateRow | undefined> {
  let q = scoped(db, actor).where('templates.id', '=', id);
  if (lock) q = q.forUpdate('templates');
  return (await q.executeTakeFirst()) as unknown as TemplateRow | undefined;
}

export async function listVersions(db: Kysely<DB>, templateId: string) {
  return db.selectFrom('template_versions').select(['version', 'created_at', 'question_count']).where('template_id', '=', templateId).orderBy('version', 'desc').execute();
}

async function insertVersion(db: Kysely<DB>, templateId: string, version: number, content: TemplateContent, createdBy: string | null) {
  return db
    .insertInto('template_versions')
    .values({ template_id: templateId, version, name: content.name, content: JSON.stringify(content), question_count: allQuestions(content).length, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A new template of the actor's organization at version 1. */
export async function insertTemplate(db: Kysely<DB>, actor: Actor, content: TemplateContent): Promise<string> {
  const t = await db.insertInto('templates').values({ organization_id: actor.organizationId, current_version: 1 }).returning('id').executeTakeFirstOrThrow();
  await insertVersion(db, t.id, 1, content, actor.userId);
  return t.id;
}

/** Saves content as the next version; earlier versions (and assessments sent from them) stay as they were. */
export async function addTemplateVersion(db: Kysely<DB>, createdBy: string | null, t: { id: string; current_version: number }, content: TemplateContent): Promise<number> {
  const version = t.current_version + 1;
  await insertVersion(db, t.id, version, content, createdBy);
  await db.updateTable('templates').set({ current_version: version, updated_at: new Date() }).where('id', '=', t.id).execute();
  return version;
}

export async function archiveTemplate(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  await db.updateTable('templates').set({ archived_at: new Date(), updated_at: new Date() }).where('id', '=', id).where('organization_id', '=', actor.organizationId).execute();
}

/** The built-in template with this slug, if installed. */
export async function findBuiltin(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('templates')
    .innerJoin('template_versions as v', (j) => j.onRef('v.template_id', '=', 'templates.id').onRef('v.version', '=', 'templates.current_version'))
    .select(['templates.id', 'templates.current_version', 'v.content'])
    .where('templates.builtin_slug', '=', slug)
    .executeTakeFirst();
}

export async function insertBuiltin(db: Kysely<DB>, slug: string, content: TemplateContent): Promise<string> {
  const t = await db.insertInto('templates').values({ organization_id: null, builtin_slug: slug, current_version: 1 }).returning('id').executeTakeFirstOrThrow();
  await insertVersion(db, t.id, 1, content, null);
  return t.id;
}
