import type { IncomingMessage } from 'node:http'
import { ipKeyGenerator } from 'express-rate-limit'

/**
 * The address of the client behind `hops` trusted proxies, as express computes `req.ip` with
 * `trust proxy` set to a hop count: the socket's peer, then X-Forwarded-For from the right.
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown'
  if (hops <= 0) return peer
  const header = req.headers['x-forwarded-for']
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse()
  const chain = [peer, ...forwarded]
  return chain[Math.min(hops, chain.length - 1)] ?? peer
}

/**
 * The key limits count an address under: IPv4-mapped IPv6 as IPv4, and one IPv6 client's whole
 * /56 as one address (counting single addresses would let it rotate freely).
 */
export const addressKey = (address: string): string =>
  ipKeyGenerator(address.replace(/^::ffff:/, ''))
