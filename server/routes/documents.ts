import { z } from 'zod';
import { idParams, id as uuid } from '../../shared/schemas/common';
import { documentDto, documentQuery, shareBody, uploadDocumentFields } from '../../shared/schemas/document';
import type { Deps } from '../deps';
import { invalid, notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { presentDocument } from '../presenters/document';
import { engagementSubject } from '../presenters/engagement';
import { findDocument, listDocuments, listVersions, ownDocumentIds, sharesOf } from '../repositories/document';
import { findEngagement } from '../repositories/engagement';
import { serveStoredFile } from '../storage/serve';
import { receiveUpload, withReceivedFile } from '../uploads/receive';
import { recordDocument, shareDocuments, unshareDocument } from '../commands/document';

const tag = 'Documents';
const one = z.object({ document: documentDto, versions: z.array(documentDto) });
const many = z.object({ documents: z.array(documentDto) });

async function presentMany(deps: Deps, actor: Actor, rows: Awaited<ReturnType<typeof listDocuments>>) {
  const shares = actor.organizationKind === 'provider' ? await sharesOf(deps.db, rows.map((r) => r.id)) : [];
  return rows.map((r) => presentDocument(actor, r, shares));
}

async function loadDocument(deps: Deps, actor: Actor, id: string) {
  const d = await findDocument(deps.db, actor, id);
  if (!d) throw notFound('Document');
  const versions = await listVersions(deps.db, actor, d.series_id);
  const [document, ...rest] = await presentMany(deps, actor, [d, ...versions]);
  return { document: document!, versions: rest };
}

/**
 * A title from a file name when none is given: the name without its
 * extension ("policy" for "policy.pdf"), the whole name when that leaves
 * nothing (".env"), at most 200 characters (whole code points).
 */
function titleFromFileName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || name;
  return Array.from(base).slice(0, 200).join('').trim();
}

export const documentRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/documents',
    tag,
    summary: "Upload a document to your organization's library (provider)",
    description:
      'multipart/form-data with `file` and `kind` (and optionally `title`; `replaces` = the id of a document this is a new version of). ' +
      'The type is detected from the bytes: PDF, PNG, JPEG, DOCX, XLSX, CSV or TXT (UTF-8). Files are streamed to storage with their SHA-256; over MAX_UPLOAD_MB is refused.',
    access: 'authenticated',
    bodyType: 'multipart',
    body: uploadDocumentFields,
    gate: (actor) => authorize(actor, 'document.upload'),
    before: (deps) => receiveUpload(deps, deps.config.maxUploadBytes),
    responses: {
      201: { description: 'The stored document', schema: one },
      413: { description: 'Over the size limit' },
      415: { description: 'Not an accepted file type' },
    },
    handler: async ({ req, deps, actor, body, origin }) =>
      withReceivedFile(req, deps, async (file) => {
        let series: { seriesId: string; version: number; title: string } | undefined;
        if (body.replaces) {
          const previous = await findDocument(deps.db, actor, body.replaces);
          if (!previous) throw invalid([{ path: 'replaces', message: 'is not a document of your library' }]);
          authorize(actor, 'document.newVersion', { organizationId: previous.organization_id });
          if (previous.kind !== body.kind) throw invalid([{ path: 'kind', message: `must stay ${previous.kind} for a new version of "${previous.title}"` }]);
          series = { seriesId: previous.series_id, version: previous.latest_version + 1, title: previous.title };
        }
        const title = body.title ?? series?.title ?? titleFromFileName(file.originalName);
        const id = await recordDocument(deps, actor, file, { kind: body.kind, title, series }, origin);
        return new Reply(201, await loadDocument(deps, actor, id));
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents',
    tag,
    summary: "A provider's library (latest versions); for a buyer, the documents shared with or attached in its engagements",
    access: 'authenticated',
    query: documentQuery,
    responses: { 200: { description: 'Newest first', schema: many } },
    handler: async ({ deps, actor, query }) => ({ documents: await presentMany(deps, actor, await listDocuments(deps.db, actor, { kind: query.kind })) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id',
    tag,
    summary: 'One document with the versions you may see',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The document', schema: one } },
    handler: async ({ deps, actor, params }) => loadDocument(deps, actor, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id/content',
    tag,
    summary: "Download a document's file",
    description: "Served as an attachment with its detected type (the name ends in that type's extension, appended when it ended otherwise: `evidence.html` stored as text is saved as `evidence.html.txt`), `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'none'; sandbox`, after checking the stored bytes still match the recorded SHA-256.",
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
    handler: async ({ req, res, deps, actor, params }) => {
      const d = await findDocument(deps.db, actor, params.id);
      if (!d) throw notFound('Document');
      await serveStoredFile(req, res, deps, { storageKey: d.storage_key, sha256: d.sha256, mime: d.mime, size: d.size_bytes, name: d.original_name }, { documentId: d.id });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/engagements/:id/documents',
    tag,
    summary: 'Documents the provider shared with an engagement',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'Newest first', schema: many } },
    handler: async ({ deps, actor, params }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      return { documents: await presentMany(deps, actor, await listDocuments(deps.db, actor, { engagementId: e.id })) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/engagements/:id/shares',
    tag,
    summary: "Share documents of your library with a buyer's engagement (provider)",
    access: 'authenticated',
    params: idParams,
    body: shareBody,
    responses: { 200: { description: 'Everything now shared with the engagement', schema: many } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      authorize(actor, 'document.share', engagementSubject(e));
      const ids = [...new Set(body.documentIds)];
      const own = await ownDocumentIds(deps.db, actor, ids);
      const unknown = body.documentIds.map((d, i) => ({ d, i })).filter(({ d }) => !own.has(d));
      if (unknown.length) throw invalid(unknown.map(({ i }) => ({ path: `documentIds.${i}`, message: 'is not a document of your library' })));
      await shareDocuments(deps, actor, e.id, ids, origin);
      return { documents: await presentMany(deps, actor, await listDocuments(deps.db, actor, { engagementId: e.id })) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/engagements/:id/shares/:documentId',
    tag,
    summary: 'Stop sharing a document with an engagement (provider)',
    access: 'authenticated',
    params: z.strictObject({ id: uuid, documentId: uuid }),
    responses: { 204: { description: 'No longer shared' } },
    handler: async ({ deps, actor, params, origin }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      authorize(actor, 'document.share', engagementSubject(e));
      await unshareDocument(deps, actor, e.id, params.documentId, origin);
    },
  }),
];
