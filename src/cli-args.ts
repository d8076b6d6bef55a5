/**
 * node:util parseArgs's refusals said in Japanese, for the command line (`shiori …`) and its `eval`: an
 * unknown option, an option without its value, a value given to a flag.
 */

/** What an option's value looks like, for the message that asks for one. */
const EXAMPLES: Readonly<Record<string, string>> = {
  "--page": "2",
  "--points": "5",
  "--limit": "100",
  "--corpus": "./corpus",
  "--title": '"記事の題"',
  "--url": "https://example.com/article",
  "--publisher": '"発行元"',
  "--added-by": '"名前"',
  "--dataset": "jsquad-valid-v1.3.json",
  "--distractors": "./livedoor",
  "--summaries": "./livedoor",
  "--corpus-dir": "./livedoor",
  "--questions": "jsquad-valid-v1.3.json",
};

/**
 * parseArgs's refusal, said in Japanese with what to do. `verb` is the command the arguments are for
 * (ask, search …), for the hint on a question or keywords that start with `-`; null where nothing is
 * written after the options but options (eval).
 */
export function argumentError(err: Error & { code?: string }, argv: readonly string[], verb: string | null): string {
  const option = /'(-[^' ]*)/u.exec(err.message)?.[1];
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined) {
    // -5度は寒い？ read as the options -5, -度, …: the word the option came from
    const word = argv.find((arg) => arg.startsWith(option)) ?? option;
    return verb !== null && /^-[^-]/u.test(option) && word.length > 2
      ? `不明なオプションです: ${option}。- で始まる質問やキーワードは、-- の後に書いてください（例: shiori ${verb} -- "${word}"）。`
      : `不明なオプションです: ${option}。使えるオプションは下の一覧を見てください。`;
  }
  if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option !== undefined) {
    if (/does not take/u.test(err.message)) return `${option} は値を取りません。${option} とだけ書いてください。`;
    // --page -1: a value that starts with - is read as another option
    const dash = /ambiguous/u.test(err.message) ? `- で始まる値は ${option}=… と書いてください。` : "";
    return `${option} には値を指定してください（例: ${option} ${EXAMPLES[option] ?? "…"}）。${dash}`;
  }
  if (err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    // eval and bench take options only: `npm run eval -- jsquad.json` left out --dataset
    const given = /'([^']*)'/u.exec(err.message)?.[1] ?? "";
    return `余分な引数です: 「${given}」。このコマンドはオプションだけを取ります。ファイルやフォルダは、下の使い方のとおり、それを受け取るオプション（--… ）の後に書いてください。`;
  }
  return `引数を解釈できませんでした: ${err.message}`;
}
