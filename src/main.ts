import dotenv from "dotenv";
import { main } from "./cli.ts";
import { lineWriter } from "./cli-output.ts";

dotenv.config({ quiet: true });
const code = await main(process.argv.slice(2), {
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
  color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
  env: process.env,
  progress: process.stderr,
  stdin: process.stdin,
  // Once: a second Ctrl-C kills as without it.
  onInterrupt: (stop) => {
    process.once("SIGINT", stop);
    return () => process.removeListener("SIGINT", stop);
  },
});
process.exitCode = code;
