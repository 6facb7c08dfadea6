import { describe, expect, it } from 'vitest'
import { ExportQueue, ExportQueueFull } from './ExportQueue.js'

describe('ExportQueue', () => {
  it('runs one export at a time, in order, and goes on after a failure', async () => {
    const queue = new ExportQueue(10)
    const log: string[] = []
    const job =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`)
        await new Promise((r) => setTimeout(r, 5))
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }
    const results = await Promise.allSettled([
      queue.run(job('a')),
      queue.run(job('b', true)),
      queue.run(job('c')),
    ])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })

  it('refuses an export when too many wait, and takes new ones once they are done', async () => {
    const queue = new ExportQueue(2)
    const slow = () => new Promise((r) => setTimeout(r, 10))
    const first = [queue.run(slow), queue.run(slow)]
    await expect(queue.run(slow)).rejects.toBeInstanceOf(ExportQueueFull)
    await Promise.all(first)
    await expect(queue.run(async () => 'ok')).resolves.toBe('ok')
  })
})
