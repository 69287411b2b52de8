/**
 * Requests Node's HTTP parser refuses before Next sees them: a request line and headers over Node's
 * limit (16 KB unless `--max-http-header-size` says otherwise), or bytes that are no HTTP/1.1. Node's own
 * answer is a bare 431 or 400 with no body, which names no limit; this one names it, in the API's error
 * shape under /api/ and as a short text elsewhere (README "Limits"), and then closes the connection as
 * Node does (the parser cannot go on after the error).
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { API_CSP, SECURITY_HEADERS } from '@/lib/security/headers';

const KEY = Symbol.for('rectify.malformedRequests');

interface ParserError extends Error {
  code?: string;
  reason?: string;
  /** What the parser had received of the request when it gave up (Node sets it on clientError). */
  rawPacket?: Buffer;
}

/** The refusal for a parser error, or null for errors this module leaves to Node (timeouts, resets). */
function refusalOf(error: ParserError, maxHeaderSize = http.maxHeaderSize): { status: 400 | 431; code: string; message: string } | null {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      code: 'headers_too_large',
      message: `The request line and headers are limited to ${Math.round(maxHeaderSize / 1024)} KB (${maxHeaderSize} bytes) together; send long filters in a shorter query or a body.`,
    };
  }
  if (error.code?.startsWith('HPE_')) {
    return { status: 400, code: 'bad_request', message: `This is not a valid HTTP/1.1 request (${error.reason ?? error.code}).` };
  }
  return null;
}

const STATUS_TEXT = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' } as const;

/** The raw answer: an API path (as far as the parser read it) gets JSON, anything else text. */
function refusalResponse(refusal: NonNullable<ReturnType<typeof refusalOf>>, received: Buffer | undefined): string {
  const line = received?.subarray(0, 64).toString('latin1') ?? '';
  const api = /^[A-Z]+ \/api\//.test(line);
  const body = api ? JSON.stringify({ error: { code: refusal.code, message: refusal.message } }) : `${refusal.status} ${refusal.message}\n`;
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    // Neither answer loads anything or may be framed.
    'Content-Security-Policy': API_CSP,
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  return `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status]}\r\n${head}\r\n\r\n${body}`;
}

/** Answers the parser's refusals of this process's HTTP servers (idempotent; instrumentation.ts calls it at start). */
export function installMalformedRequestAnswer(): void {
  const holder = globalThis as { [KEY]?: boolean };
  if (holder[KEY]) return;
  holder[KEY] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'clientError') {
      const [error, socket] = args as [ParserError, Duplex & { _httpMessage?: { headersSent?: boolean } }];
      const refusal = refusalOf(error);
      // As Node does: answer only when nothing of a response has gone out on this connection yet.
      if (refusal && socket.writable && !socket._httpMessage?.headersSent) {
        socket.end(refusalResponse(refusal, error.rawPacket));
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
