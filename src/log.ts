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
 * An error as pino writes it, without the body of any request that failed: discord.js's DiscordAPIError
 * carries it (`requestBody`), and a reply's body is what members wrote: the question above an answer, the
 * boxes of a form given back to its moderator, which are never to be written anywhere. Discord's own
 * account of what it refused stays (`rawError.errors` names the field and the rule, not the value). The body
 * is left out wherever the error holds it: an error it wraps (`aggregateErrors`, a field of its own). A
 * cycle is written [Circular], as pino writes it, and past MAX_ERROR_DEPTH levels or MAX_ERROR_NODES objects
 * what is left is written […], not as it was: it may hold a body. An error it cannot read (a getter that
 * throws) is written as its kind, never thrown from a log call.
 */
function serializeError(err: unknown): unknown {
  try {
    return withoutRequestBodies(err, 0, { path: new WeakSet(), left: MAX_ERROR_NODES });
  } catch {
    // a getter or a proxy's trap that throws, a frozen error pino cannot mark: a log call never throws
    return { type: "Unserializable", message: Object.prototype.toString.call(err) };
  }
}

/**
 * How deep serializeError copies an error: Discord's account of an invalid form is 9 levels deep
 * (rawError.errors.data.embeds.0.fields.0.value._errors).
 */
const MAX_ERROR_DEPTH = 16;
/** How many objects serializeError copies at most: an error may hold a whole client. */
const MAX_ERROR_NODES = 500;
/** What stands for what serializeError does not copy: a cycle, or what lies past its limits. */
const CIRCULAR = "[Circular]";
const TRUNCATED = "[…]";

function withoutRequestBodies(value: unknown, depth: number, walk: { path: WeakSet<object>; left: number }): unknown {
  if (value === null || typeof value !== "object") return value;
  // a Date, a Buffer, a URL: written as JSON writes them, with nothing of a request inside
  if (value instanceof Date || value instanceof URL || Buffer.isBuffer(value)) return value;
  // a cycle: an object inside itself (one met twice side by side is copied twice)
  if (walk.path.has(value)) return CIRCULAR;
  if (depth > MAX_ERROR_DEPTH || walk.left <= 0) return TRUNCATED;
  walk.left--;
  walk.path.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => withoutRequestBodies(item, depth + 1, walk));
    // an error as pino's serializer gives it (its fields, with type, message and stack, the errors it
    // aggregates serialized so too), or any other object's own fields
    const fields = value instanceof Error ? (pino.stdSerializers.err(value) as object) : value;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      if (key !== "requestBody") out[key] = withoutRequestBodies(field, depth + 1, walk);
    }
    return out;
  } finally {
    walk.path.delete(value);
  }
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
 * (`err` or `error`) is written without the body of any request that failed (see serializeError).
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
      serializers: { err: serializeError, error: serializeError },
    },
    { write: (line: string) => target.write(redact(line, secrets)) },
  );
}
