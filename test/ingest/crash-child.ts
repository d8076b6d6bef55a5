/**
 * A child process for crash.test.ts: opens a corpus, says "ready", adds one article from a file, says
 * "done". The test kills it with SIGKILL at chosen moments of the add.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Engine } from "../../src/engine.ts";
import { addArticle } from "../../src/ingest/add-article.ts";

const [corpusDir, sourceFile, url] = process.argv.slice(2) as [string, string, string];
const engine = await Engine.open({ corpusDir });
process.stdout.write("ready\n");
await addArticle(
  engine,
  { kind: "file", name: path.basename(sourceFile), bytes: await readFile(sourceFile), url },
  {
    addedBy: "crash-test",
    fetch: {
      maxBytes: 5 * 1024 * 1024,
      timeoutMs: 1000,
      connectTimeoutMs: 1000,
      maxRedirects: 0,
      userAgent: "test",
      policy: { allow: [] },
    },
  },
);
process.stdout.write("done\n");
