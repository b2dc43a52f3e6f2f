/**
 * The main-process log: electron-log writing `logs/main.log` in the user data
 * folder. Modules take the small `Logger` interface so tests pass their own.
 */
import { app } from 'electron';
import log from 'electron-log/main';
import path from 'node:path';

/** What main modules log through. */
export interface Logger {
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
}

/** Where the log file lives: `<userData>/logs/main.log`. */
export function logFilePath(): string {
  return path.join(app.getPath('userData'), 'logs', 'main.log');
}

/** Points electron-log at the user data folder and returns it. */
export function setupLogging(): Logger {
  log.transports.file.resolvePathFn = () => logFilePath();
  log.transports.file.level = 'info';
  return log;
}
