/**
 * Process-wide guards for the long-running app. A promise rejection nobody handled (a listener that
 * forgot to catch, a library's stray promise) is logged with its stack and the process keeps serving:
 * Node's default would exit, dropping every request in flight for one person's odd message.
 */

/** Logs unhandled promise rejections instead of letting Node exit on them. */
export function logUnhandledRejections(log: { error(message: string): void } = console): void {
  process.on('unhandledRejection', (reason) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log.error(`Unhandled promise rejection (logged; the app keeps serving): ${detail}`);
  });
}
