import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, clientAddress, CLIENT_ADDRESS_HEADER, installClientAddressStamp } from '../../lib/server/client-address';

// A real HTTP server with the stamp the production server installs (instrumentation.ts): what a
// route handler would read as the client's address, whatever headers the client sends.
let server: http.Server;
let base: string;

beforeAll(async () => {
  installClientAddressStamp();
  server = http.createServer((req, res) => res.end(clientAddress(req.headers as Record<string, string>)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function addressSeen(headers: Record<string, string>, trustProxy?: string): Promise<string> {
  const before = process.env.RECTIFY_TRUST_PROXY;
  if (trustProxy === undefined) delete process.env.RECTIFY_TRUST_PROXY;
  else process.env.RECTIFY_TRUST_PROXY = trustProxy;
  try {
    return await (await fetch(base, { headers })).text();
  } finally {
    if (before === undefined) delete process.env.RECTIFY_TRUST_PROXY;
    else process.env.RECTIFY_TRUST_PROXY = before;
  }
}

describe('the client address (issue #13, finding 7)', () => {
  it('without a configured proxy: the TCP peer, whatever X-Real-IP, X-Forwarded-For or a copy of the stamp say', async () => {
    expect(await addressSeen({})).toBe('127.0.0.1');
    expect(await addressSeen({ 'x-real-ip': '203.0.113.7', 'x-forwarded-for': '198.51.100.1' })).toBe('127.0.0.1');
    expect(await addressSeen({ [CLIENT_ADDRESS_HEADER]: 'forged 203.0.113.7' })).toBe('127.0.0.1');
  });

  it('behind one trusted proxy: the hop it appended (the right-most), never the client-written first one', async () => {
    expect(await addressSeen({ 'x-forwarded-for': '203.0.113.7, 198.51.100.20' }, '1')).toBe('198.51.100.20');
    expect(await addressSeen({ 'x-real-ip': '203.0.113.7' }, '1')).toBe('127.0.0.1');
  });

  it('behind N proxies: the N-th from the right; fewer hops than proxies falls back to the peer', () => {
    expect(addressOf('10.0.0.2', 'forged, 198.51.100.20, 10.0.0.1', 2)).toBe('198.51.100.20');
    expect(addressOf('10.0.0.2', '198.51.100.20', 2)).toBe('10.0.0.2');
    expect(addressOf('::ffff:192.0.2.4', undefined, 0)).toBe('192.0.2.4');
    expect(addressOf(undefined, undefined, 0)).toBe('unknown');
  });

  it('a header without this process stamp reads as unknown', () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: 'some-key 203.0.113.7', 'x-real-ip': '203.0.113.7' }))).toBe('unknown');
  });
});
