/** A note's id, unique within a board. */
export type NoteId = string & { readonly __brand: 'NoteId' }
/** A person taking part, as the control plane knows them (stable across reloads). */
export type ParticipantId = string & { readonly __brand: 'ParticipantId' }
/** A cluster's id, unique within a board. */
export type ClusterId = string & { readonly __brand: 'ClusterId' }
/** An agreement's id, unique within a board. */
export type AgreementId = string & { readonly __brand: 'AgreementId' }

/** Brands a string as a NoteId (ids are made by the caller: the model never invents them). */
export const asNoteId = (id: string): NoteId => id as NoteId
/** Brands a string as a ParticipantId. */
export const asParticipantId = (id: string): ParticipantId => id as ParticipantId
/** Brands a string as a ClusterId. */
export const asClusterId = (id: string): ClusterId => id as ClusterId
/** Brands a string as an AgreementId. */
export const asAgreementId = (id: string): AgreementId => id as AgreementId
