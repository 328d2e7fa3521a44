import type { Role } from '@/lib/sessionEnums'

export const ROLE_LABELS: Record<Role, string> = {
	facilitator: 'Facilitator',
	participant: 'Participant',
	productOwner: 'Product owner',
	observer: 'Observer',
}

/** What the person joining may do, in their own terms. */
export const ROLE_ABILITIES: Record<Role, string> = {
	facilitator: 'You run this session and can edit the diagram.',
	participant: 'You can edit the diagram and raise threats.',
	productOwner: 'You can edit the diagram and decide how each risk is handled.',
	observer: 'You can follow along; the diagram is read-only for you.',
}
