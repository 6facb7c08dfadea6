import { pino, type Logger } from 'pino'

/** Structured logs; tokens never appear in them (redacted wherever they could). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    redact: { paths: ['token', 'req.headers.authorization', '*.token'], censor: '[redacted]' },
  })
}

/** Removes `token=` values from a URL before it is logged. */
export const redactUrl = (url: string): string =>
  url.replace(/([?&#]token=)[^&#]*/g, '$1[redacted]')
