import { Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { controlTypes, cybersecurityConcepts, operationalCapabilities, securityDomains, securityProperties, themes } from '../../../../shared/catalog';

export const families = [
  { param: 'theme', label: 'Theme', values: themes },
  { param: 'controlType', label: 'Control type', values: controlTypes },
  { param: 'property', label: 'Security properties', values: securityProperties },
  { param: 'concept', label: 'Cybersecurity concepts', values: cybersecurityConcepts },
  { param: 'capability', label: 'Operational capabilities', values: operationalCapabilities },
  { param: 'domain', label: 'Security domains', values: securityDomains },
] as const;

const pretty = (v: string) => v.replace(/_/g, ' ');

/** Edits a copy of the current parameters; the owner decides where the current parameters live (the URL, or state). */
export type ParamsUpdate = (change: (next: URLSearchParams) => void) => void;

/** Flips one value of a multi-valued parameter, keeping the others and their order. */
export function toggleParam(next: URLSearchParams, param: string, value: string) {
  const values = next.getAll(param);
  next.delete(param);
  for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) next.append(param, v);
}

/** Search and attribute chips; the state lives in the given parameters (OR within a family, AND across). */
export function ControlFilters({ params, onChange }: { params: URLSearchParams; onChange: ParamsUpdate }) {
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => {
    const t = setTimeout(() => {
      if ((params.get('q') ?? '') === q) return;
      onChange((next) => (q ? next.set('q', q) : next.delete('q')));
    }, 250);
    return () => clearTimeout(t);
  }, [q, params, onChange]);
  return (
    <Stack gap="xs">
      <TextInput label="Search controls" placeholder="Id, title or a 2013 id (A.9.2.3)" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {families.map((f) => {
        const selected = params.getAll(f.param);
        return (
          <div key={f.param}>
            <Text size="xs" fw={600} c="dimmed">
              {f.label}
            </Text>
            <Group gap={6} mt={4}>
              {f.values.map((v) => (
                <Chip key={v} size="xs" checked={selected.includes(v)} onChange={() => onChange((next) => toggleParam(next, f.param, v))}>
                  {pretty(v)}
                </Chip>
              ))}
            </Group>
          </div>
        );
      })}
    </Stack>
  );
}
