import { roleEnum } from '@/db/schema/enums';

export const ROLES = roleEnum.enumValues;
export type Role = (typeof ROLES)[number];

/** Every permission the product checks. The role → permission map below is the only place roles are interpreted. */
export const PERMISSIONS = [
  'dashboard:view',
  'registry:read',
  'registry:write',
  'inspection:write',
  'case:read',
  'case:transition',
  'case:remove',
  'case:reinstate',
  'case:withdraw',
  'case:assign',
  'case:comment',
  'campaign:write',
  'offender:read',
  'offender:review',
  'notice:read',
  'notice:draft',
  'notice:approve',
  'notice:publish',
  'import:write',
  'admin:users',
  'admin:taxonomy',
  'admin:rules',
  'admin:tokens',
  'admin:settings',
  'audit:read',
  'api:docs',
  'self:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const INSPECTOR: readonly Permission[] = [
  'dashboard:view',
  'registry:read',
  'registry:write',
  'inspection:write',
  'case:read',
  'case:transition',
  'case:assign',
  'case:comment',
  'offender:read',
  'notice:read',
  'import:write',
  'api:docs',
  'self:read',
];

/** DESIGN §1: supervisors do everything inspectors do, plus review, notices, removal and withdrawal. */
const SUPERVISOR: readonly Permission[] = [
  ...INSPECTOR,
  'case:remove',
  'case:reinstate',
  'case:withdraw',
  'campaign:write',
  'offender:review',
  'notice:draft',
  'notice:approve',
  'notice:publish',
  'audit:read',
];

/** DESIGN §1: admins run users, taxonomies, rules and tokens, and are read-only on cases. */
const ADMIN: readonly Permission[] = [
  'dashboard:view',
  'registry:read',
  'case:read',
  'offender:read',
  'notice:read',
  'admin:users',
  'admin:taxonomy',
  'admin:rules',
  'admin:tokens',
  'admin:settings',
  'audit:read',
  'api:docs',
  'self:read',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  inspector: new Set(INSPECTOR),
  supervisor: new Set(SUPERVISOR),
  admin: new Set(ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
