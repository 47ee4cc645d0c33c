import { controlIds, isControlId } from '../../shared/catalog';
import { allQuestions, scoredAnswerTypes, templateContent, type TemplateContent } from '../../shared/schemas/template';
import { bpoEssentials } from '../../shared/templates/builtin/bpo-essentials';
import { builtinTemplates } from '../../shared/templates/builtin/index';
import { iso27002Full } from '../../shared/templates/builtin/iso27002-full';

function builtin(slug: string): TemplateContent {
  const found = builtinTemplates.find((t) => t.slug === slug);
  if (!found) throw new Error(`no built-in template ${slug}`);
  return found.content;
}

const full = builtin('iso27002-full');
const bpo = builtin('bpo-essentials');

describe('built-in questionnaire templates', () => {
  test.each([
    ['iso27002-full', iso27002Full],
    ['bpo-essentials', bpoEssentials],
  ])('when %s is parsed with templateContent, then it is valid', (_slug, raw) => {
    const parsed = templateContent.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  test('when the built-ins are listed, then both slugs appear once', () => {
    expect(builtinTemplates.map((t) => t.slug).sort()).toEqual(['bpo-essentials', 'iso27002-full']);
  });

  test('when the full template is read, then every catalog control has at least one question', () => {
    const covered = new Set(allQuestions(full).flatMap((q) => q.controlIds));
    expect(controlIds.length).toBe(93);
    expect(controlIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  test('when the full template is read, then every control is evidenced by a scored question with a positive weight', () => {
    const scored = allQuestions(full).filter((q) => q.weight > 0 && scoredAnswerTypes.includes(q.answerType));
    const covered = new Set(scored.flatMap((q) => q.controlIds));
    expect(controlIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  describe.each([
    ['iso27002-full', full],
    ['bpo-essentials', bpo],
  ])('%s', (_slug, content) => {
    const questions = allQuestions(content);

    test('when its keys are listed, then question, section and option keys are unique', () => {
      const keys = questions.map((q) => q.key);
      expect(new Set(keys).size).toBe(keys.length);
      const sectionKeys = content.sections.map((s) => s.key);
      expect(new Set(sectionKeys).size).toBe(sectionKeys.length);
      for (const q of questions) expect(new Set(q.options.map((o) => o.key)).size).toBe(q.options.length);
    });

    test('when a question is read, then its guidance is non-empty and says which evidence satisfies it', () => {
      const lacking = questions.filter((q) => q.guidance.length < 40 || !/\bevidence\b/i.test(q.guidance)).map((q) => q.key);
      expect(lacking).toEqual([]);
    });

    test('when a question has control ids, then they are 2022 catalog ids', () => {
      expect(questions.flatMap((q) => q.controlIds).filter((id) => !isControlId(id))).toEqual([]);
    });

    test('when a question names no control, then it is a gate with weight 0 that other questions depend on', () => {
      const unmapped = questions.filter((q) => q.controlIds.length === 0);
      const gates = new Set(questions.flatMap((q) => (q.condition ? [q.condition.questionKey] : [])));
      expect(unmapped.filter((q) => q.weight !== 0 || !gates.has(q.key)).map((q) => q.key)).toEqual([]);
    });

    test('when a choice question is read, then its credits grade from a best option at 1 down to a worst at 0', () => {
      for (const q of questions.filter((x) => x.answerType === 'single_choice')) {
        const credits = q.options.map((o) => o.credit).filter((c): c is number => c !== null);
        expect([q.key, Math.max(...credits), Math.min(...credits)]).toEqual([q.key, 1, 0]);
      }
    });

    test('when the mix of questions is counted, then there are conditional, graded-choice and evidence-required questions', () => {
      expect(questions.some((q) => q.condition)).toBe(true);
      expect(questions.some((q) => q.answerType === 'single_choice')).toBe(true);
      expect(questions.some((q) => q.evidence === 'required')).toBe(true);
      expect(questions.filter((q) => q.answerType === 'yes_no').length).toBeGreaterThan(questions.length / 2);
    });
  });

  test('when the cloud questions of the full template are read, then they are shown only when the provider uses cloud services', () => {
    const cloud = allQuestions(full).filter((q) => q.controlIds.includes('5.23'));
    expect(cloud.length).toBeGreaterThan(0);
    for (const q of cloud) expect(q.condition?.questionKey).toBe('org-cloud-use');
  });

  test('when the BPO template is counted, then it has between 30 and 40 questions', () => {
    const n = allQuestions(bpo).length;
    expect(n).toBeGreaterThanOrEqual(30);
    expect(n).toBeLessThanOrEqual(40);
  });

  const bpoTopics: [topic: string, anyOf: string[]][] = [
    ['background screening', ['6.1']],
    ['security awareness training', ['6.3']],
    ['clear desk and clear screen', ['7.7']],
    ['mobile phones on the floor (secure areas)', ['7.6']],
    ['physical entry and visitor control', ['7.2']],
    ['remote work', ['6.7']],
    ['access provisioning', ['5.15']],
    ['access reviews', ['5.18']],
    ['privileged access', ['8.2']],
    ['logging', ['8.15']],
    ['monitoring', ['8.16']],
    ['data leakage prevention and printing', ['8.12']],
    ['removable media', ['7.10']],
    ['encryption', ['8.24']],
    ['malware', ['8.7']],
    ['patching', ['8.8']],
    ['incident planning', ['5.24']],
    ['incident assessment', ['5.25']],
    ['incident response and breach notification', ['5.26']],
    ['continuity', ['5.30']],
    ['secure deletion', ['8.10']],
    ['return of data', ['5.11']],
    ['supplier relationships', ['5.19']],
    ['supplier agreements', ['5.20']],
    ['ICT supply chain', ['5.21']],
    ['supplier monitoring', ['5.22']],
    ['call recording (records)', ['5.33']],
    ['card data over the phone (masking)', ['8.11']],
  ];
  test.each(bpoTopics)('when the BPO template is read, then it covers %s', (_topic, anyOf) => {
    const covered = new Set(allQuestions(bpo).flatMap((q) => q.controlIds));
    expect(anyOf.some((id) => covered.has(id))).toBe(true);
  });
});
