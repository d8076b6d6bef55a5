import dotenv from "dotenv";
import { main } from "./cli.ts";

dotenv.config({ quiet: true });
const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
  env: process.env,
  progress: process.stderr,
  stdin: process.stdin,
});
process.exitCode = code;
