import type { SQL } from 'drizzle-orm';
import { cases } from '@/db/schema';
import { overdueSql } from './ladder';

/** The ladder's overdue rule (lib/cases/ladder.ts `overdueSql`) over the cases table. */
export const isOverdueSql: SQL<boolean> = overdueSql(cases.state, cases.deadline);
