/**
 * Raw HTTP/1.1 over a socket, for what fetch refuses to send: a Content-Length that lies, a body cut
 * off half-way, a path with bytes no URL parser would keep, headers fetch would reject.
 */
import net from 'node:net';

export interface RawRequest {
  /** The request line and headers, e.g. `POST /api/v1/imports HTTP/1.1` and `Host: …` lines; CRLFs are added. */
  head: string[];
  /** Body bytes sent after the headers (may differ from any declared Content-Length). */
  body?: Buffer | string;
  /**
   * After sending: 'end' half-closes the socket (the client says it is done), 'destroy' resets it
   * without waiting for an answer, 'wait' keeps it open and waits for the answer.
   */
  then?: 'end' | 'destroy' | 'wait';
  /** How long to wait for an answer (ms); default 30 s. */
  timeoutMs?: number;
}

export interface RawResponse {
  /** The status, or null when the server closed the connection without answering. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** Everything received, as text. */
  raw: string;
  /** True when the wait ended by the timeout rather than by the server. */
  timedOut: boolean;
}

function parse(raw: string, timedOut: boolean): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const lines = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1];
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end < 0 ? '' : raw.slice(end + 4);
  if (headers['transfer-encoding']?.includes('chunked')) body = unchunk(body);
  return { status: status ? Number(status) : null, headers, body, raw, timedOut };
}

function unchunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const nl = rest.indexOf('\r\n');
    if (nl < 0) break;
    const size = parseInt(rest.slice(0, nl), 16);
    if (!size) break;
    out += rest.slice(nl + 2, nl + 2 + size);
    rest = rest.slice(nl + 2 + size + 2);
  }
  return out;
}

/** Sends one raw request to 127.0.0.1:port and collects the answer (or the lack of one). */
export function rawRequest(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks).toString('utf8'), timedOut));
    };
    const timer = setTimeout(() => finish(true), req.timeoutMs ?? 30_000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('error', (err) => {
      if (chunks.length || req.then === 'destroy') finish(false);
      else if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(err);
      }
    });
    socket.on('connect', () => {
      socket.write(`${req.head.join('\r\n')}\r\n\r\n`);
      const afterBody = () => {
        if (req.then === 'end') socket.end();
        else if (req.then === 'destroy') {
          socket.resetAndDestroy();
          finish(false);
        }
      };
      if (req.body !== undefined && req.body.length) socket.write(req.body, afterBody);
      else afterBody();
    });
  });
}

/** The port of a base URL (`http://127.0.0.1:4321` → 4321). */
export const portOf = (baseUrl: string) => Number(new URL(baseUrl).port);
