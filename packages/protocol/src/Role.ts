/** What a link's token lets its holder do. */
export const Role = {
  facilitator: 'facilitator',
  participant: 'participant',
  observer: 'observer',
} as const
export type Role = (typeof Role)[keyof typeof Role]

/** Roles that may change a board. */
export const canWrite = (role: Role): boolean => role !== Role.observer
