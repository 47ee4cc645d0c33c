import { z } from 'zod';
import { idParams } from '../../shared/schemas/common';
import { templateContent, templateDto, templateListDto } from '../../shared/schemas/template';
import { AppError, notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import { presentTemplate, presentTemplateList, templateSubject } from '../presenters/template';
import { findTemplate, listTemplates, listVersions } from '../repositories/template';
import { archiveTemplateCommand, createTemplate, versionTemplate } from '../commands/template';
import type { Deps } from '../deps';
import { exportTemplateWorkbook } from '../templates/xlsx';
import { receiveSpreadsheet } from '../uploads/spreadsheet';
import { parseOffThread } from '../xlsx/off-thread';
import type { Actor } from '../policies/actor';

const tag = 'Templates';
const one = z.object({ template: templateDto });

/** The template as the actor sees it after a change. */
export async function loadTemplateDto(deps: Deps, actor: Actor, id: string) {
  const t = await findTemplate(deps.db, actor, id);
  if (!t) throw notFound('Template');
  return presentTemplate(actor, t, await listVersions(deps.db, id));
}

export const templateRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/templates',
    tag,
    summary: 'Questionnaire templates: the built-in ones and your own (buyers)',
    access: 'authenticated',
    responses: { 200: { description: 'Built-ins first, then yours by name, with whether you may write one', schema: templateListDto } },
    handler: async ({ deps, actor }) => {
      authorize(actor, 'template.list');
      return presentTemplateList(actor, await listTemplates(deps.db, actor));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/templates',
    tag,
    summary: 'Create a template (buyer administrators and analysts)',
    description: 'The body is the whole template: sections of questions, each mapped to ISO/IEC 27002:2022 control ids. To start from a built-in, post its content under a new name.',
    access: 'authenticated',
    body: templateContent,
    responses: { 201: { description: 'The template at version 1', schema: one } },
    handler: async ({ deps, actor, body, origin }) => {
      authorize(actor, 'template.create');
      const id = await createTemplate(deps, actor, body, origin);
      return new Reply(201, { template: await loadTemplateDto(deps, actor, id) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/templates/:id',
    tag,
    summary: 'One template at its current version, with its version history',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The template', schema: one } },
    handler: async ({ deps, actor, params }) => {
      authorize(actor, 'template.list');
      return { template: await loadTemplateDto(deps, actor, params.id) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/templates/:id',
    tag,
    summary: 'Save a new version of your template',
    description: 'Questionnaires already sent keep the version they were sent with.',
    access: 'authenticated',
    params: idParams,
    body: templateContent,
    responses: { 200: { description: 'The template at its new version', schema: one } },
    handler: async ({ deps, actor, params, body, origin }) => {
      await versionTemplate(deps, actor, params.id, body, origin);
      return { template: await loadTemplateDto(deps, actor, params.id) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/templates/:id',
    tag,
    summary: 'Archive your template',
    description: 'It can no longer be used for new questionnaires; sent ones are unaffected.',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The archived template', schema: one } },
    handler: async ({ deps, actor, params, origin }) => {
      const t = await findTemplate(deps.db, actor, params.id);
      if (!t) throw notFound('Template');
      authorize(actor, 'template.archive', templateSubject(t));
      await archiveTemplateCommand(deps, actor, t.id, origin);
      return { template: await loadTemplateDto(deps, actor, params.id) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/templates/import',
    tag,
    summary: 'Import a template from an xlsx workbook (buyer administrators and analysts)',
    description: 'Columns are documented in docs/templates-xlsx.md. All or nothing: if any row is invalid, nothing is saved and the answer lists every problem by sheet, row and column.',
    access: 'authenticated',
    bodyType: 'multipart',
    body: z.strictObject({}),
    gate: (actor) => authorize(actor, 'template.create'),
    before: () => [receiveSpreadsheet(['xlsx'])],
    responses: { 201: { description: 'The imported template at version 1', schema: one }, 400: { description: 'The workbook has problems: details.problems lists each by sheet, row and column' } },
    handler: async ({ req, deps, actor, origin }) => {
      const result = await parseOffThread('templateWorkbook', [req.spreadsheet!.buffer], 'xlsx');
      if (!result.ok) {
        throw new AppError('VALIDATION_FAILED', `The workbook has ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}: nothing was imported`, { problems: result.problems, fields: [{ path: 'file', message: 'has problems, listed in details.problems' }] });
      }
      const id = await createTemplate(deps, actor, result.content, origin, req.spreadsheet!.originalName);
      return new Reply(201, { template: await loadTemplateDto(deps, actor, id) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/templates/:id/export',
    tag,
    summary: 'Export a template as an xlsx workbook',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The workbook', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
    handler: async ({ res, deps, actor, params }) => {
      authorize(actor, 'template.list');
      const t = await findTemplate(deps.db, actor, params.id);
      if (!t) throw notFound('Template');
      const buffer = await exportTemplateWorkbook(t.content);
      res.attachment(`${t.name.replace(/[^\w.-]+/g, '-').slice(0, 80)}-v${t.current_version}.xlsx`);
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.send(buffer);
    },
  }),
];
