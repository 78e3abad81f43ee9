import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Slack webhook URLs come from users, and the server POSTs to them: without checks a user could
 * make Sextant call its own network (cloud metadata at 169.254.169.254, the database, admin
 * ports). So a webhook must be https and must not point at loopback, private, link-local or
 * other non-public addresses — both as written (checked when settings are saved) and as
 * resolved by DNS (checked right before each delivery, since a name can move).
 * SEXTANT_ALLOW_PRIVATE_WEBHOOKS lifts both rules for tests and closed networks.
 */

const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv6');
}

/** True for addresses nobody outside this network should be able to make us call. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    // IPv4-mapped IPv6 (::ffff:10.0.0.1) is the IPv4 address in disguise.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return nonPublic.check(mapped[1]!, 'ipv4');
    return nonPublic.check(address, 'ipv6');
  }
  return nonPublic.check(address, 'ipv4');
}

/** Why a webhook URL is unacceptable as written, or null when it is fine. */
export function webhookUrlProblem(value: string, allowPrivate: boolean): string | null {
  if (!URL.canParse(value)) return 'must be a URL';
  const url = new URL(value);
  if (url.username || url.password) return 'must not contain credentials';
  if (allowPrivate) {
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'must be an https:// URL';
  }
  if (url.protocol !== 'https:') return 'must be an https:// URL';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) {
    return 'must not point at a local or internal host';
  }
  if (isNonPublicAddress(host)) return 'must not point at a private or loopback address';
  return null;
}

/**
 * Resolves the webhook's host and throws when any address it resolves to is non-public
 * (unless allowed). Called before every delivery; the error message says which address.
 */
export async function assertPublicDestination(value: string, allowPrivate: boolean) {
  const problem = webhookUrlProblem(value, allowPrivate);
  if (problem) throw new Error(`webhook URL ${problem}`);
  if (allowPrivate) return;
  const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  const blocked = addresses.find(({ address }) => isNonPublicAddress(address));
  if (blocked) {
    throw new Error(`webhook host resolves to a non-public address (${blocked.address})`);
  }
}
