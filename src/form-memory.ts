import { randomBytes } from "node:crypto";

/** How long what a member typed in a refused form is kept for them to reopen it: 15 minutes. */
export const FORM_MEMORY_TTL_MS = 15 * 60 * 1_000;
/** Forms kept at most (each at most some 6,000 characters); past it, the oldest is forgotten. */
export const FORM_MEMORY_LIMIT = 300;

/** What a member typed in a form, and who they are. */
export interface KeptForm {
  readonly ownerId: string;
  /** The form's inputs by id, as typed. */
  readonly values: ReadonlyMap<string, string>;
}

/**
 * What members typed in forms that were refused, under short random keys (for a button's custom id), so
 * that the form can be reopened with it. Held in memory only, never written or logged: a restart forgets it.
 */
export interface FormMemory {
  /** Keeps a form's values for `ownerId`; returns the key. */
  put(ownerId: string, values: ReadonlyMap<string, string>): string;
  /** What is kept under `key`; undefined once forgotten (its time is up, it was pushed out, or never kept). */
  get(key: string): KeptForm | undefined;
  /** Forgets what is kept under `key`. */
  delete(key: string): void;
  /** How many forms are held now, what expired included until a put or a get drops it. */
  readonly size: number;
}

/**
 * A FormMemory bounded in count and lifetime.
 * @example
 * const forms = createFormMemory();
 * const key = forms.put("1400000000000000003", new Map([["title", "風呂敷"]]));
 * forms.get(key)?.values.get("title"); // "風呂敷" (for 15 minutes)
 */
export function createFormMemory(options: { limit?: number; ttlMs?: number; now?: () => number } = {}): FormMemory {
  const limit = options.limit ?? FORM_MEMORY_LIMIT;
  const ttlMs = options.ttlMs ?? FORM_MEMORY_TTL_MS;
  const now = options.now ?? Date.now;
  // In the order kept: with one lifetime for all, the first entries are the first to expire.
  const kept = new Map<string, KeptForm & { readonly until: number }>();
  const forgetExpired = (t: number) => {
    for (const [key, entry] of kept) {
      if (entry.until > t) break;
      kept.delete(key);
    }
  };
  return {
    put(ownerId, values) {
      const t = now();
      forgetExpired(t);
      const key = randomBytes(12).toString("base64url");
      kept.set(key, { ownerId, values: new Map(values), until: t + ttlMs });
      while (kept.size > limit) kept.delete(kept.keys().next().value as string);
      return key;
    },
    get(key) {
      const entry = kept.get(key);
      if (!entry) return undefined;
      if (entry.until <= now()) {
        kept.delete(key);
        return undefined;
      }
      return { ownerId: entry.ownerId, values: entry.values };
    },
    delete(key) {
      kept.delete(key);
    },
    get size() {
      return kept.size;
    },
  };
}
