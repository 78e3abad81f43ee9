import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isNonPublicAddress } from '../../alerts/webhook-url';

/**
 * A storage connector's endpoint comes from a team admin and the server sends requests (with
 * the team's data) to it: without checks an admin could make Sextant call its own network
 * (cloud metadata, the database, admin ports). The same rules as Slack webhooks
 * (lib/alerts/webhook-url.ts): https, no private, loopback or link-local host as written or as
 * resolved at save time. SEXTANT_ALLOW_PRIVATE_STORAGE_ENDPOINTS lifts them (MinIO on the
 * same network, tests).
 */
export function endpointProblem(value: string, allowPrivate: boolean): string | null {
  if (!URL.canParse(value)) return 'must be a URL such as https://s3.eu-central-1.amazonaws.com';
  const url = new URL(value);
  if (url.username || url.password) return 'must not contain credentials';
  if (url.search || url.hash) return 'must not have a query or fragment';
  if (allowPrivate) {
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'must be an https:// URL';
  }
  if (url.protocol !== 'https:') return 'must be an https:// URL';
  // A trailing root dot (`localhost.`) names the same host.
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) {
    return 'must not point at a local or internal host';
  }
  if (isNonPublicAddress(host)) return 'must not point at a private or loopback address';
  return null;
}

/** The endpoint's problem after DNS: a public-looking name may resolve to a private address. */
export async function resolvedEndpointProblem(
  value: string,
  allowPrivate: boolean,
): Promise<string | null> {
  const problem = endpointProblem(value, allowPrivate);
  if (problem || allowPrivate) return problem;
  const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return `host "${host}" could not be resolved`;
  }
  const blocked = addresses.find(({ address }) => isNonPublicAddress(address));
  return blocked ? `resolves to a non-public address (${blocked.address})` : null;
}
