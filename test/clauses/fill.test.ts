import { fillClause, unknownVariables, variablesIn } from '../../shared/clauses/fill';

describe('variablesIn', () => {
  it('when a text repeats a variable and spaces its braces, then each name is listed once in order of first appearance', () => {
    expect(variablesIn('{{sites}} and {{ services }} then {{sites}} and {{rtoHours}}')).toEqual(['sites', 'services', 'rtoHours']);
  });

  it('when a text has no variables or malformed ones, then none are listed', () => {
    expect(variablesIn('The Provider shall {notificationHours} {{ }} {{1x}}.')).toEqual([]);
  });
});

describe('unknownVariables', () => {
  it('when a text uses a typo and an invented name, then exactly those are reported', () => {
    expect(unknownVariables('within {{notificationHour}} hours at {{sites}} for {{buyerMood}}')).toEqual(['notificationHour', 'buyerMood']);
  });

  it('when a text uses only known names, then nothing is reported', () => {
    expect(unknownVariables('{{providerLegalName}} within {{deletionDays}} days')).toEqual([]);
  });
});

describe('fillClause', () => {
  it('when no values are given, then defaults fill their variables and nothing is missing', () => {
    const result = fillClause('within {{notificationHours}} hours, RTO {{rtoHours}} h, RPO {{rpoHours}} h, {{deletionDays}} days', {});
    expect(result).toEqual({ text: 'within 24 hours, RTO 4 h, RPO 1 h, 30 days', missing: [] });
  });

  it('when values are given, then they replace defaults and fill variables that have none', () => {
    const result = fillClause('{{providerLegalName}} shall notify within {{notificationHours}} hours', {
      providerLegalName: 'Acme BPO Philippines, Inc.',
      notificationHours: '48',
    });
    expect(result).toEqual({ text: 'Acme BPO Philippines, Inc. shall notify within 48 hours', missing: [] });
  });

  it('when a variable with no default has no value, then it reads TO BE AGREED with its description and is listed once', () => {
    const result = fillClause('{{providerLegalName}} at {{sites}}; {{providerLegalName}} again', { sites: 'Manila, PH' });
    expect(result.missing).toEqual(['providerLegalName']);
    expect(result.text).toBe(
      '[TO BE AGREED: the legal name of the contracting Provider entity] at Manila, PH; [TO BE AGREED: the legal name of the contracting Provider entity] again',
    );
  });

  it.each([
    ['undefined', undefined],
    ['an empty string', ''],
    ['only spaces', '   '],
  ])('when a value is %s, then it counts as absent: the default applies, or the placeholder', (_label, value) => {
    expect(fillClause('{{criticalPatchDays}}', { criticalPatchDays: value })).toEqual({ text: '14', missing: [] });
    const noDefault = fillClause('{{dataLocations}}', { dataLocations: value });
    expect(noDefault.missing).toEqual(['dataLocations']);
    expect(noDefault.text).toMatch(/^\[TO BE AGREED: .+\]$/);
  });

  it('when a text uses an unknown variable without a value, then it is never blank: placeholder with its name and listed', () => {
    expect(fillClause('pay {{penaltyAmount}} now', {})).toEqual({ text: 'pay [TO BE AGREED: penaltyAmount] now', missing: ['penaltyAmount'] });
  });

  it('when every value is provided, then no braces remain in the text', () => {
    const result = fillClause('{{sites}} / {{services}} / {{findingsAnnexReference}}', {
      sites: 'Cebu',
      services: 'Customer support',
      findingsAnnexReference: 'Annex 3',
    });
    expect(result.text).toBe('Cebu / Customer support / Annex 3');
    expect(result.text).not.toContain('{{');
  });
});
