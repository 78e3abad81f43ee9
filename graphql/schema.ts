import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder';
import './scalars';
// One import per domain: each registers its types on the builder.
import './system/types';
import './accounts/types';
import './teams/types';
import './runs/types';
import './files/types';
import './runs/runs-table';
import './runs/media';
import './projects/types';
import './charts/types';
import './workspaces/types';
import './artifacts/types';
import './registry/types';
import './storage/types';
import './reports/types';

/** The whole schema, sorted so the printed graphql/schema.graphql diffs cleanly. */
export const schema = lexicographicSortSchema(builder.toSchema());
