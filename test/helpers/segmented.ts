import { vi } from "vitest";

/**
 * What `f` gives Intl.Segmenter to segment, in UTF-16 units: the longest text at once, and all together.
 * Node 20's segmenter is quadratic in what it is given (50,000 characters take seconds), so the renderer
 * must give it little. (A spy: the real segmenter does the work.)
 */
export function segmented(f: () => void): { longest: number; total: number } {
  const spy = vi.spyOn(Intl.Segmenter.prototype, "segment");
  try {
    f();
    const lengths = spy.mock.calls.map(([text]) => String(text).length);
    return { longest: Math.max(0, ...lengths), total: lengths.reduce((a, b) => a + b, 0) };
  } finally {
    spy.mockRestore();
  }
}
