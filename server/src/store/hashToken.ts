import { createHash } from 'node:crypto'

/**
 * Tokens are looked up by their SHA-256, never by the token itself: an index lookup on a hash
 * leaks nothing useful through timing, and a copied database holds no usable lookup key.
 */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest()
