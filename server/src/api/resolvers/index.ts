import { alertFields, alertMutations, alertQueries } from '../../security/alert-resolvers.ts';
import { guardResolvers } from '../access-rules.ts';
import { clearanceMutations } from './clearance.ts';
import { adminMutations, adminQueries } from './admin.ts';
import { exploreQueries } from './explore.ts';
import { exportQueries } from './export.ts';
import { investigationMutations, investigationQueries } from './investigations.ts';
import { JSONScalar } from './json-scalar.ts';
import { redFlagQueries } from './redflags.ts';
import { userMutations, userQueries } from './users.ts';
import { volumeMutations, volumeQueries } from './volume.ts';

const ROOT = {
  Query: {
    ...userQueries,
    ...exploreQueries,
    ...redFlagQueries,
    ...adminQueries,
    ...exportQueries,
    ...alertQueries,
    ...volumeQueries,
    ...investigationQueries,
  },
  Mutation: {
    ...userMutations,
    ...clearanceMutations,
    ...adminMutations,
    ...alertMutations,
    ...volumeMutations,
    ...investigationMutations,
  },
};

/** Every root resolver behind its access rule, plus the scalars. */
export function createResolvers(schemaRootFields: readonly string[]) {
  return { JSON: JSONScalar, Alert: alertFields, ...guardResolvers(ROOT, schemaRootFields) };
}
