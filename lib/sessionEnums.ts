// Kept free of drizzle, zod and React so the browser and the party can import them too.

export const FRAMEWORKS = ['STRIDE', 'LINDDUN', 'CIA', 'DIE', 'PLOT4ai'] as const
export type Framework = (typeof FRAMEWORKS)[number]

export const SESSION_STATUSES = ['active', 'ended'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const ROLES = ['facilitator', 'participant', 'productOwner', 'observer'] as const
export type Role = (typeof ROLES)[number]
