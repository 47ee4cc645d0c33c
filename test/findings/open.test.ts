import { countsAsOpen, isOpenFinding } from '../../shared/schemas/finding';

describe('which findings count as open', () => {
  const today = '2026-11-30';

  test.each([
    ['open', null, true],
    ['remediation_planned', null, true],
    ['resolved', null, false],
    ['dismissed', null, false],
    ['risk_accepted', '2026-12-31', false],
    ['risk_accepted', today, false],
    ['risk_accepted', '2026-11-29', true],
  ] as const)('when a finding is %s (risk accepted until %s), then countsAsOpen is %s', (status, expires, open) => {
    expect(countsAsOpen(status, expires, today)).toBe(open);
  });

  test.each([
    ['open', false, true],
    ['remediation_planned', false, true],
    ['resolved', false, false],
    ['dismissed', false, false],
    ['risk_accepted', false, false],
    ['risk_accepted', true, true],
  ] as const)('when a presented finding is %s (acceptance expired: %s), then isOpenFinding is %s', (status, riskAcceptanceExpired, open) => {
    expect(isOpenFinding({ status, riskAcceptanceExpired })).toBe(open);
  });
});
