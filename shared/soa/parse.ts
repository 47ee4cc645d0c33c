import { controlIds, controls, controlsFor2013, findControl } from '../catalog/index';
import type { IdCandidate } from './ids';
import { isKnown2013, readCellIds } from './ids';
import type { Layout } from './layout';
import { columnLabel, detectLayout, repeatsHeader } from './layout';
import type { MetaRegion, MetaSource } from './meta';
import { readWorkbookMeta, sheetPlace } from './meta';
import { editionNamed, judgeEdition, rowEdition, title2005, title2013 } from './numbering';
import { bestTitleMatch, titleSimilarity } from './titles';
import type { Implementation, SoaCell } from './values';
import { cellText, isPlaceholder, readApplicable, readImplementation, weakestImplementation } from './values';

export type { Implementation, SoaCell } from './values';
export type { MetaSource } from './meta';

/** How a control's row was found in the file. */
export type SoaRowMethod = 'direct' | 'mapped_2013' | 'repaired_by_title' | 'repaired_by_order' | 'inferred' | 'missing';

/** One 2022 control as the SoA states it. */
export interface SoaRow {
  controlId: string;
  applicable: boolean | null;
  implementation: Implementation | null;
  justification: string;
  source: {
    /** 1-based sheet row; the first one when several rows were combined; null when missing. */
    row: number | null;
    method: SoaRowMethod;
    note: string;
  };
}

export interface SoaImportReport {
  /** Ids and values the parser deduced rather than read (repaired ids, ids from titles, applicability from status). */
  inferred: { row: number; controlId: string; message: string }[];
  /** Readings a person should check: titles contradicting ids, unknown ids, conflicting values. */
  ambiguous: { row: number | null; message: string }[];
  /**
   * Every row below the header that gave no control, and why: section headings,
   * notes, repeated headers, ids that are no control, 2013 rows whose 2022
   * controls other rows state directly (a 2022 id "N/A"), 2005 controls.
   */
  ignoredRows: { row: number; reason: string }[];
  /** 1-based row of the header (its last row when it spans two); 0 when no header was found. */
  headerRow: number;
  /** Where each fact was read: role → column letter and header, e.g. applicable → 'D "Applicable?"'. */
  columns: Record<string, string>;
  /** Where the version and the date were read (sheet, cell, how); null when not found. */
  versionSource: MetaSource | null;
  dateSource: MetaSource | null;
  /** Why the file's three-part ids were read as 2013 or 2005 numbering (empty when it has none). */
  numberingEvidence: string[];
}

export type SoaNumbering = '2022' | '2013' | 'both' | '2005';

/** Another sheet of the workbook, read for the SoA's version and date only. */
export interface OtherSheet {
  name: string;
  grid: readonly (readonly SoaCell[])[];
}

export interface SoaParseResult {
  sheetName: string | null;
  version: string | null;
  /** ISO YYYY-MM-DD. */
  date: string | null;
  /** '2005': ISO/IEC 27001:2005 ids, which are reported and never mapped to 2022 controls. */
  numbering: SoaNumbering;
  /** Exactly one row per 2022 control, in catalog order. */
  rows: SoaRow[];
  report: SoaImportReport;
}

/** The facts one sheet row states, before they are assigned to controls. */
interface Entry {
  row: number;
  ids: IdCandidate[];
  numeric: boolean;
  ids2013: string[];
  title: string;
  applicable: boolean | null;
  implementation: Implementation | null;
  justification: string;
  idCell: string;
  /** How applicability was deduced when the row does not state it. */
  inference?: string;
}

interface Claim {
  entry: Entry;
  method: Exclude<SoaRowMethod, 'missing'>;
  note: string;
  via2013?: string;
}

const REASON_CODES: Record<string, string> = {
  lr: 'legal requirement',
  co: 'contractual obligation',
  br: 'business requirement',
  bp: 'best practice',
  'br/bp': 'business requirement / best practice',
  'bp/br': 'business requirement / best practice',
  rra: 'risk assessment',
  ra: 'risk assessment',
  rar: 'risk assessment',
  rr: 'risk assessment',
};

const NOT_APPLICABLE_TEXT = /^(not applicable|n\/a\b|excluded|not relevant|out of scope|not required)/i;
const STATUS_WORDS = /implement|partial|partly|planned|progress|in place|not started/i;

function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

function joinDistinct(parts: string[], separator: string): string {
  return parts.filter((p, i) => p && parts.indexOf(p) === i).join(separator);
}

function readValues(row: readonly SoaCell[], layout: Layout, rowNo: number, report: SoaImportReport) {
  const cell = (c: number | null) => (c === null ? null : (row[c] ?? null));
  const applicableCell = cell(layout.applicable);
  const excludedCell = cell(layout.excluded);
  const implementationCell = cell(layout.implementation);

  let applicable: boolean | null = null;
  const yes = layout.applicable === null ? null : readApplicable(applicableCell);
  const no = layout.excluded === null ? null : readApplicable(excludedCell);
  if (layout.applicable !== null && layout.excluded !== null) {
    if (yes === true && no === true) report.ambiguous.push({ row: rowNo, message: `row ${rowNo}: marked both applicable and excluded` });
    else if (yes === true || no === false) applicable = true;
    else if (no === true || yes === false) applicable = false;
  } else if (layout.applicable !== null) {
    applicable = yes;
  } else if (layout.excluded !== null) {
    applicable = no === null ? null : !no;
  }
  for (const [c, value] of [
    [applicableCell, yes],
    [excludedCell, no],
  ] as const) {
    if (value === null && !isPlaceholder(c)) report.ambiguous.push({ row: rowNo, message: `row ${rowNo}: applicability ${quote(cellText(c))} not understood` });
  }

  let implementation: Implementation | null = null;
  let notApplicable = false;
  if (layout.implementation !== null) {
    const reading = readImplementation(implementationCell);
    implementation = reading.implementation;
    notApplicable = reading.notApplicable;
    if (!implementation && !notApplicable && !isPlaceholder(implementationCell)) {
      report.ambiguous.push({ row: rowNo, message: `row ${rowNo}: implementation ${quote(cellText(implementationCell))} not understood` });
    }
  } else if (STATUS_WORDS.test(cellText(applicableCell))) {
    // One "Applicable / implemented" column: "Partially implemented" says both.
    implementation = readImplementation(applicableCell).implementation;
  }

  const parts = layout.justification.map((c) => cellText(row[c] ?? null));
  const reasons = layout.reasonFlags.filter((f) => readApplicable(row[f.column] ?? null) === true).map((f) => REASON_CODES[f.label.toLowerCase().trim()] ?? f.label);
  if (reasons.length) parts.push(`Selected for: ${joinDistinct(reasons, ', ')}`);
  const justification = joinDistinct(parts, ' / ');
  return { applicable, implementation, notApplicable, justification };
}

/** Previous/next catalog control, for reading row order. */
function neighbour(id: string, step: 1 | -1): string | undefined {
  const i = controlIds.indexOf(id);
  return i < 0 ? undefined : controlIds[i + step];
}

interface Resolution {
  id: string;
  method: 'direct' | 'repaired_by_title' | 'repaired_by_order';
  note: string;
  /** Decided by something other than elimination; others may rely on it. */
  firm: boolean;
}

/**
 * Decides between the literal id and the id Excel may have shortened (5.1 / 5.10):
 * by the title first, then by the neighbouring rows' ids in catalog order.
 */
function resolveCandidates(entries: Entry[], report: SoaImportReport): Map<Entry, (Resolution | null)[]> {
  const out = new Map<Entry, (Resolution | null)[]>();
  const sets = entries.map((e) => new Set(e.ids.flatMap((c) => c.candidates)));
  const pending: { entry: Entry; index: number; cand: IdCandidate; position: number }[] = [];
  entries.forEach((entry, position) => {
    const resolutions: (Resolution | null)[] = entry.ids.map((cand) => {
      const [only, other] = cand.candidates;
      if (!only) {
        report.ambiguous.push({ row: entry.row, message: `row ${entry.row}: ${quote(cand.literal)} is not an ISO/IEC 27001:2022 Annex A control` });
        return null;
      }
      if (other === undefined) return { id: only, method: 'direct', note: cand.fromRange ? `read from the range in ${quote(entry.idCell)}` : '', firm: true };
      return null;
    });
    out.set(entry, resolutions);
    entry.ids.forEach((cand, index) => {
      if (cand.candidates.length === 2) pending.push({ entry, index, cand, position });
    });
  });

  const written = (e: Entry, c: IdCandidate) => (e.numeric ? `the number ${c.literal}` : quote(c.literal));
  const undecided: typeof pending = [];
  for (const p of pending) {
    const { entry, cand, position } = p;
    const [literal, longer] = cand.candidates as [string, string];
    let chosen: string | null = null;
    let how = '';
    let method: Resolution['method'] = 'direct';
    if (entry.title && entry.ids.length === 1) {
      const a = titleSimilarity(entry.title, literal);
      const b = titleSimilarity(entry.title, longer);
      if (Math.max(a, b) >= 0.6 && Math.abs(a - b) >= 0.2) {
        chosen = a > b ? literal : longer;
        how = `title ${quote(entry.title)}`;
        method = 'repaired_by_title';
      }
    }
    if (!chosen) {
      const prev = position > 0 ? sets[position - 1] : undefined;
      const next = position + 1 < sets.length ? sets[position + 1] : undefined;
      const adjacency = (id: string) => (prev?.has(neighbour(id, -1) ?? '') ? 1 : 0) + (next?.has(neighbour(id, 1) ?? '') ? 1 : 0);
      const index = (id: string) => controlIds.indexOf(id);
      const fits = (id: string) =>
        (!prev || [...prev].some((q) => index(q) < index(id))) && (!next || [...next].some((q) => index(q) > index(id)));
      const sa = adjacency(literal);
      const sb = adjacency(longer);
      if (sa !== sb) chosen = sa > sb ? literal : longer;
      else if (fits(literal) !== fits(longer)) chosen = fits(literal) ? literal : longer;
      if (chosen) {
        const before = position > 0 ? entries[position - 1]!.row : null;
        const after = position + 1 < entries.length ? entries[position + 1]!.row : null;
        how = `row order (rows ${[before, after].filter((r) => r !== null).join(' and ')})`;
        method = 'repaired_by_order';
      }
    }
    if (!chosen) {
      undecided.push(p);
      continue;
    }
    const repaired = chosen !== cand.literal;
    out.get(entry)![p.index] = {
      id: chosen,
      method: repaired ? method : 'direct',
      note: repaired
        ? `${written(entry, cand)} read as ${chosen} from the ${how}`
        : entry.numeric
          ? `${written(entry, cand)} read as ${chosen} (not ${longer}) from the ${how}`
          : '',
      firm: true,
    };
    if (repaired) report.inferred.push({ row: entry.row, controlId: chosen, message: `${written(entry, cand)} read as ${chosen} from the ${how}` });
  }

  // Elimination: a shortened id whose literal reading another row already holds.
  const held = new Map<string, number>();
  for (const [entry, resolutions] of out) for (const r of resolutions) if (r?.firm && !held.has(r.id)) held.set(r.id, entry.row);
  for (const { entry, index, cand } of undecided) {
    const [literal, longer] = cand.candidates as [string, string];
    let chosen = literal;
    let note = `${written(entry, cand)} could be ${literal} or ${longer}; read as ${literal}`;
    let method: Resolution['method'] = 'direct';
    if (held.has(literal) && !held.has(longer)) {
      chosen = longer;
      method = 'repaired_by_order';
      note = `${written(entry, cand)} read as ${longer}: row ${held.get(literal)} already holds ${literal}`;
      report.inferred.push({ row: entry.row, controlId: longer, message: note });
    } else {
      report.ambiguous.push({ row: entry.row, message: `row ${entry.row}: ${note} (no title or row order to tell)` });
    }
    out.get(entry)![index] = { id: chosen, method, note, firm: false };
  }
  return out;
}

function combine(controlId: string, claims: Claim[], report: SoaImportReport): SoaRow {
  const first = claims[0]!;
  const applicableValues = claims.map((c) => c.entry.applicable);
  const applicable = applicableValues.includes(true) ? true : applicableValues.includes(false) ? false : null;
  const implementation = weakestImplementation(claims.map((c) => c.entry.implementation));
  if (claims.length === 1) {
    return {
      controlId,
      applicable,
      implementation,
      justification: first.entry.justification,
      source: { row: first.entry.row, method: first.method, note: joinDistinct([first.via2013 ? `mapped from ${first.via2013}` : '', first.note], '; ') },
    };
  }
  const mapped = claims.every((c) => c.method === 'mapped_2013');
  const justification = joinDistinct(
    claims.map((c) => (mapped && c.entry.justification ? `${c.via2013}: ${c.entry.justification}` : c.entry.justification)),
    ' | ',
  );
  const rows = joinDistinct(
    claims.map((c) => (c.via2013 ? `${c.via2013} (row ${c.entry.row})` : `row ${c.entry.row}`)),
    ', ',
  );
  const notes = joinDistinct(
    claims.map((c) => c.note),
    '; ',
  );
  let note = `combined from ${rows}: applicable if any is, the weakest implementation, justifications joined`;
  if (mapped) {
    const expected = findControl(controlId)?.iso2013 ?? [];
    const absent = expected.filter((id) => !claims.some((c) => c.via2013?.split(', ').includes(id)));
    if (absent.length) note += `; ${absent.join(', ')} not in the file`;
  } else if (applicableValues.includes(true) && applicableValues.includes(false)) {
    report.ambiguous.push({ row: first.entry.row, message: `${controlId} appears on ${rows} with different applicability; read as applicable` });
  }
  if (notes) note += `; ${notes}`;
  return { controlId, applicable, implementation, justification, source: { row: first.entry.row, method: mapped ? 'mapped_2013' : first.method, note } };
}

/**
 * Fills in applicability a row does not state: with no applicability column,
 * the status ("N/A", "Implemented") or a justification starting "Not applicable" says it.
 */
function inferApplicability(entry: Entry, values: ReturnType<typeof readValues>, layout: Layout, row: readonly SoaCell[], report: SoaImportReport): void {
  if (entry.applicable === null && layout.applicable === null && layout.excluded === null) {
    if (values.notApplicable) {
      entry.applicable = false;
      entry.inference = `not applicable, from the implementation ${quote(cellText(row[layout.implementation!] ?? null))}`;
    } else if (entry.implementation === 'full' || entry.implementation === 'partial') {
      entry.applicable = true;
      entry.inference = `applicable, since the control is marked ${entry.implementation === 'full' ? 'implemented' : 'partially implemented'}`;
    }
  }
  if (entry.applicable === null && NOT_APPLICABLE_TEXT.test(entry.justification)) {
    entry.applicable = false;
    entry.inference = `not applicable, from the justification ${quote(entry.justification)}`;
  }
  if (entry.applicable === false && (entry.implementation === 'full' || entry.implementation === 'partial')) {
    report.ambiguous.push({ row: entry.row, message: `row ${entry.row}: excluded but marked ${entry.implementation === 'full' ? 'implemented' : 'partially implemented'}` });
  }
}

/**
 * Reads a Statement of Applicability from a sheet's cells (row 1 first):
 * finds the header and columns, reads 2022 and 2013 control ids (repairing
 * ids Excel shortened, splitting cells that hold several ids, mapping 2013
 * controls through Annex B), and returns exactly one row per 2022 control
 * with a report of everything inferred, ambiguous or ignored.
 */
export function parseSoaGrid(grid: readonly (readonly SoaCell[])[], opts: { sheetName?: string; otherSheets?: readonly OtherSheet[] } = {}): SoaParseResult {
  const report: SoaImportReport = { inferred: [], ambiguous: [], ignoredRows: [], headerRow: 0, columns: {}, versionSource: null, dateSource: null, numberingEvidence: [] };
  const layout = detectLayout(grid);
  report.headerRow = layout.headerIndex + 1;
  const label = (c: number) => columnLabel(c, layout.headerTexts[c]);
  const columns: [string, number[]][] = [
    ['controlId', layout.id2022 === null ? [] : [layout.id2022]],
    ['iso2013Id', layout.id2013 === null ? [] : [layout.id2013]],
    ['title', layout.title === null ? [] : [layout.title]],
    ['applicable', layout.applicable === null ? [] : [layout.applicable]],
    ['excluded', layout.excluded === null ? [] : [layout.excluded]],
    ['implementation', layout.implementation === null ? [] : [layout.implementation]],
    ['justification', layout.justification],
    ['reasons', layout.reasonFlags.map((f) => f.column)],
  ];
  for (const [role, cols] of columns) if (cols.length) report.columns[role] = cols.map(label).join(', ');

  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const entries: Entry[] = [];
  const titleOnly: Entry[] = [];
  let saw2013 = false;
  let lastDataIndex = layout.headerIndex;
  for (let r = layout.dataStart; r < grid.length; r += 1) {
    const row = grid[r] ?? [];
    const rowNo = r + 1;
    // Merged cells repeat one text across the row: list each text once.
    const filled = joinDistinct(row.map((c) => cellText(c)), '\u0000').split('\u0000').filter(Boolean);
    if (!filled.length) continue;
    if (repeatsHeader(row, layout)) {
      report.ignoredRows.push({ row: rowNo, reason: 'repeated header' });
      continue;
    }
    const idCell = layout.id2022 === null ? null : (row[layout.id2022] ?? null);
    const cell2013 = layout.id2013 === null ? null : (row[layout.id2013] ?? null);
    const titleCell = layout.title === null ? null : (row[layout.title] ?? null);
    let ids = readCellIds(idCell);
    // Id and title in one cell ("A.5.15 Access control") when no column holds ids alone.
    if (layout.id2022 === null && layout.id2013 === null) ids = readCellIds(titleCell);
    const ids2013Read = readCellIds(cell2013);
    const ids2013 = [...ids.threePart, ...ids2013Read.threePart];
    const ids2022 = ids.twoPart;
    // A title written next to the id ("A.5.15 Access control") beats a title column, which may be a description.
    const title = ids.rest || readCellIds(titleCell).rest || cellText(titleCell);
    if (ids2013.length) saw2013 = true;

    if (!ids2022.length && !ids2013.length) {
      const headings = [...ids.headings, ...ids2013Read.headings, ...ids2013Read.twoPart.map((t) => `A.${t.literal}`)];
      const match = title ? bestTitleMatch(title) : null;
      if (headings.length) {
        report.ignoredRows.push({ row: rowNo, reason: `section heading ${quote(filled.join(' '))}` });
      } else if (match && match.score >= 0.85 && match.score - match.runnerUp >= 0.15) {
        const values = readValues(row, layout, rowNo, report);
        const entry: Entry = { row: rowNo, ids: [{ literal: '', candidates: [match.controlId] }], numeric: false, ids2013: [], title, applicable: values.applicable, implementation: values.implementation, justification: values.justification, idCell: '' };
        inferApplicability(entry, values, layout, row, report);
        titleOnly.push(entry);
        lastDataIndex = r;
      } else {
        report.ignoredRows.push({ row: rowNo, reason: `no control id: ${quote(filled.join(' | '))}` });
      }
      continue;
    }
    for (const unknown of ids2013.filter((id) => !isKnown2013(id))) {
      report.ambiguous.push({ row: rowNo, message: `row ${rowNo}: ${unknown} is not an ISO/IEC 27001:2013 Annex A control` });
    }
    const values = readValues(row, layout, rowNo, report);
    lastDataIndex = r;
    const entry: Entry = { row: rowNo, ids: ids2022, numeric: ids.numeric, ids2013, title, applicable: values.applicable, implementation: values.implementation, justification: values.justification, idCell: cellText(idCell ?? titleCell) };
    inferApplicability(entry, values, layout, row, report);
    entries.push(entry);
  }

  const with2022 = entries.filter((e) => e.ids.length);
  const resolved = resolveCandidates(with2022, report);
  /** Rows that gave no control in the end, and why (listed in the report with the other ignored rows). */
  const unused = new Map<Entry, string>();
  const hasResolved = (e: Entry) => (resolved.get(e) ?? []).some((r) => r !== null);

  // 2013 or 2005? The rows that rely on their three-part ids decide, by ids and titles together.
  const dependent = entries.filter((e) => !hasResolved(e) && e.ids2013.length);
  const namedIn = [
    ...(opts.sheetName ? [opts.sheetName] : []),
    ...grid.slice(0, Math.max(layout.headerIndex + 1, 0)).flatMap((row) => row.map((c) => (typeof c === 'string' ? c : ''))),
  ].filter((t) => t && editionNamed(t));
  const verdict = judgeEdition(
    // With a 2022 id column, the title column names the 2022 control: it says nothing about the old edition.
    dependent.flatMap((e) => e.ids2013.map((id) => ({ id, title: e.ids2013.length === 1 && layout.id2022 === null ? e.title : '' }))),
    [...new Set(namedIn)],
  );
  const is2005 = dependent.length > 0 && verdict.edition === '2005';
  if (dependent.length) {
    const tally = `${verdict.votes2005} for 2005, ${verdict.votes2013} for 2013`;
    if (is2005) {
      // A 2005 id is not expected to be a 2013 control: the rows are listed as 2005 controls instead.
      const rows2005 = new Set(dependent.map((e) => e.row));
      report.ambiguous = report.ambiguous.filter((a) => !(a.row !== null && rows2005.has(a.row) && /is not an ISO\/IEC 27001:2013 Annex A control/.test(a.message)));
      report.numberingEvidence.push(`read as ISO/IEC 27001:2005 numbering (${tally}): 2005 controls are not mapped to 2022 controls`, ...verdict.evidence);
    } else if (verdict.edition === '2013') {
      report.numberingEvidence.push(`read as ISO/IEC 27001:2013 numbering (${tally})`, ...verdict.evidence);
    } else if (verdict.votes2005 === 0) {
      report.numberingEvidence.push(`read as ISO/IEC 27001:2013 numbering: no title or id tells 2013 from 2005 (${tally})`);
    } else {
      const message = `the three-part ids fit neither ISO/IEC 27001:2013 nor 2005 clearly (${tally}); read as 2013: check the numbering`;
      report.numberingEvidence.push(message, ...verdict.evidence);
      report.ambiguous.push({ row: null, message });
    }
  }
  const primary = new Map<string, Claim[]>();
  const mapped = new Map<string, Claim[]>();
  const add = (map: Map<string, Claim[]>, id: string, claim: Claim) => map.set(id, [...(map.get(id) ?? []), claim]);
  for (const entry of entries) {
    const resolutions = (resolved.get(entry) ?? []).filter((r): r is Resolution => r !== null);
    const several = resolutions.length > 1 ? `one of ${resolutions.length} ids in ${quote(entry.idCell)}` : '';
    for (const r of resolutions) {
      const notes = [r.note, several];
      if (entry.title && resolutions.length === 1) {
        const own = titleSimilarity(entry.title, r.id);
        if (own < 0.5) {
          const match = bestTitleMatch(entry.title);
          if (match && match.controlId !== r.id && match.score >= 0.8 && match.score - own >= 0.3) {
            const other = findControl(match.controlId)!;
            const message = `title ${quote(entry.title)} is ${other.id} ${quote(other.title)}, not ${r.id} ${quote(findControl(r.id)!.title)}; read as ${r.id}`;
            report.ambiguous.push({ row: entry.row, message: `row ${entry.row}: ${message}` });
            notes.push(message);
          }
        }
      }
      if (entry.inference) {
        notes.push(entry.inference);
        report.inferred.push({ row: entry.row, controlId: r.id, message: entry.inference });
      }
      add(primary, r.id, { entry, method: r.method, note: joinDistinct(notes, '; ') });
    }
    if (!resolutions.length && entry.ids2013.length) {
      const old2005 = entry.ids2013.map((id) => `${id}${title2005(id) ? ` "${title2005(id)}"` : ''}`).join(', ');
      if (is2005) {
        unused.set(entry, `ISO/IEC 27001:2005 control ${old2005}: 2005 controls are not mapped to 2022 controls`);
        continue;
      }
      const single = entry.ids2013.length === 1 ? rowEdition(entry.ids2013[0]!, entry.title) : null;
      if (single?.edition === '2005') {
        const id = entry.ids2013[0]!;
        const message = `${single.reason}: not mapped as 2013 ${id}${title2013(id) ? ` "${title2013(id)}"` : ''}`;
        report.ambiguous.push({ row: entry.row, message: `row ${entry.row}: ${message}` });
        unused.set(entry, message);
        continue;
      }
    }
    if (!resolutions.length) {
      for (const old of entry.ids2013) {
        for (const id of controlsFor2013(old)) {
          // One row listing several 2013 ids of the same 2022 control is one claim, not several.
          const same = mapped.get(id)?.find((c) => c.entry === entry);
          if (same) same.via2013 = `${same.via2013}, ${old}`;
          else {
            add(mapped, id, { entry, method: 'mapped_2013', note: entry.inference ?? '', via2013: old });
            if (entry.inference) report.inferred.push({ row: entry.row, controlId: id, message: entry.inference });
          }
        }
      }
    }
  }
  for (const entry of titleOnly) {
    const id = entry.ids[0]!.candidates[0]!;
    const holder = primary.get(id)?.[0];
    if (holder) {
      report.ignoredRows.push({ row: entry.row, reason: `no control id; title ${quote(entry.title)} is ${id}, already on row ${holder.entry.row}` });
      continue;
    }
    const message = `no id in the row; title ${quote(entry.title)} matches ${id} ${quote(findControl(id)!.title)}`;
    add(primary, id, { entry, method: 'inferred', note: joinDistinct([message, entry.inference ?? ''], '; ') });
    report.inferred.push({ row: entry.row, controlId: id, message });
    if (entry.inference) report.inferred.push({ row: entry.row, controlId: id, message: entry.inference });
  }

  const has2022 = primary.size > 0;
  const old2013 = saw2013 && !is2005;
  const numbering: SoaNumbering = is2005 && !has2022 ? '2005' : has2022 && old2013 ? 'both' : old2013 ? '2013' : '2022';
  const used = new Set<Entry>();
  const rows: SoaRow[] = controls.map((control) => {
    const claims = primary.get(control.id) ?? mapped.get(control.id);
    if (claims?.length) {
      for (const c of claims) used.add(c.entry);
      return combine(control.id, claims, report);
    }
    const note =
      numbering === '2005'
        ? 'not in the file: the SoA uses ISO/IEC 27001:2005 numbering, which is not mapped to 2022 controls'
        : numbering === '2013' && control.newIn2022
          ? 'not in the file: new in 2022, no 2013 control maps to it'
          : 'not in the file';
    return { controlId: control.id, applicable: null, implementation: null, justification: '', source: { row: null, method: 'missing', note } };
  });

  // Every row that gave no control says why.
  const ignored = new Set(report.ignoredRows.map((r) => r.row));
  for (const entry of [...entries, ...titleOnly]) {
    if (used.has(entry) || ignored.has(entry.row)) continue;
    let reason = unused.get(entry);
    if (!reason) {
      const written = entry.idCell ? quote(entry.idCell) : 'blank';
      const targets = [...new Set(entry.ids2013.flatMap((id) => controlsFor2013(id)))];
      if (!hasResolved(entry) && targets.length) {
        const holders = targets.map((id) => `${id} (row ${(primary.get(id) ?? [])[0]?.entry.row ?? '?'})`).join(', ');
        reason = `2022 id ${written}; its 2013 control${entry.ids2013.length === 1 ? '' : 's'} ${entry.ids2013.join(', ')} map${entry.ids2013.length === 1 ? 's' : ''} to ${holders}, stated directly by ${targets.length === 1 ? 'that row' : 'those rows'}; this row's values were not used`;
      } else if (entry.ids2013.length && !hasResolved(entry)) {
        reason = `${entry.ids2013.join(', ')} ${entry.ids2013.length === 1 ? 'is' : 'are'} not ISO/IEC 27001:2013 Annex A control${entry.ids2013.length === 1 ? '' : 's'}, and the 2022 id is ${written}`;
      } else if (!hasResolved(entry)) {
        reason = `${written} is not an ISO/IEC 27001:2022 Annex A control`;
      } else {
        reason = 'its control is stated by another row';
      }
    }
    report.ignoredRows.push({ row: entry.row, reason });
  }
  report.ignoredRows.sort((a, b) => a.row - b.row);

  // Version and date: above the table, below it, then every other sheet (a cover, document control, revision history).
  const regions: MetaRegion[] = [];
  const top = layout.headerStart >= 0 ? layout.headerStart : Math.min(grid.length, 10);
  regions.push({ sheet: opts.sheetName ?? null, grid, rows: [...Array(top).keys()], place: 3, readRunsBelow: true });
  const footer: number[] = [];
  for (let r = lastDataIndex + 1; r < grid.length; r += 1) footer.push(r);
  if (footer.length) regions.push({ sheet: opts.sheetName ?? null, grid, rows: footer, place: 2, readRunsBelow: true });
  for (const other of opts.otherSheets ?? []) {
    const place = sheetPlace(other.name);
    const rows = [...Array(Math.min(other.grid.length, place > 1 ? 300 : 40)).keys()];
    regions.push({ sheet: other.name, grid: other.grid, rows, place, readRunsBelow: place > 1, labelsBelow: place > 1, minStrength: place > 1 ? undefined : 4 });
  }
  const meta = readWorkbookMeta(regions, opts.sheetName);
  report.versionSource = meta.versionSource;
  report.dateSource = meta.dateSource;
  const mainSheet = (src: MetaSource | null) => src !== null && src.sheet === (opts.sheetName ?? null);
  if (meta.dateAmbiguity) {
    const at = meta.dateSource && !mainSheet(meta.dateSource) ? ` (sheet "${meta.dateSource.sheet}" ${meta.dateSource.cell})` : '';
    report.ambiguous.push({ row: mainSheet(meta.dateSource) ? meta.dateRow : null, message: `date ${meta.dateAmbiguity}${at}` });
  }
  for (const conflict of meta.conflicts) report.ambiguous.push({ row: null, message: conflict });

  // Rows above the header are its title and document control; one holding a control id is a row lost, and said so.
  for (let r = 0; r < layout.headerStart; r += 1) {
    if (meta.versionSource?.sheet === (opts.sheetName ?? null) && meta.versionRow === r + 1) continue;
    const row = grid[r] ?? [];
    const id = row.find((c) => {
      const ids = readCellIds(c);
      return ids.twoPart.some((t) => t.candidates.length) || ids.threePart.some((t) => isKnown2013(t) || title2005(t) !== undefined);
    });
    if (id !== undefined) report.ignoredRows.unshift({ row: r + 1, reason: `above the header (row ${layout.headerStart + 1}): ${quote(cellText(id))} not read as a control` });
  }
  report.ignoredRows.sort((a, b) => a.row - b.row);

  return { sheetName: opts.sheetName ?? null, version: meta.version, date: meta.date, numbering, rows, report };
}

export interface SoaSummary {
  controls: number;
  applicable: number;
  excluded: number;
  excludedWithoutJustification: number;
  /** Present in the file but with no readable applicability. */
  applicabilityUnknown: number;
  implementedFull: number;
  implementedPartial: number;
  implementedNone: number;
  missing: number;
}

/** Counts over a parsed SoA: applicable, excluded (with and without justification), implementation states, missing. */
export function summarizeSoa(result: {
  rows: readonly { applicable: boolean | null; implementation: 'full' | 'partial' | 'none' | null; justification: string; source: { method: string } }[];
}): SoaSummary {
  const s: SoaSummary = {
    controls: result.rows.length,
    applicable: 0,
    excluded: 0,
    excludedWithoutJustification: 0,
    applicabilityUnknown: 0,
    implementedFull: 0,
    implementedPartial: 0,
    implementedNone: 0,
    missing: 0,
  };
  for (const row of result.rows) {
    if (row.source.method === 'missing') s.missing += 1;
    if (row.applicable === true) s.applicable += 1;
    if (row.applicable === false) {
      s.excluded += 1;
      if (!row.justification.trim()) s.excludedWithoutJustification += 1;
    }
    if (row.applicable === null && row.source.method !== 'missing') s.applicabilityUnknown += 1;
    if (row.implementation === 'full') s.implementedFull += 1;
    if (row.implementation === 'partial') s.implementedPartial += 1;
    if (row.implementation === 'none') s.implementedNone += 1;
  }
  return s;
}
