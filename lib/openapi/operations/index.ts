import type { Operation } from '../types';
import { adminOperations } from './admin';
import { campaignOperations } from './campaigns';
import { caseWorkOperations } from './case-work';
import { caseOperations } from './cases';
import { importOperations } from './imports';
import { noticeOperations } from './notices';
import { offenderOperations } from './offenders';
import { portalCaseOperations, portalOperations } from './portal';
import { regionOperations } from './regions';
import { registryOperations } from './registry';
import { statsOperations } from './stats';
import { taxonomyOperations } from './taxonomies';

/** Every API operation the product offers: the one registry the OpenAPI document is generated from. */
export const OPERATIONS: readonly Operation[] = [
  ...statsOperations,
  ...registryOperations,
  ...caseOperations,
  ...caseWorkOperations,
  ...campaignOperations,
  ...offenderOperations,
  ...noticeOperations,
  ...importOperations,
  ...taxonomyOperations,
  ...regionOperations,
  ...adminOperations,
  ...portalOperations,
  ...portalCaseOperations,
];

/** `POST /api/v1/cases/{id}/transitions`: how an operation is named in tests and on the page. */
export const operationKey = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
