import { createAssessmentBody } from '../../shared/schemas/assessment';
import { alertSentence, describeApiError, fieldLabel, fieldSentence, wordErrorTree, type ErrorTree } from '../../client/src/lib/error-wording';

/** The client's ApiError, as far as the wording reads it. */
class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: { fields?: { path: string; message: string }[] }) {
    super(message);
  }
  get fields() {
    return this.details?.fields ?? [];
  }
}

/** Form errors name fields as the form does, never by their API path. */

const validation = (fields: { path: string; message: string }[]) => new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', { fields });

test.each([
  ['a choice the form names', [{ path: 'templateId', message: 'must be a UUID' }], { templateId: { choose: 'Choose a template' } }, 'Choose a template.'],
  ['a field by its label', [{ path: 'dueDate', message: 'must be today or later' }], { dueDate: 'The due date' }, 'The due date must be today or later.'],
  [
    'several problems, one sentence each, a repeated one once',
    [
      { path: 'templateId', message: 'is required' },
      { path: 'templateId', message: 'must be a UUID' },
      { path: 'dueDate', message: 'must be a date (YYYY-MM-DD)' },
    ],
    { templateId: { choose: 'Choose a template' }, dueDate: 'The due date' },
    'Choose a template. The due date must be a date (YYYY-MM-DD).',
  ],
  ['a nested field by its parent label', [{ path: 'riskOverride.reason', message: 'must be at least 10 characters' }], { 'riskOverride.reason': 'The reason' }, 'The reason must be at least 10 characters.'],
  ['a field the form does not name, humanised', [{ path: 'weights.5.1', message: 'must be between 0 and 5' }], {}, 'The weights (5.1) must be between 0 and 5.'],
  ['a camel-case field the form does not name', [{ path: 'contractingEntity', message: 'is required' }], {}, 'The contracting entity is required.'],
])('when the server reports %s, then the message reads as a sentence without API paths', (_case, fields, wording, expected) => {
  const text = describeApiError(validation(fields), wording);
  expect(text).toBe(expected);
  expect(text).not.toMatch(/[a-z][A-Z]|\w+\.\w+:|: must/);
});

test('when the error is not about fields, then its own message is shown; when it is not an API error, the fallback', () => {
  expect(describeApiError(new ApiError(409, 'CONFLICT', 'The questionnaire was sent meanwhile'), {})).toBe('The questionnaire was sent meanwhile');
  expect(describeApiError(new Error('boom'), {}, 'Not created: try again')).toBe('Not created: try again');
});

test.each([
  ['a label without an article', 'dueDate', 'must be today or later', { dueDate: 'Due date' }, 'The due date must be today or later'],
  ['a label with its own article', 'dueDate', 'must be today or later', { dueDate: 'The due date' }, 'The due date must be today or later'],
  ['an acronym label', 'soaDate', 'is not a real calendar date', { soaDate: 'SoA date' }, 'The SoA date is not a real calendar date'],
  ['a choice', 'templateId', 'must be a UUID', { templateId: { choose: 'Choose a template' } }, 'Choose a template'],
  ['a list item by its starred path', 'sites.2.city', 'is required', { 'sites.*.city': 'City' }, 'The city is required'],
  ['a message that is a sentence of its own', 'comment', 'say why when rejecting', { comment: 'Comment' }, 'Say why when rejecting'],
])('when a field shows %s, then its message reads as a sentence', (_case, path, message, wording, expected) => {
  expect(fieldSentence(path, message, wording)).toBe(expected);
});

test.each([
  ['a predicate', 'dueDate', 'must be today or later', { dueDate: 'Due date' }, 'The due date must be today or later'],
  ['a message that is not a predicate', 'comment', 'say why when rejecting', { comment: 'Comment' }, 'Comment: say why when rejecting'],
  ['a field the form does not name', 'riskOverride.reason', 'say why', {}, 'Risk override reason: say why'],
  ['a nested field of a named parent', 'newProvider.adminEmail', 'already has an account elsewhere', { newProvider: 'New provider' }, 'New provider: already has an account elsewhere'],
])('when a problem is shown away from its field (%s), then it is worded "<Label>: <message>" or as a sentence, never by its path', (_case, path, message, wording, expected) => {
  const text = alertSentence(path, message, wording);
  expect(text).toBe(expected);
  expect(text).not.toContain(path);
});

test('when a label carries an article, then the label alone drops it', () => {
  expect(fieldLabel('dueDate', { dueDate: 'The due date' })).toBe('Due date');
  expect(fieldLabel('contractingEntity')).toBe('Contracting entity');
});

test('when the send-questionnaire form is checked in the browser with no template chosen, then the user reads "Choose a template", not "must be a UUID"', async () => {
  // The tree the zod resolver builds: one error per field, from the shared schema's own messages.
  const parsed = createAssessmentBody.safeParse({ templateId: '', dueDate: 'soon' });
  const errors: ErrorTree = {};
  for (const issue of parsed.error?.issues ?? []) errors[issue.path.join('.')] ??= { type: issue.code, message: issue.message };
  expect(errors).toMatchObject({ templateId: { message: 'must be a UUID' } });
  const worded = wordErrorTree(errors, { templateId: { choose: 'Choose a template' }, dueDate: 'Due date' }) as Record<string, { message?: string }>;
  expect(worded.templateId?.message).toBe('Choose a template');
  expect(worded.dueDate?.message).toBe('The due date must be a date (YYYY-MM-DD)');
});

test('when errors are nested in lists, then each message is worded by its own path and the input element is not walked', () => {
  const input = { self: null as unknown };
  input.self = input;
  const errors = { sites: Object.assign([undefined, { city: { type: 'too_small', message: 'is required', ref: input } }], { message: 'needs at least one delivery site' }) };
  const worded = wordErrorTree(errors as unknown as ErrorTree, { 'sites.*.city': 'City', sites: 'The list of sites' }) as unknown as typeof errors;
  expect((worded.sites as unknown as { message: string }).message).toBe('The list of sites needs at least one delivery site');
  expect(worded.sites[1]?.city.message).toBe('The city is required');
  expect(worded.sites[1]?.city.ref).toBe(input);
  expect(errors.sites[1]?.city.message).toBe('is required');
});
