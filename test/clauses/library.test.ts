import { isControlId } from '../../shared/catalog';
import { clauseVariables, defaultClauses } from '../../shared/clauses/library';
import { unknownVariables, variablesIn } from '../../shared/clauses/fill';
import { findingCodes } from '../../shared/findings/codes';
import { dataCategories } from '../../shared/schemas/engagement-profile';

describe('default clause library', () => {
  it('when the library is loaded, then it holds at least 22 clauses with distinct keys', () => {
    expect(defaultClauses.length).toBeGreaterThanOrEqual(22);
    expect(new Set(defaultClauses.map((c) => c.key)).size).toBe(defaultClauses.length);
  });

  describe.each(defaultClauses.map((c) => [c.key, c] as const))('clause %s', (_key, clause) => {
    it('when checked, then it has a title, non-empty text and at least one valid 2022 control id', () => {
      expect(clause.title.trim()).not.toBe('');
      expect(clause.text.trim().length).toBeGreaterThan(80);
      expect(clause.controlIds.length).toBeGreaterThan(0);
      expect(clause.controlIds.filter((id) => !isControlId(id))).toEqual([]);
    });

    it('when checked, then its finding codes are known codes and its variables are all known', () => {
      expect(clause.findingCodes.filter((code) => !(findingCodes as readonly string[]).includes(code))).toEqual([]);
      expect(unknownVariables(clause.text)).toEqual([]);
    });

    it('when checked, then its condition names only known data categories and a finding-only clause has codes', () => {
      if (clause.when === 'always') return;
      expect((clause.when.dataCategories ?? []).filter((c) => !(dataCategories as readonly string[]).includes(c))).toEqual([]);
      // A clause with no profile condition and no finding code could never be selected.
      if (Object.keys(clause.when).length === 0) expect(clause.findingCodes.length).toBeGreaterThan(0);
    });
  });

  it('when every clause text is read, then every declared variable is used by at least one clause', () => {
    const used = new Set(defaultClauses.flatMap((c) => variablesIn(c.text)));
    expect(clauseVariables.map((v) => v.name).filter((name) => !used.has(name))).toEqual([]);
  });

  it('when every finding code is considered, then each one triggers at least one clause', () => {
    const triggering = new Set(defaultClauses.flatMap((c) => c.findingCodes));
    expect(findingCodes.filter((code) => !triggering.has(code))).toEqual([]);
  });

  it.each([
    ['notificationHours', '24'],
    ['scopeExtensionMonths', '6'],
    ['deletionDays', '30'],
    ['logRetentionMonths', '12'],
    ['criticalPatchDays', '14'],
    ['rtoHours', '4'],
    ['rpoHours', '1'],
    ['providerLegalName', undefined],
    ['sites', undefined],
    ['services', undefined],
    ['dataLocations', undefined],
    ['findingsAnnexReference', undefined],
  ])('when variable %s is looked up, then its default is %s and it has a description', (name, defaultValue) => {
    const variable = clauseVariables.find((v) => v.name === name);
    expect(variable).toBeDefined();
    expect(variable!.defaultValue).toBe(defaultValue);
    expect(variable!.description.trim()).not.toBe('');
  });

  it.each([
    ['iso27001-certification', ['providerLegalName', 'sites', 'services']],
    ['certification-scope-extension', ['scopeExtensionMonths']],
    ['incident-notification', ['notificationHours']],
    ['data-location', ['dataLocations']],
    ['exit-return-deletion', ['deletionDays']],
    ['logging-monitoring', ['logRetentionMonths']],
    ['vulnerability-management', ['criticalPatchDays']],
    ['business-continuity', ['rtoHours', 'rpoHours']],
    ['finding-remediation', ['findingsAnnexReference']],
  ])('when clause %s is read, then it uses the variables %j', (key, names) => {
    const clause = defaultClauses.find((c) => c.key === key);
    expect(clause).toBeDefined();
    expect(variablesIn(clause!.text)).toEqual(expect.arrayContaining(names));
  });
});
