import os from 'node:os';
import type { AccessTokens } from './access-token';
import { ok, route, type Route } from './route-table';

/** Addresses that mean "every interface": colleagues need a real address instead. */
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);

/** The base URLs colleagues can reach: the bound address, or each network interface's for 0.0.0.0 and ::. */
export function reachableBases(host: string, port: number): string[] {
  const shown = (address: string) => `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  if (!ANY_ADDRESS.has(host)) return [shown(host)];
  const ipv6 = host !== '0.0.0.0';
  const bases: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal || (a.family === 'IPv6' && (!ipv6 || a.address.startsWith('fe80')))) continue;
      bases.push(shown(a.address));
    }
  }
  return bases.length > 0 ? bases : [shown('127.0.0.1')];
}

export interface ShareLinks {
  base: string;
  /** The operator's console: carries the control token. */
  console: string;
  /** Outputs, the producer view and the template gallery: the read-only token, so they can watch but never take. */
  output: string;
  producer: string;
  gallery: string;
}

export function shareLinks(base: string, tokens: AccessTokens): ShareLinks {
  return {
    base,
    console: `${base}/?token=${tokens.control}`,
    output: `${base}/output?token=${tokens.readOnly}`,
    producer: `${base}/producer?token=${tokens.readOnly}`,
    gallery: `${base}/gallery?token=${tokens.readOnly}`,
  };
}

export type AccessInfo = { open: false; base: string } | { open: true; controlToken: string; readOnlyToken: string; links: ShareLinks[] };

export function accessInfo(host: string, port: number, tokens: AccessTokens | null): AccessInfo {
  if (!tokens) return { open: false, base: reachableBases(host, port)[0]! };
  return {
    open: true,
    controlToken: tokens.control,
    readOnlyToken: tokens.readOnly,
    links: reachableBases(host, port).map((b) => shareLinks(b, tokens)),
  };
}

/**
 * GET /api/access: what the console's access panel shows. For the control token
 * alone when open (it gives the tokens); on loopback there are no tokens to give.
 * Never cached (sendJson says no-store): a shared proxy must not keep the tokens.
 */
export function accessRoutes(info: () => AccessInfo): Route[] {
  return [route({ method: 'GET', path: '/api/access', access: 'control', handle: () => ok(info()) })];
}
