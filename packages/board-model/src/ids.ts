/** A note's id, unique within a board. */
export type NoteId = string & { readonly __brand: 'NoteId' }

/** Brands a string as a NoteId (ids are made by the caller: the model never invents them). */
export const asNoteId = (id: string): NoteId => id as NoteId
