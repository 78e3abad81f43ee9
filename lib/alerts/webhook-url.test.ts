import { describe, expect, it } from 'vitest';
import { isNonPublicAddress, webhookUrlProblem } from './webhook-url';

describe('webhook URLs', () => {
  it('accepts public https URLs', () => {
    expect(webhookUrlProblem('https://hooks.slack.com/services/T0/B0/x', false)).toBeNull();
    expect(webhookUrlProblem('https://93.184.216.34/hook', false)).toBeNull();
  });

  it.each([
    ['http://hooks.slack.com/x', 'must be an https:// URL'],
    ['ftp://hooks.slack.com/x', 'must be an https:// URL'],
    ['not a url', 'must be a URL'],
    ['https://user:pw@hooks.slack.com/x', 'must not contain credentials'],
    ['https://localhost/x', 'must not point at a local or internal host'],
    ['https://metadata.google.internal/x', 'must not point at a local or internal host'],
    ['https://127.0.0.1/x', 'must not point at a private or loopback address'],
    ['https://10.1.2.3/x', 'must not point at a private or loopback address'],
    ['https://169.254.169.254/latest', 'must not point at a private or loopback address'],
    ['https://192.168.0.10/x', 'must not point at a private or loopback address'],
    ['https://[::1]/x', 'must not point at a private or loopback address'],
    ['https://[::ffff:10.0.0.1]/x', 'must not point at a private or loopback address'],
    ['https://[fd00::1]/x', 'must not point at a private or loopback address'],
  ])('refuses %s', (url, problem) => {
    expect(webhookUrlProblem(url, false)).toBe(problem);
  });

  it('allows http and private addresses only when explicitly allowed', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9999/hook', true)).toBeNull();
    expect(webhookUrlProblem('ftp://127.0.0.1/hook', true)).toBe('must be an https:// URL');
  });

  it('classifies addresses', () => {
    expect(isNonPublicAddress('172.20.0.1')).toBe(true);
    expect(isNonPublicAddress('172.32.0.1')).toBe(false);
    expect(isNonPublicAddress('8.8.8.8')).toBe(false);
    expect(isNonPublicAddress('2001:4860:4860::8888')).toBe(false);
    expect(isNonPublicAddress('hooks.slack.com')).toBe(false);
  });
});
