import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { createCommandMentions } from "../../src/command-mentions.ts";
import { stripInvisible } from "../../src/render/limits.ts";

/** The bot's mentions of its commands, from the ids Discord gave them (without Discord: see the e2e tests). */

const defined = commands.map((c) => c.data.toJSON());
const ASK = "1300000000000000001";
const ARTICLE = "1300000000000000002";
const MENU = "1300000000000000003";

describe("createCommandMentions", () => {
  it("names the commands as typed until their ids are known", () => {
    const mentions = createCommandMentions(defined);
    expect([mentions.commandRef("ask"), mentions.commandRef("article", "add")]).toEqual(["/ask", "/article add"]);
  });

  it("mentions a command by its default name and id, a subcommand after its command's name", () => {
    const mentions = createCommandMentions(defined);
    // (the bot's slash commands the list lacks)
    expect(
      mentions
        .replaceIds([
          { id: ASK, name: "ask", type: 1 },
          { id: ARTICLE, name: "article", type: 1 },
          // a message command has no mention; a command the bot does not define is none of its own
          { id: MENU, name: "Search articles", type: 3 },
          { id: "1300000000000000004", name: "ghost", type: 1 },
        ])
        .sort(),
    ).toEqual(["about", "search", "summary"]);
    expect(mentions.commandRef("ask")).toBe(`${mentions.mark}</ask:${ASK}>`);
    expect(mentions.commandRef("article", "add")).toBe(`${mentions.mark}</article add:${ARTICLE}>`);
    // what cannot be used as named stays as typed: a command with subcommands alone, a subcommand it lacks,
    // a subcommand of one without, a command not registered
    expect(mentions.commandRef("article")).toBe("/article");
    expect(mentions.commandRef("article", "edit")).toBe("/article edit");
    expect(mentions.commandRef("ask", "add")).toBe("/ask add");
    expect(mentions.commandRef("search")).toBe("/search");
    expect(mentions.commandRef("ghost")).toBe("/ghost");
  });

  it("marks the mentions it writes with invisible characters of its own, drawn at random", () => {
    const mentions = createCommandMentions(defined);
    expect(mentions.mark).toHaveLength(12);
    // INVISIBLE: no message the bot sends shows them
    expect(stripInvisible(mentions.mark)).toBe("");
    // another bot, another mark: none can be known beforehand, and written in a title or a member's words
    const others = Array.from({ length: 20 }, () => createCommandMentions(defined).mark);
    expect(new Set([mentions.mark, ...others]).size).toBe(21);
  });

  it("keeps the id learned of a command the list lacks, and takes the list's for those it has", () => {
    const mentions = createCommandMentions(defined);
    mentions.learn("ask", ASK);
    mentions.learn("article", ARTICLE);
    mentions.learn("ghost", MENU);
    expect(mentions.commandRef("ask")).toBe(`${mentions.mark}</ask:${ASK}>`);
    expect(mentions.commandRef("ghost")).toBe("/ghost");
    // a list of none (the commands registered elsewhere), then of /article alone, with another id
    expect(mentions.replaceIds([]).sort()).toEqual(["about", "article", "ask", "search", "summary"]);
    expect(mentions.replaceIds([{ id: MENU, name: "article", type: 1 }])).not.toContain("article");
    expect(mentions.commandRef("ask")).toBe(`${mentions.mark}</ask:${ASK}>`);
    expect(mentions.commandRef("article", "add")).toBe(`${mentions.mark}</article add:${MENU}>`);
  });

  it("takes only ids that are snowflakes, from the list as from an interaction", () => {
    const mentions = createCommandMentions(defined);
    expect(
      mentions.replaceIds([
        { id: "123", name: "ask", type: 1 },
        { id: "1300000000000000001>", name: "search", type: 1 },
        { id: "130000000000000000000001", name: "summary", type: 1 },
      ]),
    ).toEqual(expect.arrayContaining(["ask", "search", "summary"]));
    mentions.learn("about", "");
    mentions.learn("article", "1300000000000000002 ");
    for (const name of ["ask", "search", "summary", "about"]) expect(mentions.commandRef(name)).toBe(`/${name}`);
    expect(mentions.commandRef("article", "add")).toBe("/article add");
    // 17 to 20 digits
    mentions.learn("ask", "13000000000000001");
    mentions.learn("search", "13000000000000000001");
    expect(mentions.commandRef("ask")).toBe(`${mentions.mark}</ask:13000000000000001>`);
    expect(mentions.commandRef("search")).toBe(`${mentions.mark}</search:13000000000000000001>`);
  });
});
