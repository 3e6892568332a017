import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '@tiergate/config';

export interface ListenAddress {
  /** The address and port the server is bound to, as the system reports it. */
  bound: string;
  /** Who can reach it. */
  reach: string;
  /** A URL that opens it from this machine. */
  url: string;
}

/** Describes the socket the api listens on: the real bound address and a URL that works. */
export function describeListenAddress(address: AddressInfo): ListenAddress {
  const ipv6 = address.family === 'IPv6' || address.address.includes(':');
  const hostPart = (host: string) => (ipv6 && host.includes(':') ? `[${host}]` : host);
  const bound = `${hostPart(address.address)}:${address.port}`;
  if (address.address === '0.0.0.0' || address.address === '::')
    return {
      bound,
      reach: 'every network interface',
      url: `http://${address.address === '::' ? '[::1]' : '127.0.0.1'}:${address.port}`,
    };
  return {
    bound,
    reach: isLoopbackHost(address.address)
      ? 'this machine only; HOST=0.0.0.0 accepts other machines'
      : 'this address only',
    url: `http://${bound}`,
  };
}

/** The start-up line: `Listening on 127.0.0.1:3000 (…): the dashboard at http://127.0.0.1:3000, …`. */
export function listeningLine(address: AddressInfo): string {
  const { bound, reach, url } = describeListenAddress(address);
  return `Listening on ${bound} (${reach}): the dashboard at ${url}, API docs at ${url}/docs`;
}
