import type { RequestHandler } from 'express'
import type { Logger } from 'pino'
import { redactUrl } from '../logger.js'

const QUIET = new Set(['/healthz', '/metrics'])

/** One line per request, with `token=` values cut out of the URL and no headers at all. */
export function accessLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const entry = {
        method: req.method,
        url: redactUrl(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        address: req.ip,
      }
      if (QUIET.has(req.path)) log.debug(entry, 'request')
      else log.info(entry, 'request')
    })
    next()
  }
}
