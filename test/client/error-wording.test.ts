import { describeApiError } from '../../client/src/lib/error-wording';

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
  ['a field the form does not name, humanised', [{ path: 'weights.5.1', message: 'must be between 0 and 5' }], {}, 'Weights (5.1) must be between 0 and 5.'],
  ['a camel-case field the form does not name', [{ path: 'contractingEntity', message: 'is required' }], {}, 'Contracting entity is required.'],
])('when the server reports %s, then the message reads as a sentence without API paths', (_case, fields, wording, expected) => {
  const text = describeApiError(validation(fields), wording);
  expect(text).toBe(expected);
  expect(text).not.toMatch(/[a-z][A-Z]|\w+\.\w+:|: must/);
});

test('when the error is not about fields, then its own message is shown; when it is not an API error, the fallback', () => {
  expect(describeApiError(new ApiError(409, 'CONFLICT', 'The questionnaire was sent meanwhile'), {})).toBe('The questionnaire was sent meanwhile');
  expect(describeApiError(new Error('boom'), {}, 'Not created: try again')).toBe('Not created: try again');
});
