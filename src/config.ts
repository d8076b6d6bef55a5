import path from "node:path";

/** Settings shared by the command line and the bot. */
export interface CoreConfig {
  /** The corpus folder (CORPUS_DIR, default ./corpus), resolved. */
  readonly corpusDir: string;
}

/**
 * Reads the settings the engine needs from an environment (process.env in the entry points).
 * The only place in src/ that looks at environment variables.
 */
export function loadCoreConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): CoreConfig {
  const dir = env["CORPUS_DIR"]?.trim() || "corpus";
  return Object.freeze({ corpusDir: path.resolve(cwd, dir) });
}
