import type { Redis } from 'ioredis'
import type { ReportFailure } from '../metrics.js'

/** How long to wait before asking again for channels Redis refused, at first and at most. */
const RETRY_FIRST_MS = 500
const RETRY_MAX_MS = 5000

/**
 * Keeps a connection's channel subscriptions through refusals ([S7]). ioredis re-subscribes by
 * itself after a reconnect, and socket.io's adapter subscribes without waiting for the answer:
 * a refusal there (an ACL that no longer allows the channels, `NOPERM`) was an unhandled
 * rejection, which ends a Node process, and the channels stayed lost once Redis allowed them
 * again. Here every subscription is remembered; a refusal is reported and the remembered channels
 * are asked for again, with a growing pause, until Redis accepts them or the connection ends.
 * Duplicates (the adapter makes its own subscriber from the client it is given) are kept too.
 */
export function keepSubscribed(redis: Redis, report: ReportFailure): Redis {
  const wanted = new Set<string>()
  let retry: ReturnType<typeof setTimeout> | undefined
  let pause = RETRY_FIRST_MS
  const subscribe = redis.subscribe.bind(redis)
  const unsubscribe = redis.unsubscribe.bind(redis)
  const duplicate = redis.duplicate.bind(redis)

  const askAgain = () => {
    if (retry || redis.status === 'end') return
    retry = setTimeout(() => {
      retry = undefined
      if (redis.status === 'end' || wanted.size === 0) return
      watch(subscribe(...wanted), [...wanted])
    }, pause)
    retry.unref()
    pause = Math.min(pause * 2, RETRY_MAX_MS)
  }
  const watch = (answer: Promise<unknown>, channels: string[]) => {
    answer.then(
      () => {
        pause = RETRY_FIRST_MS
      },
      (err: unknown) => {
        report('redis-subscribe', err, { connection: redis.options.connectionName, channels })
        askAgain()
      },
    )
    return answer
  }

  redis.subscribe = ((...args: unknown[]) => {
    const channels = args.flat().filter((a): a is string => typeof a === 'string')
    for (const channel of channels) wanted.add(channel)
    return watch((subscribe as (...a: unknown[]) => Promise<unknown>)(...args), channels)
  }) as Redis['subscribe']
  redis.unsubscribe = ((...args: unknown[]) => {
    const channels = args.flat().filter((a): a is string => typeof a === 'string')
    if (channels.length === 0) wanted.clear()
    for (const channel of channels) wanted.delete(channel)
    return (unsubscribe as (...a: unknown[]) => Promise<unknown>)(...args)
  }) as Redis['unsubscribe']
  redis.duplicate = ((...args: Parameters<Redis['duplicate']>) =>
    keepSubscribed(duplicate(...args), report)) as Redis['duplicate']
  redis.once('end', () => clearTimeout(retry))
  return redis
}
