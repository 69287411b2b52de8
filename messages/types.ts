import type zh from './zh';

// Message keys are type-checked against the Chinese catalogue; tests/unit/messages.test.ts checks
// that the English one has exactly the same keys.
declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof zh;
  }
}
