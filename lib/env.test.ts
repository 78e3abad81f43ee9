import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NODE_ENV).toBe('production');
  });

  it('derives APP_URL from PORT and treats empty strings as unset', () => {
    const env = parseEnv({ PORT: '4123', APP_URL: '', DATABASE_URL: '' });
    expect(env.APP_URL).toBe('http://localhost:4123');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names every invalid variable at once, with the reason and the value', () => {
    let error: unknown;
    try {
      parseEnv({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x/y',
        LOG_LEVEL: 'loud',
        APP_URL: 'not a url',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('"eighty"');
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('postgres');
    expect(problems.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('APP_URL:'))).toBe(true);
    expect((error as EnvError).message).toContain('.env.example');
  });

  it('rejects ports outside 1..65535', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT: must be between 1 and 65535/);
    expect(() => parseEnv({ EMBEDDED_PG_PORT: '0' })).toThrow(/EMBEDDED_PG_PORT/);
  });
});
