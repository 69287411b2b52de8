/**
 * Seeding: `seedTaxonomies` (configuration, run at every start-up, idempotent) and the demo
 * (`seedDemo`: users, a year of cases and two notices; once per database).
 */
export { seedDemo, buildDemoPlan, DEMO_SETTING_KEY, type SeedDemoResult } from './demo';
export {
  seedTaxonomies, SECTORS, VIOLATION_CATEGORIES, DEFAULT_OFFENDER_RULES, DEFAULT_SETTINGS, STORE_LABELS,
  HOST_PLATFORM_LABELS, type SectorSeed, type CategorySeed,
} from './taxonomy';
export { seedDemoUsers, DEMO_USERS, DEMO_CONTACT, DEMO_PASSWORD, type DemoUser, type DemoUserIds } from './users';
