import { LINK_REVOKED_MESSAGE } from '@/lib/api/linkSchemas'

/**
 * The facilitator rotated the link this page was opened with: shown when the join API says so and
 * when the room closes the socket with LINK_REVOKED. No "Try again": the old link will never work.
 */
export function LinkRevoked({ className, titleClassName }: { className?: string; titleClassName?: string }) {
	return (
		<section className={className} data-testid="session.revoked" role="alert">
			<h1 className={titleClassName}>{LINK_REVOKED_MESSAGE}</h1>
			<p>The facilitator issued a new link for your role and this one no longer opens the session. Ask them to send you the new link.</p>
		</section>
	)
}
