import type { SessionUser } from '../../../shared/schemas/auth';

export interface NavItem {
  to: string;
  label: string;
  /** Whether this user sees the item; the server still decides what they may do there. */
  show: (u: SessionUser) => boolean;
}

const admin = (u: SessionUser) => u.role === 'admin';

/** The main navigation, by organization kind and role. */
export const navigation: NavItem[] = [
  { to: '/', label: 'Home', show: () => true },
  { to: '/documents', label: 'Documents', show: () => true },
  { to: '/users', label: 'Users', show: admin },
  { to: '/audit', label: 'Audit trail', show: admin },
];
