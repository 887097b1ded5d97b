/** A Bolt Logger that keeps lines in memory (so tests can assert errors were logged, and stay quiet). */
import { LogLevel, type Logger } from '@slack/bolt';

/** A Logger whose lines tests can read. */
export interface CaptureLogger extends Logger {
  lines: { level: LogLevel; text: string }[];
  /** Lines at `level` (default: error) joined, for `toMatch` assertions. */
  text(level?: LogLevel | `${LogLevel}`): string;
  clear(): void;
}

/** Creates a capturing logger; set SLACK_TEST_LOG=1 to also print lines. */
export function captureLogger(): CaptureLogger {
  const lines: { level: LogLevel; text: string }[] = [];
  let current = LogLevel.DEBUG;
  const echo = process.env.SLACK_TEST_LOG === '1';
  const at =
    (level: LogLevel) =>
    (...msg: unknown[]) => {
      const text = msg.map((m) => (m instanceof Error ? (m.stack ?? m.message) : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
      lines.push({ level, text });
      if (echo) console.error(`[${level}] ${text}`);
    };
  return {
    lines,
    text: (level: LogLevel | `${LogLevel}` = LogLevel.ERROR) =>
      lines
        .filter((l) => l.level === level)
        .map((l) => l.text)
        .join('\n'),
    clear: () => void (lines.length = 0),
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l: LogLevel) => void (current = l),
    getLevel: () => current,
    setName: () => undefined,
  };
}
