import { suggestionStatuses, suggestionStatusLabel, type SuggestionStatus } from '../../shared/schemas/assessment';

/** The suggestion banner says where an earlier answer stands, in words that never name a buyer. */
test.each<[SuggestionStatus, string]>([
  ['accepted', 'accepted by a buyer'],
  ['submitted', 'submitted, not yet reviewed'],
  ['changes_requested', 'returned for changes'],
])('when a suggestion is %s, then the banner reads "%s"', (status, label) => {
  expect(suggestionStatusLabel(status)).toBe(label);
});

test('when any status is labelled, then the label is set words, never a placeholder for a name', () => {
  for (const s of suggestionStatuses) expect(suggestionStatusLabel(s)).toMatch(/^[a-z ,]+$/);
});
