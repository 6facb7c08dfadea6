import { afterEach } from 'vitest'

/** Things a test opened, closed after it in reverse order (clients before their server). */
export function cleanupAfterEach() {
  const tasks: (() => unknown)[] = []
  afterEach(async () => {
    for (const task of tasks.splice(0).reverse()) await task()
  })
  return <T>(value: T, close: (value: T) => unknown): T => {
    tasks.push(() => close(value))
    return value
  }
}
