import { Anchor, Badge, Group, Modal, Paper, Progress, SimpleGrid, Stack, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { GAP_THRESHOLD } from '../../../../../shared/scoring/gap';
import type { ControlScoreDto } from '../../../../../shared/schemas/score';
import { useEngagementAssessments } from '../api/engagements';
import { useFindings, useScore, useSummary } from '../api/findings';
import { dayLabel } from '../../../lib/dates';
import { pendingQuestionnaire } from '../findings-basis';

const ratingColor: Record<string, string> = { A: 'green', B: 'teal', C: 'orange', D: 'red' };
const cellColor = (c: ControlScoreDto) => (!c.applicable ? 'var(--mantine-color-gray-3)' : !c.answered ? 'var(--mantine-color-gray-1)' : c.score >= 0.85 ? 'var(--mantine-color-green-4)' : c.score >= GAP_THRESHOLD ? 'var(--mantine-color-yellow-4)' : 'var(--mantine-color-red-4)');

/** Score, rating and residual risk; theme scores; the 93 controls as a grid coloured by status. */
export function ScorePanel({ engagementId }: { engagementId: string }) {
  const summary = useSummary(engagementId, true);
  const score = useScore(summary.data?.assessmentId);
  const [picked, setPicked] = useState<ControlScoreDto | null>(null);
  // Which submission the score is of, and whether a newer questionnaire is still being answered.
  const basis = useFindings(engagementId).data?.basis;
  const assessments = useEngagementAssessments(engagementId);
  if (!summary.data) return null;
  const s = summary.data;
  const pending = basis && assessments.data ? pendingQuestionnaire(basis, assessments.data) : null;
  const coverage = score.data?.coverage;
  return (
    <Paper withBorder p="md" aria-label="Score">
      <Stack gap="sm">
        <Group>
          <Title order={4}>Score</Title>
          {s.rating ? (
            <>
              <Badge size="xl" color={ratingColor[s.rating]} aria-label="Rating">
                {s.rating}
              </Badge>
              <Text fw={600}>{s.score?.toFixed(1)} / 100</Text>
              <Badge variant="outline">residual risk: {s.residualRisk}</Badge>
              <Text size="sm" c="dimmed" aria-label="Coverage">
                {coverage
                  ? `${coverage.answered} of the ${coverage.applicable} controls that count answered · the questionnaire asks about ${coverage.asked} of the ${coverage.catalog} controls (the others do not count)`
                  : `coverage ${Math.round((s.coverage ?? 0) * 100)} % of the controls that count`}
              </Text>
              <Anchor size="sm" href={`/api/assessments/${s.assessmentId}/report?format=pdf`}>
                Report (PDF)
              </Anchor>
              <Anchor size="sm" href={`/api/assessments/${s.assessmentId}/report?format=xlsx`}>
                Report (xlsx)
              </Anchor>
            </>
          ) : (
            <Text c="dimmed">No questionnaire submitted yet.</Text>
          )}
          <Group gap={4}>
            {(['critical', 'high', 'medium', 'low'] as const).map((k) => (
              <Badge key={k} variant="light" color={{ critical: 'red', high: 'orange', medium: 'yellow', low: 'blue' }[k]}>
                {s.findings[k]} {k}
              </Badge>
            ))}
          </Group>
        </Group>
        {s.rating && basis?.answers && (
          <Text size="sm" c="dimmed" aria-label="Score as of">
            As of the answers to “{basis.answers.title}”, submitted {dayLabel(basis.answers.submittedAt)}.
            {pending && ` A newer questionnaire, “${pending.title}”, is ${pending.status.replace('_', ' ')} (${pending.progress.answered} of ${pending.progress.total} answered): it is not scored until it is submitted.`}
          </Text>
        )}
        {coverage && coverage.requiredNotAsked.length > 0 && (
          <Text size="sm" c="orange.8" role="note">
            Required by this engagement but not asked by the questionnaire, so they count as 0: {coverage.requiredNotAsked.join(', ')}.
          </Text>
        )}
        {score.data && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {score.data.themes.map((t) => (
                <div key={t.theme}>
                  <Group justify="space-between">
                    <Text size="sm">{t.theme}</Text>
                    <Text size="sm">{t.score.toFixed(1)}</Text>
                  </Group>
                  <Progress value={t.score} aria-label={`${t.theme} score`} color={t.score >= 70 ? 'green' : t.score >= 50 ? 'yellow' : 'red'} />
                </div>
              ))}
            </SimpleGrid>
            <Text size="sm" fw={500}>
              The 93 controls (green ≥ 0.85, yellow ≥ {GAP_THRESHOLD}, red &lt; {GAP_THRESHOLD}, light: not answered, grey: not counted — not asked by the questionnaire, or excluded by the SoA)
            </Text>
            <div role="grid" aria-label="Control grid" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(46px, 1fr))', gap: 4 }}>
              {score.data.controls.map((c) => (
                <Tooltip key={c.controlId} label={`${c.controlId} ${c.title}: ${c.applicable ? (c.answered ? c.score.toFixed(2) : 'not answered') : (c.notApplicableReason ?? 'not applicable')}`}>
                  <UnstyledButton role="gridcell" aria-label={`Control ${c.controlId}`} onClick={() => setPicked(c)} style={{ background: cellColor(c), borderRadius: 4, padding: '6px 0', textAlign: 'center', fontSize: 12 }}>
                    {c.controlId}
                  </UnstyledButton>
                </Tooltip>
              ))}
            </div>
          </>
        )}
      </Stack>
      <Modal opened={picked !== null} onClose={() => setPicked(null)} title={picked ? `${picked.controlId} ${picked.title}` : ''} size="lg">
        {picked && (
          <Stack gap="xs">
            <Text size="sm">
              Score {picked.score.toFixed(2)} · weight {picked.weight} (base {picked.baseWeight}
              {picked.multipliers.map((m) => ` × ${m.factor} ${m.reason}`).join('')}) · {picked.applicable ? 'applicable' : picked.notApplicableReason}
            </Text>
            <Table aria-label="Questions behind the control">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Question</Table.Th>
                  <Table.Th>Answer</Table.Th>
                  <Table.Th>Credit</Table.Th>
                  <Table.Th>Weight</Table.Th>
                  <Table.Th>Evidence</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {picked.questions.map((q) => (
                  <Table.Tr key={q.questionKey}>
                    <Table.Td>{q.text}</Table.Td>
                    <Table.Td>{q.value === null ? '—' : JSON.stringify(q.value)}</Table.Td>
                    <Table.Td>
                      {q.credit ?? '—'}
                      {q.capped ? ` (${q.capped.replace('_', ' ')})` : ''}
                      {q.excluded ? ` (${q.excluded.replace('_', ' ')})` : ''}
                    </Table.Td>
                    <Table.Td>{q.weight}</Table.Td>
                    <Table.Td>{q.evidenceCount ? `${q.evidenceCount} document${q.evidenceCount > 1 ? 's' : ''}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {picked.questions.length === 0 && <Text c="dimmed">No question of this questionnaire maps to this control.</Text>}
            <Text size="sm">
              SoA:{' '}
              {picked.soaRow
                ? `${picked.soaRow.applicable === null ? 'applicability not stated' : picked.soaRow.applicable ? 'applicable' : 'excluded'}${picked.soaRow.implementation ? `, implementation ${picked.soaRow.implementation}` : ''}${picked.soaRow.justification ? ` — “${picked.soaRow.justification}”` : ''}`
                : 'no SoA shared'}
            </Text>
            <Anchor size="sm" href={`/assessments/${summary.data.assessmentId}`}>
              Open the questionnaire (answers, evidence and comments)
            </Anchor>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
