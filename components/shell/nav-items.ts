import type { Permission } from '@/lib/auth/permissions';

/** The signed-in navigation. An item shows only to roles holding its permission (the pages check again). */
export const NAV_ITEMS: ReadonlyArray<{ href: string; key: string; permission: Permission }> = [
  { href: '/', key: 'dashboard', permission: 'dashboard:view' },
  { href: '/offenders', key: 'offenders', permission: 'offender:read' },
  { href: '/admin/rules', key: 'adminRules', permission: 'admin:rules' },
];
