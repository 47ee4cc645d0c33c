import { ActionIcon, Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Switch, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useWatch, type Control, type UseFormReturn } from 'react-hook-form';
import { answerTypes, evidencePolicies, templateContent, type TemplateContentInput, type TemplateDto } from '../../../../../shared/schemas/template';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import type { FormWording } from '../../../lib/error-wording';
import { useAllControls, useSaveTemplate } from '../api/templates';
import { ControlPicker } from './control-picker';
import { TemplatePreview } from './template-preview';

type Form = UseFormReturn<TemplateContentInput, unknown, TemplateContentInput>;
const typeOptions = answerTypes.map((t) => ({ value: t, label: { yes_no: 'Yes / Partial / No', single_choice: 'One choice', multiple_choice: 'Several choices', text: 'Text', date: 'Date', number: 'Number' }[t] }));
const evidenceOptions = evidencePolicies.map((e) => ({ value: e, label: `Evidence: ${e}` }));
const emptyQuestion = () => ({ key: `q-${Math.random().toString(36).slice(2, 7)}`, text: '', guidance: '', answerType: 'yes_no' as const, options: [], controlIds: [], weight: 1, evidence: 'none' as const, allowNa: true, condition: null });

/** The builder's fields as its inputs label them; list positions are `*`. */
const wording: FormWording = {
  name: 'Template name',
  description: 'Description',
  sections: 'The list of sections',
  'sections.*.key': 'Section key',
  'sections.*.title': 'Section title',
  'sections.*.questions': 'The list of questions',
  'sections.*.questions.*.key': 'Question key',
  'sections.*.questions.*.text': 'Question',
  'sections.*.questions.*.evidence': { choose: 'Choose what evidence the question asks for' },
  'sections.*.questions.*.controlIds': 'The list of controls',
  'sections.*.questions.*.options': 'The list of options',
  'sections.*.questions.*.options.*.key': 'Option key',
  'sections.*.questions.*.condition.questionKey': { choose: 'Choose an earlier question' },
  'sections.*.questions.*.condition.anyOf': 'The list of answers',
};

/** Path-based error lookup: react-hook-form nests errors like the values. */
function errorAt(form: Form, path: string): string | undefined {
  let node: unknown = form.formState.errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node as { message?: string } | undefined)?.message;
}

function OptionsEditor({ form, si, qi }: { form: Form; si: number; qi: number }) {
  const options = useFieldArray({ control: form.control, name: `sections.${si}.questions.${qi}.options` });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Options (credit 0–1; leave the credit empty for a “not applicable” option)
      </Text>
      {options.fields.map((o, oi) => (
        <Group key={o.id} wrap="nowrap" align="end">
          <TextInput aria-label={`Option ${oi + 1} key`} placeholder="key" w={120} {...form.register(`sections.${si}.questions.${qi}.options.${oi}.key`)} error={errorAt(form, `sections.${si}.questions.${qi}.options.${oi}.key`)} />
          <TextInput aria-label={`Option ${oi + 1} label`} placeholder="Label" style={{ flex: 1 }} {...form.register(`sections.${si}.questions.${qi}.options.${oi}.label`)} />
          <Controller
            control={form.control}
            name={`sections.${si}.questions.${qi}.options.${oi}.credit`}
            render={({ field }) => <NumberInput aria-label={`Option ${oi + 1} credit`} w={100} min={0} max={1} step={0.1} decimalScale={2} value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : null)} />}
          />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove option ${oi + 1}`} onClick={() => options.remove(oi)}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      {errorAt(form, `sections.${si}.questions.${qi}.options`) && <Text c="red" size="xs">{errorAt(form, `sections.${si}.questions.${qi}.options`)}</Text>}
      <Button size="xs" variant="subtle" w="fit-content" onClick={() => options.append({ key: `o${options.fields.length + 1}`, label: '', credit: 1 })}>
        Add an option
      </Button>
    </Stack>
  );
}

function ConditionEditor({ form, si, qi, earlier }: { form: Form; si: number; qi: number; earlier: { key: string; label: string; values: string[] }[] }) {
  const name = `sections.${si}.questions.${qi}.condition` as const;
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => {
        const target = earlier.find((e) => e.key === field.value?.questionKey);
        return (
          <Group align="end">
            <Select
              label="Show only if"
              placeholder="Always shown"
              clearable
              data={earlier.map((e) => ({ value: e.key, label: e.label }))}
              value={field.value?.questionKey ?? null}
              onChange={(k) => field.onChange(k ? { questionKey: k, anyOf: [] } : null)}
              w={320}
              error={errorAt(form, `${name}.questionKey`)}
            />
            {field.value && (
              <MultiSelect label="is answered" data={target?.values ?? []} value={field.value.anyOf ?? []} onChange={(v) => field.onChange({ ...field.value!, anyOf: v })} w={260} error={errorAt(form, `${name}.anyOf`)} />
            )}
          </Group>
        );
      }}
    />
  );
}

function QuestionsEditor({ form, si, controls }: { form: Form; si: number; controls: { value: string; label: string }[] }) {
  const questions = useFieldArray({ control: form.control, name: `sections.${si}.questions` });
  const all = useWatch({ control: form.control as Control<TemplateContentInput>, name: 'sections' });
  return (
    <Stack gap="sm">
      {questions.fields.map((q, qi) => {
        const path = `sections.${si}.questions.${qi}` as const;
        const current = all?.[si]?.questions?.[qi];
        const choice = current?.answerType === 'single_choice' || current?.answerType === 'multiple_choice';
        const before = (all ?? []).flatMap((s, sj) => (s.questions ?? []).map((x, xj) => ({ x, order: sj * 1000 + xj }))).filter((e) => e.order < si * 1000 + qi);
        const earlier = before
          .filter((e) => ['yes_no', 'single_choice', 'multiple_choice'].includes(e.x.answerType))
          .map((e) => ({ key: e.x.key, label: `${e.x.key}: ${e.x.text.slice(0, 50)}`, values: e.x.answerType === 'yes_no' ? ['yes', 'partial', 'no', 'na'] : (e.x.options ?? []).map((o) => o.key) }));
        return (
          <Paper key={q.id} withBorder p="sm" aria-label={`Question ${qi + 1} of section ${si + 1}`}>
            <Stack gap="xs">
              <Group align="end" wrap="nowrap">
                <TextInput label="Key" w={160} {...form.register(`${path}.key`)} error={errorAt(form, `${path}.key`)} />
                <Textarea label="Question" autosize style={{ flex: 1 }} {...form.register(`${path}.text`)} error={errorAt(form, `${path}.text`)} />
                <ActionIcon variant="subtle" aria-label={`Move question ${qi + 1} up`} disabled={qi === 0} onClick={() => questions.move(qi, qi - 1)}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove question ${qi + 1}`} onClick={() => questions.remove(qi)}>
                  ✕
                </ActionIcon>
              </Group>
              <Textarea label="Guidance: what a good answer says, which evidence satisfies it" autosize {...form.register(`${path}.guidance`)} />
              <Group align="end">
                <Controller control={form.control} name={`${path}.answerType`} render={({ field }) => <Select label="Answer type" data={typeOptions} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} w={190} />} />
                <Controller control={form.control} name={`${path}.evidence`} render={({ field }) => <Select label="Evidence" data={evidenceOptions} value={field.value ?? 'none'} onChange={(v) => v && field.onChange(v)} allowDeselect={false} w={170} error={errorAt(form, `${path}.evidence`)} />} />
                <Controller control={form.control} name={`${path}.weight`} render={({ field }) => <NumberInput label="Weight" min={0} max={10} step={0.5} w={100} value={field.value ?? 1} onChange={(v) => field.onChange(typeof v === 'number' ? v : 1)} />} />
                <Controller control={form.control} name={`${path}.allowNa`} render={({ field }) => <Switch label="N/A allowed" checked={field.value ?? true} onChange={(e) => field.onChange(e.currentTarget.checked)} />} />
              </Group>
              <Controller
                control={form.control}
                name={`${path}.controlIds`}
                render={({ field }) => (
                  <Group align="end" wrap="nowrap">
                    <MultiSelect label="ISO/IEC 27002:2022 controls this question evidences" placeholder="Search by id or title" data={controls} value={field.value ?? []} onChange={field.onChange} searchable maxDropdownHeight={300} style={{ flex: 1 }} error={errorAt(form, `${path}.controlIds`) ?? errorAt(form, `${path}.controlIds.0`)} />
                    <ControlPicker value={field.value ?? []} onChange={field.onChange} />
                  </Group>
                )}
              />
              {choice && <OptionsEditor form={form} si={si} qi={qi} />}
              <ConditionEditor form={form} si={si} qi={qi} earlier={earlier} />
            </Stack>
          </Paper>
        );
      })}
      <Button variant="light" w="fit-content" onClick={() => questions.append(emptyQuestion())}>
        Add a question
      </Button>
    </Stack>
  );
}

/** Sections and questions mapped to controls, with a live preview; saving creates a new version. */
export function TemplateBuilder({ template, onSaved }: { template?: TemplateDto; onSaved: (t: TemplateDto) => void }) {
  const save = useSaveTemplate(template && !template.builtin ? template.id : undefined);
  const catalog = useAllControls();
  const controls = useMemo(() => (catalog.data ?? []).map((c) => ({ value: c.id, label: `${c.id} ${c.title}` })), [catalog.data]);
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(templateContent, {
    wording,
    defaultValues: template
      ? { ...template.content, name: template.builtin ? `${template.content.name} (copy)` : template.content.name }
      : { name: '', description: '', sections: [{ key: 'general', title: 'General', description: '', questions: [emptyQuestion()] }] },
  }) as unknown as Form;
  const sections = useFieldArray({ control: form.control, name: 'sections' });
  const values = useWatch({ control: form.control });

  const onSubmit = form.handleSubmit(async (content) => {
    setMessage(null);
    try {
      onSaved(await save.mutateAsync(content));
    } catch (err) {
      setMessage(applyServerErrors(form as never, err, ['name', 'description', 'sections'], wording));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Template builder">
      <Stack>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        {Object.keys(form.formState.errors).length > 0 && <Alert color="red">Some fields need attention (marked in red).</Alert>}
        <Tabs defaultValue="edit">
          <Tabs.List>
            <Tabs.Tab value="edit">Edit</Tabs.Tab>
            <Tabs.Tab value="preview">Preview</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="edit" pt="md">
            <Stack>
              <TextInput label="Template name" {...form.register('name')} error={errorAt(form, 'name')} />
              <Textarea label="Description" autosize {...form.register('description')} />
              {sections.fields.map((s, si) => (
                <Paper key={s.id} withBorder p="md" bg="gray.0">
                  <Stack>
                    <Group align="end" wrap="nowrap">
                      <TextInput label="Section key" w={160} {...form.register(`sections.${si}.key`)} error={errorAt(form, `sections.${si}.key`)} />
                      <TextInput label="Section title" style={{ flex: 1 }} {...form.register(`sections.${si}.title`)} error={errorAt(form, `sections.${si}.title`)} />
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove section ${si + 1}`} onClick={() => sections.remove(si)} disabled={sections.fields.length === 1}>
                        ✕
                      </ActionIcon>
                    </Group>
                    <QuestionsEditor form={form} si={si} controls={controls} />
                  </Stack>
                </Paper>
              ))}
              <Button variant="default" w="fit-content" onClick={() => sections.append({ key: `section-${sections.fields.length + 1}`, title: '', description: '', questions: [emptyQuestion()] })}>
                Add a section
              </Button>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="md">
            <TemplatePreview content={values as TemplateContentInput} />
          </Tabs.Panel>
        </Tabs>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {template && !template.builtin ? 'Save new version' : 'Save template'}
          </Button>
        </Group>
        <Title order={6} c="dimmed">
          Questionnaires already sent keep the version they were sent with.
        </Title>
      </Stack>
    </form>
  );
}
