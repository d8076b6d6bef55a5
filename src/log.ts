import pino from "pino";
import type { LogLevel } from "./config.ts";

export type Logger = pino.Logger;

/** Where log lines go: anything with `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Values that must never appear in a log line (the bot token). */
  readonly secrets: readonly string[];
  /** Standard output by default. */
  readonly destination?: LogDestination;
}

const REDACTED = "[REDACTED]";
/**
 * An interaction's token is a credential for 15 minutes (it authorizes the webhook that edits the reply),
 * and discord.js puts it in the URL of every error about a reply.
 */
const INTERACTION_TOKEN = /(\/(?:interactions\/\d+|webhooks\/\d+))\/[A-Za-z0-9._-]{20,}/gu;

/**
 * An error as pino writes it, without the body of the request that failed: discord.js's DiscordAPIError
 * carries it (`requestBody`), and a reply's body is what members wrote: the question above an answer, the
 * boxes of a form given back to its moderator, which are never to be written anywhere. Discord's own
 * account of what it refused stays (`rawError.errors` names the field and the rule, not the value).
 */
function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown;
  if (out && typeof out === "object" && "requestBody" in out) {
    const { requestBody: _, ...rest } = out as Record<string, unknown>;
    return rest;
  }
  return out;
}

/** A log line with every secret and interaction token replaced by [REDACTED]. */
export function redact(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  return out.replace(INTERACTION_TOKEN, `$1/${REDACTED}`);
}

/**
 * A pino logger writing one JSON line per event (`{"level":"info","time":"…","event":"bot.ready",…}`).
 * Each finished line is scrubbed of the secrets, whatever field or error stack they hide in; an error
 * (`err`) is written without the body of the request that failed (see serializeError).
 */
export function createLogger(options: LoggerOptions): Logger {
  const target = options.destination ?? pino.destination({ dest: 1, sync: true });
  const secrets = options.secrets.filter(Boolean);
  return pino(
    {
      level: options.level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
    },
    { write: (line: string) => target.write(redact(line, secrets)) },
  );
}
