import {
  restorePath,
  versionsPath,
  type BoardVersion,
  type BoardVersionList,
  type RestoredVersion,
} from '@sparboard/protocol'

/** The versions API of a server, called with one token. */
export function versionsApi(url: string, token: string) {
  const headers = { authorization: `Bearer ${token}` }
  return {
    list: (boardId: string) => fetch(`${url}${versionsPath(boardId)}`, { headers }),
    restore: (boardId: string, versionId: number | string) =>
      fetch(`${url}${restorePath(boardId, versionId as number)}`, { method: 'POST', headers }),
    /** The versions, asserting the call worked. */
    async versions(boardId: string): Promise<readonly BoardVersion[]> {
      const res = await this.list(boardId)
      if (res.status !== 200) throw new Error(`versions: ${res.status} ${await res.text()}`)
      return ((await res.json()) as BoardVersionList).versions
    },
    /** Restores, asserting the call worked. */
    async restored(boardId: string, versionId: number): Promise<RestoredVersion> {
      const res = await this.restore(boardId, versionId)
      if (res.status !== 200) throw new Error(`restore: ${res.status} ${await res.text()}`)
      return (await res.json()) as RestoredVersion
    },
  }
}
