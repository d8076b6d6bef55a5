/**
 * What Discord rejects, written down independently of the bot's own limit constants (a wrong constant in
 * src/render/limits.ts must not be mirrored here). Each function returns the problems it finds; empty
 * means Discord would accept the payload.
 *
 * Sources: discord-api-docs resources/message.mdx (embed limits, 2,000-character content, 10 embeds),
 * interactions/application-commands.mdx (names, descriptions, options, 8,000-character commands),
 * interactions/receiving-and-responding.mdx (25 autocomplete choices), components/reference.mdx (rows,
 * buttons, custom ids, labels, text inputs).
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
/** Discord counts characters; UTF-16 units are never fewer, so this is a safe (strict) count. */
const len = (v: unknown): number => (typeof v === "string" ? v.length : 0);

function checkLength(problems: string[], what: string, value: unknown, min: number, max: number): void {
  if (value === undefined || value === null) {
    if (min > 0) problems.push(`${what}: required`);
    return;
  }
  if (typeof value !== "string") {
    problems.push(`${what}: not a string`);
    return;
  }
  if (value.length < min || value.length > max) problems.push(`${what}: length ${value.length} not in ${min}..${max}`);
}

function validUrl(value: unknown, schemes = ["http:", "https:"]): boolean {
  try {
    return schemes.includes(new URL(String(value)).protocol);
  } catch {
    return false;
  }
}

/** Embeds: per-part limits, 25 fields, non-empty fields, 6,000 characters across all embeds. */
export function embedProblems(embeds: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(embeds)) return ["embeds: not an array"];
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embeds[${i}]`;
    if (!isObject(e)) {
      problems.push(`${at}: not an object`);
      return;
    }
    checkLength(problems, `${at}.title`, e["title"], 0, 256);
    checkLength(problems, `${at}.description`, e["description"], 0, 4096);
    if (e["url"] !== undefined && !validUrl(e["url"])) problems.push(`${at}.url: not a valid http(s) URL`);
    if (
      e["color"] !== undefined &&
      !(Number.isInteger(e["color"]) && (e["color"] as number) >= 0 && (e["color"] as number) <= 0xffffff)
    ) {
      problems.push(`${at}.color: not a colour`);
    }
    total += len(e["title"]) + len(e["description"]);
    const footer = e["footer"];
    if (footer !== undefined) {
      if (!isObject(footer)) problems.push(`${at}.footer: not an object`);
      else {
        checkLength(problems, `${at}.footer.text`, footer["text"], 1, 2048);
        total += len(footer["text"]);
      }
    }
    const author = e["author"];
    if (author !== undefined) {
      if (!isObject(author)) problems.push(`${at}.author: not an object`);
      else {
        checkLength(problems, `${at}.author.name`, author["name"], 1, 256);
        total += len(author["name"]);
      }
    }
    const fields = e["fields"];
    if (fields !== undefined) {
      if (!Array.isArray(fields)) problems.push(`${at}.fields: not an array`);
      else {
        if (fields.length > 25) problems.push(`${at}.fields: ${fields.length} > 25`);
        fields.forEach((f, j) => {
          if (!isObject(f)) {
            problems.push(`${at}.fields[${j}]: not an object`);
            return;
          }
          checkLength(problems, `${at}.fields[${j}].name`, f["name"], 1, 256);
          checkLength(problems, `${at}.fields[${j}].value`, f["value"], 1, 1024);
          if (str(f["name"])?.trim() === "") problems.push(`${at}.fields[${j}].name: blank`);
          if (str(f["value"])?.trim() === "") problems.push(`${at}.fields[${j}].value: blank`);
          total += len(f["name"]) + len(f["value"]);
        });
      }
    }
  });
  if (total > 6000) problems.push(`embeds: ${total} characters in all > 6000`);
  return problems;
}

/** Message components: at most 5 rows of at most 5 buttons, custom ids 1–100 and unique, labels ≤ 80. */
export function componentProblems(components: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(components)) return ["components: not an array"];
  if (components.length > 5) problems.push(`components: ${components.length} rows > 5`);
  const ids = new Set<string>();
  components.forEach((row, i) => {
    if (!isObject(row) || row["type"] !== 1 || !Array.isArray(row["components"])) {
      problems.push(`components[${i}]: not an action row`);
      return;
    }
    const items = row["components"] as unknown[];
    if (items.length < 1 || items.length > 5) problems.push(`components[${i}]: ${items.length} buttons not in 1..5`);
    items.forEach((b, j) => {
      const at = `components[${i}][${j}]`;
      if (!isObject(b) || b["type"] !== 2) {
        problems.push(`${at}: not a button`);
        return;
      }
      const style = b["style"];
      if (!Number.isInteger(style) || (style as number) < 1 || (style as number) > 6)
        problems.push(`${at}.style: invalid`);
      if (b["label"] === undefined && b["emoji"] === undefined) problems.push(`${at}: needs a label or an emoji`);
      checkLength(problems, `${at}.label`, b["label"], 0, 80);
      if (style === 5) {
        if (!validUrl(b["url"], ["http:", "https:", "discord:"])) problems.push(`${at}.url: a link button needs a URL`);
        if (b["custom_id"] !== undefined) problems.push(`${at}: a link button has no custom_id`);
      } else {
        checkLength(problems, `${at}.custom_id`, b["custom_id"], 1, 100);
        const id = str(b["custom_id"]);
        // JSON text with a lone surrogate is not Unicode (RFC 8259 §8.2: what a parser does with it is
        // unpredictable): Discord may refuse the message, or give back another id when the button is pressed.
        if (id !== undefined && !id.isWellFormed()) problems.push(`${at}.custom_id: a lone surrogate`);
        if (id !== undefined) {
          if (ids.has(id)) problems.push(`${at}.custom_id: duplicate ${id}`);
          ids.add(id);
        }
      }
    });
  });
  return problems;
}

/** A message body (create or edit). `create`: an empty message is refused. */
export function messageProblems(body: unknown, options: { create: boolean }): string[] {
  if (!isObject(body)) return ["body: not an object"];
  const problems: string[] = [];
  checkLength(problems, "content", body["content"], 0, 2000);
  if (body["embeds"] !== undefined) problems.push(...embedProblems(body["embeds"]));
  if (body["components"] !== undefined) problems.push(...componentProblems(body["components"]));
  const flags = body["flags"];
  // Ephemeral (64), suppress embeds (4), suppress notifications (4096) are what a bot may set here.
  if (flags !== undefined && flags !== null && ((flags as number) & ~(64 | 4 | 4096)) !== 0) {
    problems.push(`flags: ${flags} has bits a bot may not set`);
  }
  if (options.create) {
    const hasContent = len(body["content"]) > 0;
    const hasEmbeds = Array.isArray(body["embeds"]) && body["embeds"].length > 0;
    const hasComponents = Array.isArray(body["components"]) && body["components"].length > 0;
    if (!hasContent && !hasEmbeds && !hasComponents)
      problems.push("message: empty (50006 Cannot send an empty message)");
  }
  return problems;
}

/** Our own rule, not Discord's: every message must ping nobody. */
export function mentionProblems(body: unknown): string[] {
  if (!isObject(body)) return [];
  const am = body["allowed_mentions"];
  if (!isObject(am)) return ["allowed_mentions: missing"];
  const problems: string[] = [];
  if (!Array.isArray(am["parse"]) || am["parse"].length !== 0) problems.push("allowed_mentions.parse: not []");
  if (Array.isArray(am["users"]) && am["users"].length) problems.push("allowed_mentions.users: not empty");
  if (Array.isArray(am["roles"]) && am["roles"].length) problems.push("allowed_mentions.roles: not empty");
  if (am["replied_user"] === true) problems.push("allowed_mentions.replied_user: true");
  return problems;
}

/**
 * Our own rule, not Discord's: nothing the bot sends holds a control character but a line feed or a tab. A
 * control shows as nothing, or as a box, and the bot's own mention marks (CommandMentions.mark) are made of them.
 */
export function controlProblems(body: unknown): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, at: string): void => {
    if (typeof value === "string") {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about them
      const found = /[\u0000-\u0008\u000b-\u001f\u007f]/u.exec(value);
      if (found)
        problems.push(
          `${at}: U+${found[0].charCodeAt(0).toString(16).padStart(4, "0")} in ${JSON.stringify(value.slice(0, 60))}`,
        );
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${at}[${i}]`);
    } else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
  };
  walk(body, "");
  return problems;
}

/** Autocomplete: at most 25 choices, names 1–100, string values ≤ 100. */
export function choiceProblems(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ["choices: not an array"];
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`choices: ${choices.length} > 25`);
  choices.forEach((c, i) => {
    if (!isObject(c)) {
      problems.push(`choices[${i}]: not an object`);
      return;
    }
    checkLength(problems, `choices[${i}].name`, c["name"], 1, 100);
    if (typeof c["value"] === "string") checkLength(problems, `choices[${i}].value`, c["value"], 1, 100);
    else if (typeof c["value"] !== "number") problems.push(`choices[${i}].value: not a string or number`);
  });
  return problems;
}

/**
 * A modal: title ≤ 45, 1–5 components, text inputs in labels (or legacy rows) with valid limits, and any
 * prefilled value within 4,000 characters and the input's max_length.
 */
export function modalProblems(data: unknown): string[] {
  if (!isObject(data)) return ["modal: not an object"];
  const problems: string[] = [];
  checkLength(problems, "modal.title", data["title"], 1, 45);
  checkLength(problems, "modal.custom_id", data["custom_id"], 1, 100);
  const components = data["components"];
  if (!Array.isArray(components) || components.length < 1 || components.length > 5) {
    return [...problems, "modal.components: not 1..5 components"];
  }
  components.forEach((c, i) => {
    const at = `modal.components[${i}]`;
    let input: unknown;
    if (isObject(c) && c["type"] === 18) {
      checkLength(problems, `${at}.label`, c["label"], 1, 45);
      checkLength(problems, `${at}.description`, c["description"], 0, 100);
      input = c["component"];
    } else if (isObject(c) && c["type"] === 1 && Array.isArray(c["components"]) && c["components"].length === 1) {
      input = c["components"][0];
      if (isObject(input)) checkLength(problems, `${at}.label`, input["label"], 1, 45);
    } else {
      problems.push(`${at}: not a label or an action row with one input`);
      return;
    }
    if (!isObject(input) || input["type"] !== 4) {
      problems.push(`${at}: not a text input`);
      return;
    }
    checkLength(problems, `${at}.custom_id`, input["custom_id"], 1, 100);
    if (input["style"] !== 1 && input["style"] !== 2) problems.push(`${at}.style: invalid`);
    const max = input["max_length"];
    if (max !== undefined && !(Number.isInteger(max) && (max as number) >= 1 && (max as number) <= 4000)) {
      problems.push(`${at}.max_length: not in 1..4000`);
    }
    checkLength(problems, `${at}.placeholder`, input["placeholder"], 0, 100);
    // A prefilled value: at most 4,000 characters, and no longer than the input lets the member type.
    checkLength(
      problems,
      `${at}.value`,
      input["value"],
      0,
      Math.min(4000, Number.isInteger(max) ? (max as number) : 4000),
    );
  });
  return problems;
}

const CHAT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(problems: string[], at: string, name: unknown, chatInput: boolean): void {
  if (typeof name !== "string") {
    problems.push(`${at}: name missing`);
    return;
  }
  if (chatInput) {
    if (!CHAT_NAME.test(name)) problems.push(`${at}: name ${JSON.stringify(name)} does not match the name pattern`);
    if (name !== name.toLowerCase()) problems.push(`${at}: name ${JSON.stringify(name)} is not lowercase`);
  } else {
    checkLength(problems, `${at}.name`, name, 1, 32);
  }
}

/** Characters of a command that count towards 8,000: names, descriptions, choices; the longest localization of each. */
function commandSize(node: Json): number {
  const longest = (base: unknown, localized: unknown) =>
    Math.max(len(base), ...(isObject(localized) ? Object.values(localized).map(len) : [0]));
  let n =
    longest(node["name"], node["name_localizations"]) + longest(node["description"], node["description_localizations"]);
  for (const c of Array.isArray(node["choices"]) ? node["choices"] : []) {
    if (isObject(c)) n += longest(c["name"], c["name_localizations"]) + len(String(c["value"]));
  }
  for (const o of Array.isArray(node["options"]) ? node["options"] : []) if (isObject(o)) n += commandSize(o);
  return n;
}

function optionProblems(problems: string[], at: string, options: unknown, depth: number): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    problems.push(`${at}.options: not an array`);
    return;
  }
  if (options.length > 25) problems.push(`${at}.options: ${options.length} > 25`);
  let optionalSeen = false;
  const names = new Set<string>();
  options.forEach((o, i) => {
    const oat = `${at}.options[${i}]`;
    if (!isObject(o)) {
      problems.push(`${oat}: not an object`);
      return;
    }
    checkName(problems, oat, o["name"], true);
    for (const v of Object.values(isObject(o["name_localizations"]) ? o["name_localizations"] : {}))
      checkName(problems, `${oat}.name_localizations`, v, true);
    checkLength(problems, `${oat}.description`, o["description"], 1, 100);
    for (const v of Object.values(isObject(o["description_localizations"]) ? o["description_localizations"] : {})) {
      checkLength(problems, `${oat}.description_localizations`, v, 1, 100);
    }
    if (names.has(String(o["name"]))) problems.push(`${oat}: duplicate name ${o["name"]}`);
    names.add(String(o["name"]));
    const type = o["type"];
    if (type === 1 || type === 2) {
      if (depth >= 2 || (type === 2 && depth >= 1)) problems.push(`${oat}: sub-commands nested too deep`);
      optionProblems(problems, oat, o["options"], depth + 1);
      return;
    }
    if (o["required"] === true && optionalSeen) problems.push(`${oat}: a required option after an optional one`);
    if (o["required"] !== true) optionalSeen = true;
    if (o["autocomplete"] === true && Array.isArray(o["choices"]) && o["choices"].length) {
      problems.push(`${oat}: autocomplete and choices together`);
    }
    if (Array.isArray(o["choices"]) && o["choices"].length > 25) problems.push(`${oat}.choices: > 25`);
    for (const key of ["min_length", "max_length"]) {
      const v = o[key];
      if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 6000)) {
        problems.push(`${oat}.${key}: not in 0..6000`);
      }
    }
  });
}

/** A PUT of application commands: names, descriptions, localizations, options, sizes, counts. */
export function commandProblems(commands: unknown): string[] {
  if (!Array.isArray(commands)) return ["commands: not an array"];
  const problems: string[] = [];
  const counts = new Map<number, number>();
  const names = new Set<string>();
  commands.forEach((c, i) => {
    const at = `commands[${i}]`;
    if (!isObject(c)) {
      problems.push(`${at}: not an object`);
      return;
    }
    const type = (c["type"] as number | undefined) ?? 1;
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const key = `${type}:${c["name"]}`;
    if (names.has(key)) problems.push(`${at}: duplicate name ${c["name"]}`);
    names.add(key);
    const chat = type === 1;
    checkName(problems, at, c["name"], chat);
    for (const v of Object.values(isObject(c["name_localizations"]) ? c["name_localizations"] : {}))
      checkName(problems, `${at}.name_localizations`, v, chat);
    if (chat) {
      checkLength(problems, `${at}.description`, c["description"], 1, 100);
      for (const v of Object.values(isObject(c["description_localizations"]) ? c["description_localizations"] : {})) {
        checkLength(problems, `${at}.description_localizations`, v, 1, 100);
      }
    } else if (len(c["description"]) > 0) {
      problems.push(`${at}: a context menu command has no description`);
    }
    if (
      c["default_member_permissions"] !== undefined &&
      c["default_member_permissions"] !== null &&
      !/^\d+$/u.test(String(c["default_member_permissions"]))
    ) {
      problems.push(`${at}.default_member_permissions: not a permission bit set`);
    }
    optionProblems(problems, at, c["options"], 0);
    const size = commandSize(c);
    if (size > 8000) problems.push(`${at}: ${size} characters > 8000`);
  });
  if ((counts.get(1) ?? 0) > 100) problems.push("commands: more than 100 chat input commands");
  if ((counts.get(2) ?? 0) > 15) problems.push("commands: more than 15 user commands");
  if ((counts.get(3) ?? 0) > 15) problems.push("commands: more than 15 message commands");
  return problems;
}
