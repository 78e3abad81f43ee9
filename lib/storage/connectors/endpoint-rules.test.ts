import { describe, expect, it } from 'vitest';
import { endpointProblem, resolvedEndpointProblem } from './endpoint-rules';

describe('storage connector endpoint rules', () => {
  it('refuses endpoints that would make the server call its own network', () => {
    for (const [endpoint, problem] of [
      ['http://s3.example.com', 'must be an https:// URL'],
      ['https://127.0.0.1:9000', 'must not point at a private or loopback address'],
      ['https://169.254.169.254', 'must not point at a private or loopback address'],
      ['https://10.0.0.5', 'must not point at a private or loopback address'],
      ['https://[::1]:9000', 'must not point at a private or loopback address'],
      ['https://[::ffff:192.168.1.1]', 'must not point at a private or loopback address'],
      ['https://minio.localhost', 'must not point at a local or internal host'],
      ['https://metadata.google.internal', 'must not point at a local or internal host'],
      ['https://user:pw@s3.example.com', 'must not contain credentials'],
      ['https://s3.example.com/?x=1', 'must not have a query or fragment'],
      ['not a url', 'must be a URL such as https://s3.eu-central-1.amazonaws.com'],
    ] as const) {
      expect(endpointProblem(endpoint, false), endpoint).toBe(problem);
    }
    expect(endpointProblem('https://s3.eu-central-1.amazonaws.com', false)).toBeNull();
    expect(endpointProblem('https://8.8.8.8:443', false)).toBeNull();
  });

  it('allows http and private endpoints only when SEXTANT_ALLOW_PRIVATE_STORAGE_ENDPOINTS is on', async () => {
    expect(endpointProblem('http://127.0.0.1:9000', true)).toBeNull();
    expect(endpointProblem('http://minio.internal:9000', true)).toBeNull();
    expect(endpointProblem('ftp://127.0.0.1', true)).toBe('must be an https:// URL');
    expect(await resolvedEndpointProblem('http://127.0.0.1:9000', true)).toBeNull();
  });

  it('sees through a trailing root dot, and names a host that does not resolve', async () => {
    expect(endpointProblem('https://localhost.:9000', false)).toBe(
      'must not point at a local or internal host',
    );
    expect(await resolvedEndpointProblem('https://no-such-host.invalid', false)).toBe(
      'host "no-such-host.invalid" could not be resolved',
    );
  });
});
