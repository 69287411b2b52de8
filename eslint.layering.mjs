// Layering (issue 17): pages, layouts and components read through lib/<area>/ query functions
// (lib/server/read.ts runs one on the app's database), never the database layer itself. Route
// handlers (the API's entry points) and server-action files hand the database to lib and stay outside
// this rule. `@/db/schema/enums` holds value lists only (state, kind, platform options).
// eslint.config.mjs applies it; tests/unit/layering.test.ts checks the same pattern over the files.

/** An import specifier of the database layer: db/* (but the enum lists), drizzle, the drivers. */
export const DATABASE_LAYER = '^(@/|(\\.\\./)+)db/(?!schema/enums$)|^drizzle-orm(/|$)|^pg$|^@electric-sql/';

export const LAYERING_FILES = ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'];
export const LAYERING_IGNORES = ['app/api/**', 'app/**/route.ts', 'app/**/actions.ts'];

export const layering = {
  files: LAYERING_FILES,
  ignores: LAYERING_IGNORES,
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{
        regex: DATABASE_LAYER,
        message: 'Pages and components do not query the database: put the query in lib/<area>/ (a getXOrThrow where a missing row is a 404) and call it with read() or readOrNotFound() from @/lib/server/read.',
      }],
    }],
  },
};
