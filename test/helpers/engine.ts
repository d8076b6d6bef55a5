import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type ArticleDraft, createArticle } from "../../src/article/article.ts";
import { Engine } from "../../src/engine.ts";

/** A fresh corpus folder in the system's temp folder. */
export async function tempCorpusDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "shiori-test-"));
}

/** An engine over a new temp corpus holding the given articles. */
export async function engineWith(drafts: readonly ArticleDraft[]): Promise<{ engine: Engine; dir: string }> {
  const dir = await tempCorpusDir();
  const engine = await Engine.open({ corpusDir: dir });
  const at = new Date("2025-01-01T00:00:00Z");
  await engine.putAll(drafts.map((d) => createArticle(d, { by: "test", at })));
  return { engine, dir };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
