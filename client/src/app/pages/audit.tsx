import { Title } from '@mantine/core';
import { AuditTable } from '../../features/users/components/audit-table';

export default function AuditPage() {
  return (
    <>
      <Title order={2} mb="md">
        Audit trail
      </Title>
      <AuditTable />
    </>
  );
}
