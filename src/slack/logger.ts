/** A small console logger implementing Bolt's Logger interface (to stderr, so stdout stays clean). */
import { LogLevel, type Logger } from '@slack/bolt';

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Logs lines like "[INFO] commissioning: …" at `level` and above. */
export function consoleLogger(name = 'commissioning', level: LogLevel = LogLevel.INFO): Logger {
  let current = level;
  let label = name;
  const at =
    (l: LogLevel) =>
    (...msg: unknown[]) => {
      if (ORDER.indexOf(l) >= ORDER.indexOf(current)) console.error(`[${l.toUpperCase()}] ${label}:`, ...msg);
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l: LogLevel) => void (current = l),
    getLevel: () => current,
    setName: (n: string) => void (label = n),
  };
}
