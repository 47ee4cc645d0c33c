import { Title } from '@mantine/core';
import { AuditChain } from '../../features/users/components/audit-chain';
import { AuditTable } from '../../features/users/components/audit-table';

export default function AuditPage() {
  return (
    <>
      <Title order={2} mb="md">
        Audit trail
      </Title>
      <AuditChain />
      <AuditTable />
    </>
  );
}
