import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { layering } from './eslint.layering.mjs';

const config = [
  ...nextVitals,
  ...nextTs,
  // next.config.js is CommonJS by the stack's contract.
  { files: ['next.config.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { rules: { '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }] } },
  // The app's links do not prefetch (components/ui/link.tsx, docs/decisions/0013-no-link-prefetch.md).
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['components/ui/link.tsx'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='next/link']",
        message: "Import Link from '@/components/ui/link': next/link prefetches every link in view, two server renders each (docs/decisions/0013-no-link-prefetch.md).",
      }],
    },
  },
  // Pages and components do not import the database layer (eslint.layering.mjs).
  layering,
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'bench/data/**'] },
];

export default config;
