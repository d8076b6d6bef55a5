#!/usr/bin/env node
// The `shiori` command: runs the TypeScript entry point through tsx (Node 20 cannot run .ts itself).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
