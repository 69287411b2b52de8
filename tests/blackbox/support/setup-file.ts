/**
 * setupFiles of the `blackbox` project: runs before each test file. The files share one process
 * (vitest.config.ts: isolate: false), so module state would outlive a file: the sessions loginAs
 * reuses are kept per file, as tests/blackbox/README.md says.
 */
import { forgetSessions } from './client';

forgetSessions();
