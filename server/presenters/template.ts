import { allQuestions } from '../../shared/schemas/template';
import type { TemplateDto, TemplateListDto, TemplateSummaryDto } from '../../shared/schemas/template';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import type { TemplateRow } from '../repositories/template';

export const templateSubject = (t: TemplateRow) => ({ organizationId: t.organization_id, archived: t.archived_at !== null });

export function presentTemplateSummary(actor: Actor, t: TemplateRow): TemplateSummaryDto {
  const subject = templateSubject(t);
  return {
    id: t.id,
    name: t.name,
    description: t.content.description,
    builtin: t.organization_id === null,
    version: t.current_version,
    questionCount: t.question_count,
    controlCount: new Set(allQuestions(t.content).flatMap((q) => q.controlIds)).size,
    updatedAt: t.updated_at.toISOString(),
    archived: subject.archived,
    abilities: {
      update: can(actor, 'template.update', subject),
      archive: can(actor, 'template.archive', subject),
      use: !subject.archived && can(actor, 'template.create'),
    },
  };
}

export function presentTemplate(actor: Actor, t: TemplateRow, versions: { version: number; created_at: Date; question_count: number }[]): TemplateDto {
  return {
    ...presentTemplateSummary(actor, t),
    content: t.content,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.created_at.toISOString(), questionCount: v.question_count })),
  };
}

/** The templates list, with whether the actor may write one of their own (new or imported). */
export function presentTemplateList(actor: Actor, rows: TemplateRow[]): TemplateListDto {
  return { templates: rows.map((t) => presentTemplateSummary(actor, t)), abilities: { create: can(actor, 'template.create') } };
}
