export * from './closeCodes.js'
export * from './Role.js'
export * from './workshopApi.js'
export * from './controlEvents.js'
