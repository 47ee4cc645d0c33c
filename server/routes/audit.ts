import { auditVerification } from '../../shared/schemas/audit';
import { defineRoute } from '../http/route';
import { authorize } from '../policies';
import { auditExportLine, auditExportReadme } from '../presenters/audit';
import { exportAuditEvents, verifyAuditChain } from '../repositories/audit';

const tag = 'Users';
/** Events read per query while exporting. */
const EXPORT_PAGE = 2000;

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit/verify',
    tag,
    summary: "Check your organization's audit chain (administrators)",
    description: 'Recomputes every event’s hash from the stored row and checks that each one links to the event before it without gaps.',
    access: 'authenticated',
    responses: { 200: { description: 'Where the chain breaks, if it does, and the hash of its last event', schema: auditVerification } },
    handler: async ({ deps, actor }) => {
      authorize(actor, 'audit.list');
      return verifyAuditChain(deps.db, actor);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/audit/export',
    tag,
    summary: "Your organization's whole audit trail with its hashes, for an auditor (administrators)",
    description:
      'JSON Lines: a first line describing the export and how to recompute the hashes (also in docs/security.md, "The audit chain"), then every event up to the chain’s head, oldest first.',
    access: 'authenticated',
    responses: { 200: { description: 'The export', contentType: 'application/x-ndjson' } },
    handler: async ({ res, deps, actor }) => {
      authorize(actor, 'audit.list');
      const check = await verifyAuditChain(deps.db, actor);
      const header = {
        export: 'scopewise-audit',
        version: 1,
        organizationId: actor.organizationId,
        exportedAt: new Date().toISOString(),
        events: check.headSeq,
        headSeq: check.headSeq,
        headHash: check.headHash,
        serverCheck: { firstBrokenAt: check.firstBrokenAt, problem: check.problem },
        readme: auditExportReadme,
      };
      const lines = [JSON.stringify(header)];
      for (let after = 0; after < check.headSeq; ) {
        const page = await exportAuditEvents(deps.db, actor, { afterSeq: after, untilSeq: check.headSeq, limit: EXPORT_PAGE });
        if (page.length === 0) break;
        for (const e of page) lines.push(auditExportLine(e));
        after = page[page.length - 1]!.seq;
      }
      res.attachment(`audit-trail-${new Date().toISOString().slice(0, 10)}.jsonl`);
      res.type('application/x-ndjson; charset=utf-8');
      res.send(`${lines.join('\n')}\n`);
    },
  }),
];
