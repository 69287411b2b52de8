/**
 * setupFiles of the `blackbox` project: runs before each test file. The files share one process
 * (vitest.config.ts: isolate: false), so module state would outlive a file: the sessions loginAs
 * reuses are kept per file, as tests/blackbox/README.md says. The servers a file starts copy the
 * pass's prepared database (support/global-setup.ts).
 */
import { inject } from 'vitest';
import { forgetSessions } from './client';
import { setPreparedDatabase } from './server';

forgetSessions();
setPreparedDatabase(inject('blackboxPrepared'));
