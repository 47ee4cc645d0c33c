import { z } from 'zod';
import { controlIds } from '../catalog';
import { isoDate } from './assessment';
import { id, text } from './common';
import { controlId } from './template';

export const soaMethods = ['direct', 'mapped_2013', 'repaired_by_title', 'repaired_by_order', 'inferred', 'missing', 'entered'] as const;
export const implementations = ['full', 'partial', 'none'] as const;
/** The Annex A numbering an SoA uses; '2005' is read and reported, never mapped to 2022 controls. */
export const soaNumberings = ['2022', '2013', 'both', '2005'] as const;

export const soaRowInput = z.strictObject({
  controlId,
  /** null: the SoA does not say. */
  applicable: z.boolean({ message: 'must be true, false or null' }).nullable(),
  implementation: z.enum(implementations, { message: 'must be full, partial, none or null' }).nullable(),
  justification: text(4000).default(''),
  source: z
    .strictObject({ row: z.number().int().min(1).max(1048576, { message: 'must be at most 1048576 (the last row of a worksheet)' }).nullable(), method: z.enum(soaMethods), note: text(1000).default('') })
    .default({ row: null, method: 'entered', note: '' }),
});

const metaSourceInput = z.strictObject({ sheet: z.string().max(200).nullable(), cell: z.string().max(20), how: z.string().max(2000) });
const metaSourceDto = z.object({ sheet: z.string().nullable(), cell: z.string(), how: z.string() });

/**
 * The report of the import the rows came from, kept with the SoA as the
 * import answered it. Typed and bounded (it comes back from the client, and
 * an open JSON value could nest deeper than anything can store or read).
 */
export const soaImportReportInput = z.strictObject({
  inferred: z.array(z.strictObject({ row: z.number().int().nullable(), controlId: z.string().max(20), message: z.string().max(2000) })).max(20000),
  ambiguous: z.array(z.strictObject({ row: z.number().int().nullable(), message: z.string().max(2000) })).max(20000),
  ignoredRows: z.array(z.strictObject({ row: z.number().int(), reason: z.string().max(2000) })).max(20000),
  headerRow: z.number().int().min(0),
  /** Role → column letter and header text (a header cell can be long). */
  columns: z
    .record(z.string().max(40), z.string().max(100000))
    .refine((c) => Object.keys(c).length <= 50, { message: 'must hold at most 50 columns' }),
  /** Where the version and date were read (sheet, cell, how). */
  versionSource: metaSourceInput.nullable().optional(),
  dateSource: metaSourceInput.nullable().optional(),
  numberingEvidence: z.array(z.string().max(2000)).max(50).optional(),
});

/** `POST /api/soas`: exactly one row per ISO/IEC 27002:2022 control, for an SoA document of your library. */
export const soaInput = z
  .strictObject({
    documentId: id,
    version: text(50).nullable().default(null),
    date: isoDate.nullable().default(null),
    numbering: z.enum(soaNumberings).default('2022'),
    rows: z.array(soaRowInput).max(93, { message: 'must hold one row per control (93)' }),
    importReport: soaImportReportInput.nullable().default(null),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.rows.forEach((r, i) => {
      if (seen.has(r.controlId)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'controlId'], message: `repeats control ${r.controlId}` });
      seen.add(r.controlId);
    });
    const missing = controlIds.filter((c) => !seen.has(c));
    if (missing.length) ctx.addIssue({ code: 'custom', path: ['rows'], message: `must include every control; missing ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}` });
  })
  .meta({ id: 'SoaInput' });
export type SoaInput = z.infer<typeof soaInput>;

const soaRowDto = z.object({
  controlId: z.string(),
  title: z.string(),
  applicable: z.boolean().nullable(),
  implementation: z.enum(implementations).nullable(),
  justification: z.string(),
  source: z.object({ row: z.number().nullable(), method: z.enum(soaMethods), note: z.string() }),
});

const reportDto = z.object({
  inferred: z.array(z.object({ row: z.number().nullable(), controlId: z.string(), message: z.string() })),
  ambiguous: z.array(z.object({ row: z.number().nullable(), message: z.string() })),
  ignoredRows: z.array(z.object({ row: z.number(), reason: z.string() })),
  headerRow: z.number(),
  columns: z.record(z.string(), z.string()),
  versionSource: metaSourceDto.nullable(),
  dateSource: metaSourceDto.nullable(),
  numberingEvidence: z.array(z.string()),
});

const summaryDto = z.object({
  controls: z.number(),
  applicable: z.number(),
  excluded: z.number(),
  excludedWithoutJustification: z.number(),
  applicabilityUnknown: z.number(),
  implementedFull: z.number(),
  implementedPartial: z.number(),
  implementedNone: z.number(),
  missing: z.number(),
});

/** The reading of an SoA file, not saved: a person reviews and corrects it, then posts it to /api/soas. */
export const soaImportDto = z
  .object({ sheetName: z.string().nullable(), version: z.string().nullable(), date: z.string().nullable(), numbering: z.enum(soaNumberings), rows: z.array(soaRowDto), report: reportDto, summary: summaryDto })
  .meta({ id: 'SoaImport' });

export const soaDto = z
  .object({
    id,
    documentId: id,
    owner: z.object({ id, name: z.string() }),
    version: z.string().nullable(),
    date: z.string().nullable(),
    numbering: z.enum(soaNumberings),
    rows: z.array(soaRowDto),
    summary: summaryDto,
    createdAt: z.string(),
  })
  .meta({ id: 'Soa' });
export type SoaDto = z.infer<typeof soaDto>;
