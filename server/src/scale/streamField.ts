/** A field of a Redis stream entry (`[name, value, name, value, ...]`), or null when absent. */
export function streamField(fields: readonly Buffer[], name: string): Uint8Array | null {
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i]!.toString() === name) return new Uint8Array(fields[i + 1]!)
  }
  return null
}
