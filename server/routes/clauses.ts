import { z } from 'zod';
import { clauseDto, createClauseBody, updateClauseBody } from '../../shared/schemas/clause';
import { idParams } from '../../shared/schemas/common';
import { notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize, can } from '../policies';
import type { Actor } from '../policies/actor';
import { ensureLibrary, findClause, listClauses, type ClauseRow } from '../repositories/clause';
import { changeClause, createClause } from '../commands/clause';

const tag = 'Clauses';
const present = (actor: Actor, c: ClauseRow) => ({
  id: c.id,
  key: c.key,
  version: c.version,
  title: c.title,
  text: c.text,
  controlIds: c.control_ids,
  findingCodes: c.finding_codes,
  when: c.applies_when,
  disabled: c.disabled,
  updatedAt: c.updated_at.toISOString(),
  abilities: { edit: can(actor, 'clause.write') },
});

export const clauseRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/clauses',
    tag,
    summary: "The buyer's clause library (started from the default library)",
    access: 'authenticated',
    responses: { 200: { description: 'Current versions', schema: z.object({ clauses: z.array(clauseDto) }) } },
    handler: async ({ deps, actor }) => {
      authorize(actor, 'clause.read');
      await ensureLibrary(deps.db, actor.organizationId);
      return { clauses: (await listClauses(deps.db, actor)).map((c) => present(actor, c)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/clauses',
    tag,
    summary: 'Add a clause to the library (legal)',
    description: 'Variables are written {{name}} and must be known ones; control ids and finding codes are checked.',
    access: 'authenticated',
    body: createClauseBody,
    responses: { 201: { description: 'The clause', schema: z.object({ clause: clauseDto }) }, 409: { description: 'The key is taken' } },
    handler: async ({ deps, actor, body, origin }) => {
      authorize(actor, 'clause.write');
      await ensureLibrary(deps.db, actor.organizationId);
      const id = await createClause(deps, actor, body, origin);
      return new Reply(201, { clause: present(actor, (await findClause(deps.db, actor, id))!) });
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/clauses/:id',
    tag,
    summary: 'Edit (a new version) or disable a clause (legal)',
    description: 'Schedules already generated keep the version they were made with.',
    access: 'authenticated',
    params: idParams,
    body: updateClauseBody,
    responses: { 200: { description: 'The clause', schema: z.object({ clause: clauseDto }) } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const c = await findClause(deps.db, actor, params.id);
      if (!c) throw notFound('Clause');
      authorize(actor, 'clause.write');
      await changeClause(deps, actor, c, body, origin);
      return { clause: present(actor, (await findClause(deps.db, actor, params.id))!) };
    },
  }),
];
