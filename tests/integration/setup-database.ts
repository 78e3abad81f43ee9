import { inject } from 'vitest';
import { createDatabase } from '../helpers/database';
import { templateDatabase } from './global-setup';

// Each test file gets its own migrated database before any app module reads the environment.
process.env.DATABASE_URL = await createDatabase(inject('postgresAdminUrl'), templateDatabase);
