import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ScheduleDto } from '../../../../../shared/schemas/schedule';
import { api } from '../../../lib/api-client';

export function useGenerateSchedule(engagementId: string) {
  return useMutation({ mutationFn: async (variables: Record<string, string>) => (await api<{ schedule: ScheduleDto }>('POST', `/api/engagements/${engagementId}/security-schedules`, { body: { variables } })).schedule });
}

export function useEditSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: { id: string; include?: string[]; exclude?: string[] }) => (await api<{ schedule: ScheduleDto }>('PATCH', `/api/security-schedules/${id}`, { body })).schedule,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schedules'] }),
  });
}

export function useFinalizeSchedule() {
  return useMutation({ mutationFn: async (id: string) => (await api<{ schedule: ScheduleDto }>('POST', `/api/security-schedules/${id}/finalize`)).schedule });
}

export function useShareSchedule() {
  return useMutation({ mutationFn: async (id: string) => (await api<{ schedule: ScheduleDto }>('POST', `/api/security-schedules/${id}/share`)).schedule });
}
