import * as z from 'zod/mini'

// POST /api/sessions/:id/links/rotate — the facilitator replaces a link that went too far.
// React- and drizzle-free: the Links dialog parses the answer with it.

/**
 * The links a facilitator can replace. Not their own: a leaked facilitator link could otherwise be
 * used to lock the real facilitator out (whoever rotates first wins), and a facilitator who
 * rotated their own link by mistake would be disconnected with no way back in.
 */
export const ROTATABLE_ROLES = ['participant', 'productOwner', 'observer'] as const
export type RotatableRole = (typeof ROTATABLE_ROLES)[number]

export const ROTATE_MAX_BYTES = 4 * 1024

export const rotateLinkBody = z.object({ role: z.enum(ROTATABLE_ROLES) })

export const rotateLinkResponse = z.object({
	role: z.enum(ROTATABLE_ROLES),
	/** The new link, `<origin>/s/<id>#<token>`: shown this once, like a new session's links. */
	url: z.string(),
	/**
	 * Sockets of the old link the room closed (reason LINK_REVOKED); null when the room could not
	 * be reached; the old link is refused all the same.
	 */
	disconnected: z.nullable(z.int().check(z.nonnegative())),
})
export type RotateLinkResponse = z.infer<typeof rotateLinkResponse>

/** Why the page's link no longer works: the join API's 401 carries it for a revoked link. */
export const LINK_REVOKED = 'LINK_REVOKED'
export const LINK_REVOKED_MESSAGE = 'This link was replaced by the facilitator — ask for the new one'
