import type { SessionUser } from '../../../shared/schemas/auth';

export interface NavItem {
  to: string;
  label: string;
  /** Whether this user sees the item; the server still decides what they may do there. */
  show: (u: SessionUser) => boolean;
}

const admin = (u: SessionUser) => u.role === 'admin';
const buyer = (u: SessionUser) => u.organization.kind === 'buyer';
const provider = (u: SessionUser) => u.organization.kind === 'provider';

/** The main navigation, by organization kind and role. */
export const navigation: NavItem[] = [
  { to: '/', label: 'Home', show: () => true },
  { to: '/portfolio', label: 'Portfolio', show: buyer },
  { to: '/engagements', label: 'Engagements', show: () => true },
  { to: '/assessments', label: 'Questionnaires', show: buyer },
  { to: '/assessments', label: 'Inbox', show: provider },
  { to: '/templates', label: 'Templates', show: buyer },
  { to: '/documents', label: 'Documents', show: () => true },
  { to: '/catalog', label: 'Control catalog', show: () => true },
  { to: '/scoring', label: 'Scoring method', show: buyer },
  { to: '/clauses', label: 'Clause library', show: buyer },
  { to: '/users', label: 'Users', show: admin },
  { to: '/audit', label: 'Audit trail', show: admin },
];
