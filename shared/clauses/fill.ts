import { clauseVariables, type ClauseVariable } from './library';

// Names are identifiers; spaces inside the braces are tolerated because people type them.
const variablePattern = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

const known = new Map<string, ClauseVariable>(clauseVariables.map((v) => [v.name, v]));

/** The distinct variable names in a clause text, in order of first appearance. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(variablePattern)].map((m) => m[1]!))];
}

/** The variables in a text that are not in `clauseVariables` (typos, or names the schedule cannot fill). */
export function unknownVariables(text: string): string[] {
  return variablesIn(text).filter((name) => !known.has(name));
}

/**
 * Fills a clause text. A value that is absent or blank falls back to the
 * variable's default; with neither, the text says `[TO BE AGREED: …]` and the
 * name is listed in `missing`, because a contract must never read with a gap
 * that nobody notices.
 */
export function fillClause(text: string, values: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(variablePattern, (_match, name: string) => {
    const given = values[name]?.trim();
    if (given) return given;
    const variable = known.get(name);
    if (variable?.defaultValue !== undefined) return variable.defaultValue;
    if (!missing.includes(name)) missing.push(name);
    return `[TO BE AGREED: ${variable?.description ?? name}]`;
  });
  return { text: filled, missing };
}
