/**
 * Resolves once `promise` has settled, either way. For a queue whose next task waits for the one
 * before: the task's own caller awaits `promise` and hears of its failure, so the queue does not.
 */
export const settled = (promise: Promise<unknown>): Promise<void> =>
  promise.then(
    () => undefined,
    () => undefined,
  )
