import type { Permission } from '@/lib/auth/permissions';

/** The signed-in navigation. An item shows only to roles holding its permission (the pages check again). */
export const NAV_ITEMS: ReadonlyArray<{ href: string; key: string; permission: Permission }> = [
  { href: '/', key: 'dashboard', permission: 'dashboard:view' },
  { href: '/admin/users', key: 'adminUsers', permission: 'admin:users' },
  { href: '/admin/tokens', key: 'adminTokens', permission: 'admin:tokens' },
  { href: '/notices/manage', key: 'notices', permission: 'notice:draft' },
  { href: '/notices', key: 'publicNotices', permission: 'dashboard:view' },
  { href: '/subjects', key: 'subjects', permission: 'registry:read' },
  { href: '/operators', key: 'operators', permission: 'registry:read' },
  { href: '/inspections/new', key: 'newInspection', permission: 'inspection:write' },
  { href: '/imports', key: 'imports', permission: 'import:write' },
  { href: '/cases', key: 'cases', permission: 'case:read' },
  { href: '/campaigns', key: 'campaigns', permission: 'case:read' },
  { href: '/queue', key: 'queue', permission: 'case:transition' },
  { href: '/admin/settings', key: 'settings', permission: 'admin:settings' },
  { href: '/offenders', key: 'offenders', permission: 'offender:read' },
  { href: '/admin/rules', key: 'adminRules', permission: 'admin:rules' },
  { href: '/api-docs', key: 'apiDocs', permission: 'api:docs' },
];
