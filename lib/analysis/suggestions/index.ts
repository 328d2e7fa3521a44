export * from './elementProperties'
export type * from './elementContext'
export * from './buildElementContexts'
export * from './notApplicable'
export * from './plaintextProtocol'
export type * from './suggestionRule'

export * from './suggestThreats'
