/**
 * An error whose message is written for the member who caused it: Japanese, saying what happened and
 * what to do. Anything else that is thrown is a bug, logged with its details and never shown as is.
 */
export class UserFacingError extends Error {
  override readonly name = "UserFacingError";
  /** Details for the logs only. */
  readonly detail: string | undefined;
  /**
   * @param message the Japanese message shown to the user
   * @param detail details for the logs only
   */
  constructor(message: string, detail?: string) {
    super(message);
    this.detail = detail;
  }
}

/** The command line was written wrong (an argument missing or too many): the CLI exits with status 2. */
export class UsageError extends UserFacingError {}

/**
 * A source refused (a page, a file, a text), its message being what happened and then what to do. The
 * advice is for someone adding the source; `what` alone lets a caller give other advice where that one is
 * wrong: a refetch, where the moderator gave no URL to correct.
 */
export class SourceRefusal extends UserFacingError {
  /** What happened, without what to do: one or more sentences, each ending in 。. */
  readonly what: string;
  constructor(what: string, todo: string, detail?: string) {
    super(`${what}${todo}`, detail);
    this.what = what;
  }
}
