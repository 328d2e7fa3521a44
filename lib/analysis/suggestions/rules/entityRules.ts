import type { ElementContext, EntityContext } from '../elementContext'
import type { SuggestionRule } from '../suggestionRule'

function isEntity(context: ElementContext): context is EntityContext {
	return context.kind === 'entity'
}

export const ENTITY_RULES = [
	{
		id: 'entity-unauthenticated',
		title: 'Actor is not authenticated',
		description:
			"This actor does not prove who it is. Anyone can claim to be it — another customer, a bot, a partner's competitor — and nothing it does can later be attributed to it.",
		categories: { STRIDE: ['S', 'R'] },
		appliesTo: (context) => isEntity(context) && !context.props.providesAuthentication,
		defaultLikelihood: 4,
		defaultImpact: 3,
		mitigation:
			'Authenticate it: OIDC or SAML with MFA for people; mTLS, signed requests or OAuth client credentials for systems. If it has to stay anonymous, limit what anonymous callers can do and rate-limit them.',
	},
	{
		id: 'entity-credential-attacks',
		title: 'Credential attacks against an internet-facing actor',
		description:
			"This actor authenticates from the internet, so its credentials are a target: phishing, credential stuffing with breached password lists, MFA fatigue and session theft by infostealers for people; leaked API keys and client secrets in repositories and CI logs for systems. Authentication that works is not the same as authentication that can't be abused.",
		categories: { STRIDE: ['S'] },
		appliesTo: (context) => isEntity(context) && context.props.providesAuthentication && context.zone === 0,
		defaultLikelihood: 4,
		defaultImpact: 4,
		mitigation:
			'People: phishing-resistant MFA (passkeys/WebAuthn), breached-password checks and rate limits on sign-in, short sessions with re-authentication for sensitive actions. Systems: mTLS or signed requests instead of static keys, secret scanning, rotation. Alert on new devices, locations and unusual volumes.',
	},
	{
		id: 'entity-recipient-impersonation',
		title: 'Data sent to an impersonated or breached recipient',
		description:
			'We send data to this actor. If its endpoint can be spoofed (dangling DNS, a changed webhook URL, a look-alike domain) or the party itself is breached, our data goes with it — and what we sent can be linked back to the people in it.',
		categories: { STRIDE: ['S'], LINDDUN: ['L', 'I'], CIA: ['C'] },
		appliesTo: (context) => isEntity(context) && context.inboundFlowCount > 0,
		defaultLikelihood: 2,
		defaultImpact: 4,
		mitigation:
			'Pin recipients to verified endpoints under change control; sign or encrypt payloads to the recipient; send only what they need; review their security posture and breach-notification terms.',
	},
] as const satisfies readonly SuggestionRule[]
