/**
 * Lines written to standard output or standard error by the command-line entry points (`shiori`, `npm run
 * bench`). A reader that goes away (`shiori list | head`) closes the pipe: the next write fails with EPIPE,
 * which Node emits as an 'error' event and, unhandled, ends the process with a stack trace and status 1,
 * in the middle of whatever it was doing (an import printing its progress). Here the lines nobody reads
 * any more are dropped, and the command finishes its work and exits with its own status, as `cat` or
 * `grep` do when `head` has read enough.
 */
export function lineWriter(stream: NodeJS.WritableStream): (text: string) => void {
  let closed = false;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    // after the reader has gone, any later failure of the same stream is the same closed pipe
    if (closed || err.code === "EPIPE") {
      closed = true;
      return;
    }
    throw err;
  });
  return (text) => {
    if (!closed) stream.write(`${text}\n`);
  };
}
