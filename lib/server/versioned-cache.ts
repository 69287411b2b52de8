/**
 * Values kept per process under a version read from the database (docs/decisions/0009, 0012): each
 * value is stored with the version current when it was asked for, and served again only while the
 * version a request reads is the same. The version is read before the value is computed, so a value is
 * never kept under a version newer than its data: a commit that changes the version shows at the next
 * request on every copy, with no invalidation message to miss.
 */
export interface VersionedCache {
  /** `compute()` for `key` at `version`: computed once per version (a concurrent miss shares it); a failure is not kept. */
  get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T>;
}

/** A cache of at most `maxEntries` values (the least recently used go first). */
export function versionedCache(maxEntries: number): VersionedCache {
  const entries = new Map<string, { version: string; value: Promise<unknown> }>();
  return {
    get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        entries.delete(key);
        entries.set(key, hit); // most recently used last
        return hit.value as Promise<T>;
      }
      const value = compute();
      entries.set(key, { version, value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}
