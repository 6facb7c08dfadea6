import { pino, type DestinationStream, type Logger } from 'pino'

// Everywhere a token or secret could ride along in a logged object.
const REDACT = [
  'token',
  '*.token',
  'tokens',
  '*.tokens',
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-create-secret"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-create-secret"]',
  'auth',
  '*.auth',
  // [C20] a participant's own token, should a join's payload or answer ever be logged
  'personalToken',
  '*.personalToken',
]

/** Structured logs; tokens never appear in them (redacted wherever they could). */
export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    // [H27] a private room's key opens nothing without its owner's token, but stays out of logs
    hooks: { streamWrite: redactPrivateKeys },
  }
  return destination ? pino(options, destination) : pino(options)
}

/** Removes `token=` values from a URL before it is logged. */
export const redactUrl = (url: string): string =>
  url.replace(/([?&#;](?:access_)?token=)[^&#;]*/gi, '$1[redacted]')

/**
 * Removes private rooms' keys (`<boardId>~p~<key>`, raw or URL-encoded) from a log line, in
 * whatever field they ride: a board id, a URL, an error message.
 */
export const redactPrivateKeys = (line: string): string =>
  line.replace(/(~p~|%7Ep%7E)[A-Za-z0-9_.%-]*/gi, '$1[redacted]')
