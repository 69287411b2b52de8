import type { Permission } from '@/lib/auth/permissions';

/** The signed-in navigation. An item shows only to roles holding its permission (the pages check again). */
export const NAV_ITEMS: ReadonlyArray<{ href: string; key: string; permission: Permission }> = [
  { href: '/', key: 'dashboard', permission: 'dashboard:view' },
  { href: '/cases', key: 'cases', permission: 'case:read' },
  { href: '/queue', key: 'queue', permission: 'case:transition' },
  { href: '/admin/settings', key: 'settings', permission: 'admin:settings' },
];
