import type zh from '@/messages/zh';

export type Namespace = keyof typeof zh;

/**
 * The message namespaces each route's client components read (issue #18): the root layout's
 * NextIntlClientProvider used to send the whole catalogue (34,552 characters in Chinese) with every
 * page. A route here is a folder under app/ whose layout renders `<ClientMessages route="…">` around
 * everything it renders; its client components, down to the next such folder, get these namespaces
 * and no others. tests/unit/client-messages.test.ts reads the client code and fails when a list here
 * misses a namespace a client component reads, or carries one nothing reads.
 */
export const CLIENT_MESSAGES = {
  '': ['unavailable'],
  '(app)': ['nav', 'search', 'serverRefusals', 'validation'],
  '(app)/(dashboard)': ['caseState', 'dashboard', 'platform'],
  '(app)/admin': ['admin', 'documents', 'offenders', 'role', 'serverRefusals', 'settingsPage', 'taxonomies', 'validation'],
  '(app)/campaigns': ['campaigns', 'serverRefusals', 'validation'],
  '(app)/cases': ['caseAction', 'caseState', 'caseWork', 'cases', 'picker', 'platform', 'portal', 'refusals', 'role', 'serverRefusals', 'validation'],
  '(app)/imports': ['imports', 'serverRefusals', 'validation'],
  '(app)/inspections': ['common', 'method', 'picker', 'platform', 'registry', 'serverRefusals', 'severity', 'validation'],
  '(app)/notices': ['notices', 'serverRefusals', 'validation'],
  '(app)/offenders': ['offenders', 'serverRefusals', 'validation'],
  '(app)/operators': ['common', 'portal', 'regions', 'registry', 'serverRefusals', 'validation'],
  '(app)/subjects': ['common', 'picker', 'platform', 'registry', 'serverRefusals', 'subjectKind', 'validation'],
  '(public)': ['nav', 'serverRefusals', 'validation'],
  portal: ['nav', 'portal', 'serverRefusals', 'validation'],
  signin: ['auth', 'nav', 'serverRefusals', 'validation'],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientRoute = keyof typeof CLIENT_MESSAGES;
