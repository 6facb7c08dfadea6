import type { RequestHandler } from 'express'
import helmet from 'helmet'

const HOST = /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i

/**
 * Helmet with a CSP the built client passes: scripts and styles only from our origin (Vite
 * emits no inline script; React and Konva set styles through the CSSOM, which CSP allows),
 * exports as blob: images, and the Yjs and socket.io WebSockets on our own host.
 */
export function securityHeaders(options: {
  readonly frameAncestors: readonly string[]
  readonly tlsInFront: boolean
}): RequestHandler {
  const frameAncestors = options.frameAncestors.length ? [...options.frameAncestors] : ["'none'"]
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // 'self' covers ws(s): on our host in CSP3 browsers; the explicit entry covers older ones.
        connectSrc: [
          "'self'",
          (req) => {
            const host = req.headers.host ?? ''
            return HOST.test(host) ? `${options.tlsInFront ? 'wss' : 'ws'}://${host}` : "'self'"
          },
        ],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors,
        frameSrc: ["'none'"],
        manifestSrc: ["'self'"],
        ...(options.tlsInFront && { upgradeInsecureRequests: [] }),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // frame-ancestors decides; X-Frame-Options could only say DENY or SAMEORIGIN.
    xFrameOptions: options.frameAncestors.length ? false : { action: 'deny' },
    strictTransportSecurity: false,
  })
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 60 * 60 })
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    headers(req, res, (err?: unknown) => {
      if (err) return next(err)
      // HSTS over plain HTTP means nothing, and on a laptop it would pin localhost to HTTPS.
      if (options.tlsInFront && req.secure) return hsts(req, res, next)
      next()
    })
  }
}
