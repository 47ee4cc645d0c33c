import { z } from 'zod';
import type { Response } from 'express';
import { idParams, id as uuid } from '../../shared/schemas/common';
import { createScheduleBody, scheduleDto, updateScheduleBody, type ScheduleDto } from '../../shared/schemas/schedule';
import { editSchedule, finalizeSchedule, generateSchedule, shareSchedule } from '../commands/schedule';
import type { Deps } from '../deps';
import { notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { scheduleSubject } from '../policies/schedule';
import { presentSchedule } from '../presenters/schedule';
import { findEngagement } from '../repositories/engagement';
import { findSchedule, listScheduleClauses, type ScheduleRow } from '../repositories/schedule';
import { scheduleDocx, scheduleMarkdown } from '../schedules/render';

const tag = 'Security schedules';
const one = z.object({ schedule: scheduleDto });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A schedule the actor may see; another tenant's (or an unshared one, for the provider) is a 404. */
async function loadSchedule(deps: Deps, actor: Actor, id: string): Promise<ScheduleRow> {
  const s = await findSchedule(deps.db, actor, id);
  if (!s) throw notFound('Security schedule');
  return s;
}

/** The schedule as stored now, presented for the actor. */
async function present(deps: Deps, actor: Actor, id: string): Promise<ScheduleDto> {
  const s = await loadSchedule(deps, actor, id);
  return presentSchedule(actor, s, await listScheduleClauses(deps.db, s.id));
}

/** Sends the schedule as a Markdown or Word file. */
async function sendSchedule(res: Response, s: ScheduleDto, format: 'md' | 'docx'): Promise<void> {
  const name = s.title.replace(/[^\w.-]+/g, '-').slice(0, 80);
  if (format === 'md') {
    res.attachment(`${name}.md`);
    res.type('text/markdown; charset=utf-8');
    res.send(scheduleMarkdown(s));
  } else {
    res.attachment(`${name}.docx`);
    res.type(DOCX);
    res.send(await scheduleDocx(s));
  }
}

export const scheduleRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/engagements/:id/security-schedules',
    tag,
    summary: 'Generate a draft security schedule from the engagement and its open findings (legal)',
    description:
      'Selects the always-on clauses, those the engagement profile calls for and those its open findings call for, explains why each was chosen, fills the variables (missing values are written "[TO BE AGREED: …]" and listed) and freezes the score and the open findings.',
    access: 'authenticated',
    params: idParams,
    body: createScheduleBody,
    responses: { 201: { description: 'The draft', schema: one } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      authorize(actor, 'schedule.create', { buyerOrgId: e.buyer_org_id });
      const id = await generateSchedule(deps, actor, e, body, origin);
      return new Reply(201, { schedule: await present(deps, actor, id) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/security-schedules/:id.:format',
    tag,
    summary: 'A security schedule file by suffix: .docx or .md',
    access: 'authenticated',
    params: z.strictObject({ id: uuid, format: z.enum(['docx', 'md'], { message: 'must be docx or md' }) }),
    responses: { 200: { description: 'The file', contentType: DOCX } },
    handler: async ({ res, deps, actor, params }) => sendSchedule(res, await present(deps, actor, params.id), params.format),
  }),
  defineRoute({
    method: 'get',
    path: '/api/security-schedules/:id',
    tag,
    summary: 'A security schedule as JSON, Markdown or DOCX (Accept header or ?format=md|docx)',
    access: 'authenticated',
    params: idParams,
    query: z.strictObject({ format: z.enum(['json', 'md', 'docx'], { message: 'must be json, md or docx' }).optional() }),
    responses: { 200: { description: 'The schedule', schema: one } },
    handler: async ({ req, res, deps, actor, params, query }) => {
      const s = await present(deps, actor, params.id);
      const format = query.format ?? (req.accepts(['application/json', 'text/markdown', DOCX]) === DOCX ? 'docx' : req.accepts(['application/json', 'text/markdown']) === 'text/markdown' ? 'md' : 'json');
      if (format === 'json') return { schedule: s };
      await sendSchedule(res, s, format);
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/security-schedules/:id',
    tag,
    summary: 'Deselect or add clauses of a draft schedule (legal)',
    access: 'authenticated',
    params: idParams,
    body: updateScheduleBody,
    responses: { 200: { description: 'The draft', schema: one }, 409: { description: 'The schedule is final' } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const s = await loadSchedule(deps, actor, params.id);
      authorize(actor, 'schedule.edit', scheduleSubject(s));
      await editSchedule(deps, actor, s.id, body, origin);
      return { schedule: await present(deps, actor, s.id) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/security-schedules/:id/finalize',
    tag,
    summary: 'Finalise a schedule: its clauses, score and findings never change afterwards (legal)',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The final schedule', schema: one }, 409: { description: 'Already final' } },
    handler: async ({ deps, actor, params, origin }) => {
      const s = await loadSchedule(deps, actor, params.id);
      authorize(actor, 'schedule.finalize', scheduleSubject(s));
      await finalizeSchedule(deps, actor, s.id, origin);
      return { schedule: await present(deps, actor, s.id) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/security-schedules/:id/share',
    tag,
    summary: 'Share a final schedule with the provider of the engagement (legal)',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The shared schedule', schema: one }, 409: { description: 'Not final, or already shared' } },
    handler: async ({ deps, actor, params, origin }) => {
      const s = await loadSchedule(deps, actor, params.id);
      authorize(actor, 'schedule.share', scheduleSubject(s));
      await shareSchedule(deps, actor, s.id, origin);
      return { schedule: await present(deps, actor, s.id) };
    },
  }),
];
