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
