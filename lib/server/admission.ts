import http from 'node:http';
import { SECURITY_HEADERS, API_CSP } from '@/lib/security/headers';

/**
 * The embedded database (PGlite) is one connection running in this process: every query of every
 * request waits for it in turn, and while it runs the process answers nothing else. Under more load
 * than it can serve, requests would queue without bound and time out. So on the embedded database
 * this process admits at most RECTIFY_EMBEDDED_CONCURRENCY requests at once (default 2); the next
 * RECTIFY_EMBEDDED_QUEUE (default 64) wait in arrival order, each at most RECTIFY_EMBEDDED_QUEUE_WAIT_MS
 * (default 6000). A request that finds the queue full, or whose wait would be longer (estimated from
 * the recent requests' running time: its place in the queue / concurrency × the mean), or that waits
 * longer, is answered 503 with Retry-After at once (README "Limits"), so what a client waits for is
 * bounded by the wait plus its own running time. On Postgres nothing waits here (its pool bounds the waits).
 *
 * Not counted: /api/health (the probe must answer while the server is busy), Next's static files,
 * and the two upload routes (a slow upload holds no database time while its body arrives).
 */
export const BUSY_RETRY_AFTER_SECONDS = 2;

const numberFromEnv = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const EXEMPT = /^\/(?:api\/health(?:\?|$)|_next\/static\/|favicon\.ico|icon\.png|api\/v1\/imports(?:\?|$)|api\/v1\/evidence(?:\?|$))/;

export interface AdmissionLimits {
  concurrency: number;
  queue: number;
  waitMs: number;
}

export function embeddedAdmissionLimits(): AdmissionLimits {
  return {
    concurrency: numberFromEnv('RECTIFY_EMBEDDED_CONCURRENCY', 2),
    queue: numberFromEnv('RECTIFY_EMBEDDED_QUEUE', 64),
    waitMs: numberFromEnv('RECTIFY_EMBEDDED_QUEUE_WAIT_MS', 6000),
  };
}

function busy(req: http.IncomingMessage, res: http.ServerResponse, limits: AdmissionLimits, why: 'queue_full' | 'queue_wait'): void {
  if (res.headersSent || res.writableEnded) return;
  const api = (req.url ?? '').startsWith('/api/');
  const message =
    why === 'queue_full'
      ? `The server is busy: ${limits.concurrency} requests are running and ${limits.queue} are waiting (the embedded database's limit); try again in ${BUSY_RETRY_AFTER_SECONDS} seconds.`
      : `The server is busy: this request would wait more than ${limits.waitMs} ms for the embedded database (the limit); try again in ${BUSY_RETRY_AFTER_SECONDS} seconds.`;
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
  let body: string;
  if (api) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Security-Policy'] = API_CSP;
    body = JSON.stringify({ error: { code: 'server_busy', message, reason: why } });
  } else {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
    headers['Content-Security-Policy'] = API_CSP;
    body = `503 ${message}\n`;
  }
  if (req.headers['x-forwarded-proto'] === 'https') headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  res.writeHead(503, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const KEY = Symbol.for('rectify.admission');
type Holder = typeof globalThis & { [KEY]?: true };

/** On the embedded database (no DATABASE_URL), installs the bounded queue in front of this process's HTTP servers (idempotent). */
export function installEmbeddedAdmission(limits = embeddedAdmissionLimits()): void {
  const holder = globalThis as Holder;
  if (holder[KEY] || process.env.DATABASE_URL) return;
  holder[KEY] = true;
  let running = 0;
  /** Mean running time of the recent requests (ms), an exponential moving average. */
  let meanMs = 0;
  const waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    }
  };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== 'request') return emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    if (EXEMPT.test(req.url ?? '/')) return emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
    const admit = () => {
      running++;
      const started = Date.now();
      let done = false;
      const finished = () => {
        if (!done) {
          done = true;
          const ms = Date.now() - started;
          meanMs = meanMs ? meanMs * 0.8 + ms * 0.2 : ms;
          release();
        }
      };
      res.once('finish', finished);
      res.once('close', finished);
      emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
    };
    if (running < limits.concurrency) {
      admit();
      return true;
    }
    if (waiting.length >= limits.queue) {
      busy(req, res, limits, 'queue_full');
      return true;
    }
    if (((waiting.length + 1) / limits.concurrency) * meanMs > limits.waitMs) {
      busy(req, res, limits, 'queue_wait');
      return true;
    }
    const entry = {
      admit,
      timer: setTimeout(() => {
        const i = waiting.indexOf(entry);
        if (i >= 0) waiting.splice(i, 1);
        busy(req, res, limits, 'queue_wait');
      }, limits.waitMs),
    };
    // A client that gave up while waiting leaves the queue.
    res.once('close', () => {
      const i = waiting.indexOf(entry);
      if (i >= 0) {
        waiting.splice(i, 1);
        clearTimeout(entry.timer);
      }
    });
    waiting.push(entry);
    return true;
  } as typeof emit;
}
