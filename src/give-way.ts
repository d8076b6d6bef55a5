/** How long work on the bot's thread runs before it gives the event loop back (see givingWayEvery). */
export const GIVE_WAY_AFTER_MS = 15;

/**
 * A `giveWay` for long work done in steps on the bot's thread: called between two steps, it returns a
 * promise that resolves on the next turn of the event loop once `ms` have passed since the last one (so
 * that interactions that came in meanwhile are read and deferred), and undefined before: steps cost no
 * turn each.
 */
export function givingWayEvery(ms = GIVE_WAY_AFTER_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < ms) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/** Resolves on the next turn of the event loop, once the I/O that came in meanwhile has been read. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
