import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';
import { invalid } from '../errors';

type Segment = string | number;

/** zod issues as field problems a person can act on. */
export function fieldIssues(error: z.ZodError, prefix: Segment[] = []): FieldIssue[] {
  return issuesAt(error.issues, prefix);
}

function issuesAt(issues: readonly z.core.$ZodIssue[], prefix: Segment[]): FieldIssue[] {
  return issues.flatMap((issue) => {
    const at = [...prefix, ...(issue.path as Segment[])];
    const path = at.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'is not an allowed field' }));
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) return [{ path, message: 'is required' }];
    if (issue.code === 'invalid_union' && issue.input === undefined) return [{ path, message: 'is required' }];
    if (issue.code === 'invalid_union') {
      // One alternative took the value's type and failed inside it: its issues name the field that is wrong.
      const inside = issue.errors.filter((alternative) => alternative.length > 0 && alternative.every((i) => i.path.length > 0));
      if (inside.length === 1) return issuesAt(inside[0]!, at);
    }
    return [{ path, message: issue.message }];
  });
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored as text: PostgreSQL stores no NUL character
 * (neither in text nor in jsonb), and a lone UTF-16 surrogate is not Unicode
 * text (jsonb refuses it; text would silently store U+FFFD instead).
 */
function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (loneSurrogate.test(s)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  return null;
}

const MAX_TEXT_ISSUES = 50;

/**
 * Every string of an input, field names included, that cannot be stored as
 * text, by path. Walks iteratively, so deeply nested input cannot exhaust
 * the stack; a path is only spelled out for a string that has a problem.
 */
export function unstorableText(value: unknown, prefix: Segment[] = []): FieldIssue[] {
  type Node = { value: unknown; key: Segment | null; parent: Node | null };
  const pathOf = (node: Node, key?: Segment) => {
    const segments: Segment[] = key === undefined ? [] : [key];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) segments.push(n.key);
    return [...prefix, ...segments.reverse()].map(String).join('.');
  };
  const issues: FieldIssue[] = [];
  const queue: Node[] = [{ value, key: null, parent: null }];
  for (let head = 0; head < queue.length && issues.length < MAX_TEXT_ISSUES; head++) {
    const node = queue[head]!;
    if (typeof node.value === 'string') {
      const problem = textProblem(node.value);
      if (problem) issues.push({ path: pathOf(node), message: problem });
    } else if (Array.isArray(node.value)) {
      node.value.forEach((v, i) => queue.push({ value: v, key: i, parent: node }));
    } else if (node.value !== null && typeof node.value === 'object') {
      for (const [k, v] of Object.entries(node.value)) {
        const problem = textProblem(k);
        if (problem) issues.push({ path: pathOf(node, k), message: `is a field name that ${problem}` });
        else queue.push({ value: v, key: k, parent: node });
      }
    }
  }
  return issues;
}

/** Parses one part of a request; a failure names every offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix: Segment[] = []): z.output<S> {
  const unstorable = unstorableText(value, prefix);
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success && unstorable.length === 0) return result.data;
  const named = new Set(unstorable.map((i) => i.path));
  const others = result.success ? [] : fieldIssues(result.error, prefix).filter((i) => !named.has(i.path));
  throw invalid([...unstorable, ...others]);
}
