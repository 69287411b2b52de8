/**
 * Steady traffic for fault tests: a few loops, each sending one kind of request again and again,
 * every answer recorded with when it was sent, how long it took and what came back. A request that
 * takes longer than `timeoutMs` is recorded as 'hang'; a refused or cut connection as 'network'.
 */
export type Verdict = number | 'hang' | 'network';

export interface Answer {
  loop: string;
  sentAt: number;
  ms: number;
  status: Verdict;
  contentType: string;
  /** For error answers: the JSON error code, or the page's <title>, or the first bytes. */
  detail: string;
  retryAfter: string | null;
  location: string | null;
}

export interface Loop {
  name: string;
  send: (signal: AbortSignal) => Promise<Response>;
}

export class Traffic {
  readonly answers: Answer[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private names: string[] = [];

  constructor(private readonly timeoutMs = 15_000) {}

  start(loops: Loop[], pauseMs = 25): void {
    this.running = true;
    this.names = loops.map((l) => l.name);
    this.loops = loops.map(async (loop) => {
      while (this.running) {
        this.answers.push(await this.once(loop));
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async once(loop: Loop): Promise<Answer> {
    const sentAt = Date.now();
    const base = { loop: loop.name, sentAt, contentType: '', detail: '', retryAfter: null, location: null };
    try {
      const res = await loop.send(AbortSignal.timeout(this.timeoutMs));
      const text = await res.text();
      const contentType = res.headers.get('content-type') ?? '';
      let detail = '';
      if (res.status >= 400) {
        if (contentType.includes('json')) {
          try {
            detail = String((JSON.parse(text) as { error?: { code?: string } }).error?.code ?? text.slice(0, 80));
          } catch {
            detail = `bad json: ${text.slice(0, 80)}`;
          }
        } else detail = /<title>([^<]*)<\/title>/.exec(text)?.[1] ?? text.slice(0, 80);
      }
      return { ...base, ms: Date.now() - sentAt, status: res.status, contentType, detail, retryAfter: res.headers.get('retry-after'), location: res.headers.get('location') };
    } catch (err) {
      const e = err as Error;
      const hang = e.name === 'TimeoutError' || e.name === 'AbortError';
      return { ...base, ms: Date.now() - sentAt, status: hang ? 'hang' : 'network', detail: hang ? '' : String((e as { cause?: { code?: string } }).cause?.code ?? e.message) };
    }
  }

  /**
   * The answers around an outage from `down` to `up`: `before` answered before it began, `during`
   * the rest of those sent before it ended (in flight when it began, or sent while it lasted),
   * `after` sent once it was over.
   */
  phases(down: number, up: number): { before: Answer[]; during: Answer[]; after: Answer[] } {
    return {
      before: this.answers.filter((a) => a.sentAt + a.ms < down),
      during: this.answers.filter((a) => a.sentAt + a.ms >= down && a.sentAt < up),
      after: this.answers.filter((a) => a.sentAt >= up),
    };
  }

  /** Waits until every loop has had `n` 2xx answers sent at or after `since`; false on timeout. */
  async untilEachSucceeds(since: number, n: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = (loop: string) => this.answers.filter((a) => a.loop === loop && a.sentAt >= since && typeof a.status === 'number' && a.status < 300).length >= n;
      if (this.names.every(ok)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }
}

/** Answers counted per loop and status: `{ 'api-read': { 200: 40, 503: 12 } }`. */
export function countAnswers(answers: Answer[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const a of answers) {
    const row = (out[a.loop] ??= {});
    row[String(a.status)] = (row[String(a.status)] ?? 0) + 1;
  }
  return out;
}

/** What is wrong with an answer given while the database is away; null when it is one of the promised ones. */
export function outageProblem(a: Answer, kind: 'api' | 'page'): string | null {
  if (typeof a.status === 'number' && a.status < 300) return null; // sent before the stop took effect, or after it ended
  if (a.status === 'hang' || a.status === 'network') return `${a.loop}: ${a.status} after ${a.ms} ms ${a.detail}`;
  if (kind === 'api') {
    if (a.status !== 503) return `${a.loop}: HTTP ${a.status} ${a.detail}`;
    if (!a.contentType.includes('application/json') || a.detail !== 'database_unavailable') return `${a.loop}: 503 without the JSON error (${a.contentType} ${a.detail})`;
    if (!a.retryAfter) return `${a.loop}: 503 without Retry-After`;
    return null;
  }
  // A page: the 503 page itself, or a redirect to it (a render that met the outage half-way).
  if ((a.status === 303 || a.status === 307) && a.location?.includes('/unavailable')) return null;
  if (a.status !== 503) return `${a.loop}: HTTP ${a.status} ${a.contentType} ${a.detail}`;
  if (!a.contentType.includes('text/html') || !a.retryAfter) return `${a.loop}: 503 without the HTML page or Retry-After`;
  return null;
}
