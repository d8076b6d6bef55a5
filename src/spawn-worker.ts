import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread on the module `name` (without extension) that lies next to the caller's module,
 * `callerUrl` being the caller's `import.meta.url`. From the bundles of `npm run build` (every entry point
 * and worker side by side in `dist/`) that is `dist/<name>.js`. From the TypeScript sources, run through
 * tsx or vitest, Node 20 cannot load `.ts` itself: the worker first registers tsx's loader, then imports
 * `<name>.ts`.
 */
export function spawnWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const module = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${module}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
