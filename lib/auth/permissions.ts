import { roleEnum } from '@/db/schema/enums';

export const ROLES = roleEnum.enumValues;
export type Role = (typeof ROLES)[number];
/** The office's own roles: users an admin creates and API tokens act with. Contacts come only by invitation (DESIGN §9). */
export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'operator_contact'> => r !== 'operator_contact');
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Running the office's own setup: users, taxonomies, rules, tokens and settings. Only admins hold these (DESIGN §1). */
const ADMINISTRATION = ['admin:users', 'admin:taxonomy', 'admin:rules', 'admin:tokens', 'admin:settings'] as const;

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
  'case:extend',
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
  ...ADMINISTRATION,
  'api:docs',
  'self:read',
  'contact:invite',
  'portal:read',
  'portal:act',
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
  'contact:invite',
];

/** DESIGN §1: supervisors do everything inspectors do, plus review, notices, removal and withdrawal. */
const SUPERVISOR: readonly Permission[] = [
  ...INSPECTOR,
  'case:remove',
  'case:reinstate',
  'case:withdraw',
  'case:extend',
  'campaign:write',
  'offender:review',
  'notice:draft',
  'notice:approve',
  'notice:publish',
];

/** DESIGN §1: admins run users, taxonomies, rules and tokens, and are read-only on cases. */
const ADMIN: readonly Permission[] = [
  'dashboard:view',
  'registry:read',
  'case:read',
  'offender:read',
  'notice:read',
  ...ADMINISTRATION,
  'api:docs',
  'self:read',
];

/**
 * DESIGN §1, §9: an operator's contact reads and acts in the portal only, and every portal read and
 * write is scoped to the contact's own operator (lib/auth/scope.ts); no staff permission at all.
 */
const OPERATOR_CONTACT: readonly Permission[] = ['portal:read', 'portal:act'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  inspector: new Set(INSPECTOR),
  supervisor: new Set(SUPERVISOR),
  admin: new Set(ADMIN),
  operator_contact: new Set(OPERATOR_CONTACT),
};

/** Permissions whose rows are scoped to one operator: granted to a role only together with that scope. */
export const SCOPED_PERMISSIONS: ReadonlySet<Permission> = new Set(['portal:read', 'portal:act']);

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
