import { Alert, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { useAssessment } from '../../features/assessments/api/assessments';
import { AssessmentView } from '../../features/assessments/components/assessment-view';

export default function AssessmentPage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  if (assessment.isPending) return <Text c="dimmed">Loading…</Text>;
  if (assessment.isError) return <Alert color="red">{assessment.error.message}</Alert>;
  return <AssessmentView assessment={assessment.data} />;
}
