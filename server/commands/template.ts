import type { Deps } from '../deps';
import { notFound } from '../errors';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { addTemplateVersion, archiveTemplate, findTemplate, insertTemplate } from '../repositories/template';
import { templateSubject } from '../presenters/template';
import { runWrite } from './write';

type Content = Parameters<typeof insertTemplate>[2];

/** Creates a template at version 1, or imports one from a workbook when `file` names it. Returns its id. */
export async function createTemplate(deps: Deps, actor: Actor, content: Content, origin: RequestOrigin, file?: string): Promise<string> {
  return runWrite(deps, origin, async ({ trx, audit }) => {
    const templateId = await insertTemplate(trx, actor, content);
    await audit(
      file === undefined
        ? { action: 'template.created', organizationId: actor.organizationId, targetType: 'template', targetId: templateId, details: { name: content.name } }
        : { action: 'template.imported', organizationId: actor.organizationId, targetType: 'template', targetId: templateId, details: { name: content.name, file } },
    );
    return templateId;
  });
}

/** Saves a new version of a template, locked while it is written; sent questionnaires keep theirs. */
export async function versionTemplate(deps: Deps, actor: Actor, id: string, content: Content, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    const t = await findTemplate(trx, actor, id, { lock: true });
    if (!t) throw notFound('Template');
    authorize(actor, 'template.update', templateSubject(t));
    const version = await addTemplateVersion(trx, actor.userId, t, content);
    await audit({ action: 'template.versioned', organizationId: actor.organizationId, targetType: 'template', targetId: t.id, details: { version, name: content.name } });
  });
}

/** Archives a template: no new questionnaires from it; sent ones are unaffected. */
export async function archiveTemplateCommand(deps: Deps, actor: Actor, templateId: string, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    await archiveTemplate(trx, actor, templateId);
    await audit({ action: 'template.archived', organizationId: actor.organizationId, targetType: 'template', targetId: templateId });
  });
}
