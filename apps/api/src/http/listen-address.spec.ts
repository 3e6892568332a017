import type { AddressInfo } from 'node:net';
import { listeningLine } from './listen-address';

const at = (address: string, family = address.includes(':') ? 'IPv6' : 'IPv4'): AddressInfo => ({
  address,
  family,
  port: 3000,
});

describe('the start-up line names the address the api really bound', () => {
  it.each([
    [
      at('127.0.0.1'),
      'Listening on 127.0.0.1:3000 (this machine only; HOST=0.0.0.0 accepts other machines): the dashboard at http://127.0.0.1:3000, API docs at http://127.0.0.1:3000/docs',
    ],
    [
      at('0.0.0.0'),
      'Listening on 0.0.0.0:3000 (every network interface): the dashboard at http://127.0.0.1:3000, API docs at http://127.0.0.1:3000/docs',
    ],
    [
      at('::'),
      'Listening on [::]:3000 (every network interface): the dashboard at http://[::1]:3000, API docs at http://[::1]:3000/docs',
    ],
    [
      at('::1'),
      'Listening on [::1]:3000 (this machine only; HOST=0.0.0.0 accepts other machines): the dashboard at http://[::1]:3000, API docs at http://[::1]:3000/docs',
    ],
    [
      at('10.1.2.3'),
      'Listening on 10.1.2.3:3000 (this address only): the dashboard at http://10.1.2.3:3000, API docs at http://10.1.2.3:3000/docs',
    ],
  ])('%o', (address, line) => {
    expect(listeningLine(address)).toBe(line);
    expect(listeningLine(address)).not.toContain('localhost');
  });
});
