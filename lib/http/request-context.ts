import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The headers of the API request being served, set by `apiRoute`. The auth helper reads credentials
 * from here first, so a route handler authenticates the same way whether Next or a test calls it.
 */
const storage = new AsyncLocalStorage<{ headers: Headers }>();

export function runWithRequest<T>(headers: Headers, fn: () => Promise<T>): Promise<T> {
  return storage.run({ headers }, fn);
}

export function currentRequestHeaders(): Headers | undefined {
  return storage.getStore()?.headers;
}
