/**
 * A map that forgets its least recently used entries beyond `capacity`: their number, or the sum of their
 * weights where `weigh` gives each one (an entry weighing more than the whole capacity is not kept).
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #capacity: number;
  readonly #weigh: (key: K, value: V) => number;
  readonly #weights = new Map<K, number>();
  #total = 0;

  constructor(capacity: number, weigh: (key: K, value: V) => number = () => 1) {
    this.#capacity = Math.max(1, capacity);
    this.#weigh = weigh;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.#weigh(key, value);
    if (weight > this.#capacity) return;
    this.#entries.set(key, value);
    this.#weights.set(key, weight);
    this.#total += weight;
    while (this.#total > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  /** The cached value, or the computed one (then cached). */
  getOrSet(key: K, compute: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.#entries.delete(key);
    this.#total -= this.#weights.get(key) ?? 0;
    this.#weights.delete(key);
  }

  clear(): void {
    this.#entries.clear();
    this.#weights.clear();
    this.#total = 0;
  }

  get size(): number {
    return this.#entries.size;
  }
}
