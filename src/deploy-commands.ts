import { pathToFileURL } from "node:url";
import { REST, RESTEvents, type RESTPostAPIApplicationCommandsJSONBody, Routes } from "discord.js";
import dotenv from "dotenv";
import { commands } from "../commands/index.ts";
import { type BotConfig, ConfigError, loadConfig } from "./config.ts";
import { explainDiscordFailure } from "./discord-failure.ts";
import { createLogger } from "./log.ts";

/** The JSON registered with Discord: exactly what the command builders produce. */
export function commandsJson(): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data.toJSON());
}

/** The longest rate limit a deploy waits out, in ms; a longer one fails, saying how long to wait. */
export const DEPLOY_RATE_LIMIT_WAIT_MS = 10_000;
/** Rate limits a deploy waits out at most, however short. */
const DEPLOY_RATE_LIMITS_WAITED = 2;

/**
 * Registers the commands, replacing the registered set: in one server (DISCORD_GUILD_ID, updated at
 * once, for development) or globally. A rate limit of a few seconds is waited out; a longer one (the
 * 200 command creations a day per server: hours), or a third one, fails with the time to wait:
 * @discordjs/rest would otherwise wait for as long as Discord says, and try again for as long as it
 * answers 429, with nothing on the screen.
 */
export async function deployCommands(
  config: Pick<BotConfig, "token" | "clientId" | "guildId" | "apiBase">,
): Promise<{ scope: "guild" | "global"; count: number }> {
  // 429 answers, counted as they come: @discordjs/rest asks rejectOnRateLimit again before it tries once more
  // whenever the answer had a bucket's headers, as Discord's always have, so its calls are no count of them
  let rateLimited = 0;
  const rest = new REST({
    version: "10",
    rejectOnRateLimit: (limit) =>
      rateLimited > DEPLOY_RATE_LIMITS_WAITED || limit.retryAfter > DEPLOY_RATE_LIMIT_WAIT_MS,
    ...(config.apiBase ? { api: config.apiBase } : {}),
  }).setToken(config.token);
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status === 429) rateLimited++;
  });
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  const registered = (await rest.put(route, { body: commandsJson() })) as unknown[];
  return { scope: config.guildId ? "guild" : "global", count: registered.length };
}

/** What `npm run deploy-commands` tells the operator it did: where, and when members see the commands. */
export function deployedMessage(result: { scope: "guild" | "global"; count: number }, guildId: string | null): string {
  return result.scope === "guild"
    ? `コマンドを ${result.count} 個、サーバー ${guildId} に登録しました。このサーバーではすぐに使えます。`
    : `コマンドを ${result.count} 個、全体（ボットを追加したすべてのサーバー）に登録しました。Discord に表示されるまで最大 1 時間かかることがあります。`;
}

/** `npm run deploy-commands` */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: BotConfig;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  try {
    const result = await deployCommands(config);
    logger.info(
      { event: "commands.deployed", ...result, guildId: config.guildId },
      result.scope === "guild"
        ? `registered ${result.count} commands in server ${config.guildId}`
        : `registered ${result.count} commands globally (Discord may take up to an hour to show changes)`,
    );
    // what the operator reads, as a failure is said: one line on standard error, in Japanese
    process.stderr.write(`${deployedMessage(result, config.guildId)}\n`);
  } catch (err) {
    // What went wrong and what to do, in one line; the error itself goes to the log.
    const failure = explainDiscordFailure(err, "deploy", config.apiBase);
    logger.error({ event: "commands.deploy_failed", reason: failure.reason, err }, failure.message);
    process.stderr.write(`${failure.message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
