/** A new id for a note, cluster or agreement: the model takes ids from its caller. */
export const newId = (): string => crypto.randomUUID()
