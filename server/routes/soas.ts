import { z } from 'zod';
import { controls, findControl } from '../../shared/catalog';
import { parseSoaGrid, summarizeSoa } from '../../shared/soa/parse';
import { idParams, id as uuid } from '../../shared/schemas/common';
import { soaDto, soaImportDto, soaInput, type soaMethods, type soaNumberings } from '../../shared/schemas/soa';
import { recordSoa } from '../commands/soa';
import type { Deps } from '../deps';
import { invalid, notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { findDocument } from '../repositories/document';
import { findSoa, listSoas, soaRows, type SoaRecord, type SoaRowRecord } from '../repositories/soa';
import { receiveSpreadsheet } from '../uploads/spreadsheet';
import { parseOffThread } from '../xlsx/off-thread';

const tag = 'Statements of Applicability';
const one = z.object({ soa: soaDto });
const titleOf = (id: string) => findControl(id)?.title ?? id;

function presentSoa(s: SoaRecord, rows: SoaRowRecord[]) {
  const byControl = new Map(rows.map((r) => [r.control_id, r]));
  const ordered = controls.map((c) => byControl.get(c.id)).filter((r): r is SoaRowRecord => r !== undefined);
  const dtoRows = ordered.map((r) => ({
    controlId: r.control_id,
    title: titleOf(r.control_id),
    applicable: r.applicable,
    implementation: r.implementation,
    justification: r.justification,
    source: { row: r.source_row, method: r.method as (typeof soaMethods)[number], note: r.note },
  }));
  return {
    id: s.id,
    documentId: s.document_id,
    owner: { id: s.organization_id, name: s.owner_name },
    version: s.version,
    date: s.soa_date,
    numbering: s.numbering as (typeof soaNumberings)[number],
    rows: dtoRows,
    summary: summarizeSoa({ rows: dtoRows }),
    createdAt: s.created_at.toISOString(),
  };
}

async function loadSoa(deps: Deps, actor: Actor, id: string) {
  const s = await findSoa(deps.db, actor, id);
  if (!s) throw notFound('SoA');
  return { soa: presentSoa(s, await soaRows(deps.db, s.id)) };
}

export const soaRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/soas/import',
    tag,
    summary: 'Read an SoA spreadsheet (xlsx or csv) into one row per 2022 control, with an import report (provider)',
    description:
      'Nothing is saved. The header row and columns are found by name; 2013 ids are mapped through the catalog; ids Excel turned into numbers (5.10 → 5.1) are repaired by title or row order; ' +
      'cells with several ids are split. Each row says how it was read (direct, mapped_2013, repaired_by_title, repaired_by_order, inferred, missing); the report lists every inference and ambiguity. ' +
      'Review and correct, then POST /api/soas. Workbooks are checked for zip bombs, size and row limits before parsing.',
    access: 'authenticated',
    bodyType: 'multipart',
    body: z.strictObject({ sheetName: z.string().max(100).optional() }),
    gate: (actor) => authorize(actor, 'soa.create'),
    before: () => [receiveSpreadsheet(['xlsx', 'csv'])],
    responses: { 200: { description: 'The reading, for review', schema: soaImportDto }, 413: { description: 'Over a size, row or unpacked-size limit' } },
    handler: async ({ req, body }) => {
      const file = req.spreadsheet!;
      const { sheetName, grid, otherSheets } = await parseOffThread('soaGrid', [file.buffer, file.kind, { sheetName: body.sheetName }], file.kind);
      const result = parseSoaGrid(grid, { sheetName, otherSheets });
      return {
        sheetName: result.sheetName,
        version: result.version,
        date: result.date,
        numbering: result.numbering,
        rows: result.rows.map((r) => ({ ...r, title: titleOf(r.controlId) })),
        report: result.report,
        summary: summarizeSoa(result),
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/soas',
    tag,
    summary: 'Save a reviewed SoA: one row per control, for an SoA document of your library (provider)',
    description: 'Also how an SoA is entered by hand (for an SoA that is a PDF). Buyers see it when its document is shared with their engagement.',
    access: 'authenticated',
    body: soaInput,
    responses: { 201: { description: 'The SoA', schema: one } },
    handler: async ({ deps, actor, body, origin }) => {
      authorize(actor, 'soa.create');
      const d = await findDocument(deps.db, actor, body.documentId);
      if (!d || d.organization_id !== actor.organizationId) throw invalid([{ path: 'documentId', message: 'is not a document of your library' }]);
      if (d.kind !== 'soa') throw invalid([{ path: 'documentId', message: `is a ${d.kind.replace('_', ' ')}, not a Statement of Applicability` }]);
      const id = await recordSoa(deps, actor, body, origin);
      return new Reply(201, await loadSoa(deps, actor, id));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/soas',
    tag,
    summary: 'SoAs you may see: your own, or those shared with your engagements',
    access: 'authenticated',
    query: z.strictObject({ documentId: uuid.optional() }),
    responses: { 200: { description: 'Newest first, without rows', schema: z.object({ soas: z.array(soaDto.omit({ rows: true })) }) } },
    handler: async ({ deps, actor, query }) => {
      const list = await listSoas(deps.db, actor, query);
      const out = [];
      for (const s of list) {
        const { rows: _rows, ...rest } = presentSoa(s, await soaRows(deps.db, s.id));
        out.push(rest);
      }
      return { soas: out };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/soas/:id',
    tag,
    summary: 'One SoA with its 93 rows',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The SoA', schema: one } },
    handler: async ({ deps, actor, params }) => loadSoa(deps, actor, params.id),
  }),
];
