import type { ElementContext, FlowContext } from '../elementContext'
import { isPlaintextProtocol } from '../plaintextProtocol'
import type { SuggestionRule } from '../suggestionRule'

function isFlow(context: ElementContext): context is FlowContext {
	return context.kind === 'flow'
}

function touchesStore(flow: FlowContext, predicate: (store: { storesCredentials: boolean; isALog: boolean }) => boolean) {
	return [flow.source, flow.target].some((end) => end?.kind === 'store' && predicate(end.props))
}

export const FLOW_RULES = [
	{
		id: 'flow-unencrypted-across-boundary',
		title: 'Unencrypted data crossing a trust boundary',
		description:
			'This flow crosses a trust boundary and is not marked encrypted. Anyone on the path — shared Wi-Fi, a compromised router, a tenant on the same segment, a proxy that terminates TLS and forwards in clear — can read the data and any credentials or session tokens in it, and can change it in transit.',
		categories: { STRIDE: ['I', 'T'], LINDDUN: ['D', 'I'], CIA: ['C', 'I'] },
		appliesTo: (context) => isFlow(context) && context.crossesBoundary && !context.props.isEncrypted,
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'TLS 1.2+ (prefer 1.3) end to end with certificate validation on; HSTS for browsers; mTLS between services in different zones. Check where TLS terminates and that the hop behind the load balancer is encrypted too.',
	},
	{
		id: 'flow-plaintext-protocol',
		title: 'Plaintext protocol',
		description:
			'The protocol on this flow sends data, and usually credentials, in clear: HTTP, FTP, Telnet, SMTP/IMAP/POP3 without TLS, LDAP simple bind, SNMP community strings, plain WebSocket, Redis/MQTT/AMQP without TLS. A passive observer collects passwords and tokens; an active one rewrites commands and responses.',
		categories: { STRIDE: ['I', 'T'], CIA: ['C', 'I'] },
		appliesTo: (context) => isFlow(context) && !context.props.isEncrypted && isPlaintextProtocol(context.props.protocol),
		defaultLikelihood: 4,
		defaultImpact: 3,
		mitigation:
			"Switch to the protocol's TLS form (HTTPS, SFTP, SSH, SMTP with enforced STARTTLS or SMTPS, IMAPS, LDAPS, SNMPv3 authPriv, WSS, rediss://, MQTTS) and close the plaintext port instead of merely offering the secure one.",
	},
	{
		id: 'flow-into-higher-zone',
		title: 'Untrusted input entering a more trusted zone',
		description:
			'Data moves from a lower to a higher trust zone. Whatever the lower side sends — injection payloads (SQL, command, template), deserialisation gadgets, oversized or malformed messages, forged identifiers — arrives where it is trusted more. This is where integrity and elevation-of-privilege threats bite.',
		categories: { STRIDE: ['T'], CIA: ['I'] },
		appliesTo: (context) => isFlow(context) && context.direction === 'up',
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Validate at the boundary against an allow-list schema (types, lengths, ranges); use parameterised queries and safe deserialisers on the receiving side; authenticate the sender and authorise each message, not just the connection.',
	},
	{
		id: 'flow-into-lower-zone',
		title: 'Data leaving for a less trusted zone',
		description:
			"Data moves from a higher to a lower trust zone. Check what is actually in the payload: full records where a summary would do, internal IDs, stack traces and debug fields, other customers' rows through a missing filter. Once it leaves, we no longer control who sees it.",
		categories: { STRIDE: ['I'], LINDDUN: ['Dd', 'L'], CIA: ['C'] },
		appliesTo: (context) => isFlow(context) && context.direction === 'down',
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'Return an explicit response type that allow-lists fields instead of serialising internal objects; strip internals from errors; classify the data and confirm the lower zone may hold it.',
	},
	{
		id: 'flow-public-network-flooding',
		title: 'Flow over a public network can be flooded or cut',
		description:
			'This flow runs over a public network. Volumetric floods, slow connection-exhaustion attacks, or an upstream ISP, DNS or CDN outage can make it unavailable, and the endpoint behind it takes the load.',
		categories: { STRIDE: ['D'], CIA: ['A'], DIE: ['D'] },
		appliesTo: (context) => isFlow(context) && context.props.isPublicNetwork,
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'Put it behind DDoS protection or a CDN/WAF; rate-limit and cap request size and time at the edge; decide what degrades gracefully when the path is down (queue and retry, a second region or provider).',
	},
	{
		id: 'flow-bidirectional-across-boundary',
		title: 'Two-way channel across a trust boundary',
		description:
			'This flow carries data both ways across a boundary (WebSocket, gRPC stream, webhook and callback). Teams validate the request direction and forget the return path: responses and server pushes from the other side are untrusted input too, and a long-lived connection outlives the authorisation it started with.',
		categories: { STRIDE: ['T', 'I'], CIA: ['C', 'I'] },
		appliesTo: (context) => isFlow(context) && context.props.isBidirectional && context.crossesBoundary,
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'Draw each direction as its own flow so both get walked; validate and authorise messages in both directions; re-check authorisation on long-lived connections (expiry, revocation) and bound message size and rate per connection.',
	},
	{
		id: 'flow-carries-credentials',
		title: 'Flow carries credentials or secrets',
		description:
			'One end of this flow is a store of credentials, so the flow carries password hashes, API keys or tokens. Secrets in transit end up where nobody meant them to: request logs, APM traces, error reports, proxy caches.',
		categories: { STRIDE: ['I', 'T'], CIA: ['C', 'I'] },
		appliesTo: (context) => isFlow(context) && touchesStore(context, (store) => store.storesCredentials),
		defaultLikelihood: 2,
		defaultImpact: 5,
		mitigation:
			'Encrypt the flow and keep secrets out of URLs and logs (redaction in logging and tracing); fetch secrets at runtime from a secrets manager with a narrowly scoped identity; verify against the store instead of moving the secret where possible.',
	},
	{
		id: 'flow-log-injection',
		title: 'Log injection from untrusted input',
		description:
			'This flow writes to a log, and a less trusted zone can shape what it writes. Attackers inject newlines to forge entries, control characters to hide them in terminals, or payloads aimed at the log pipeline and viewer (Log4Shell-style lookups, script in the SIEM dashboard).',
		categories: { STRIDE: ['T'], CIA: ['I'] },
		appliesTo: (context) =>
			isFlow(context) &&
			context.target?.kind === 'store' &&
			context.target.props.isALog &&
			(context.direction === 'up' || context.source?.kind === 'entity' || context.source?.reachableFromLowerZone === true),
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'Log structured fields (JSON) rather than concatenated strings; encode or strip CR/LF and control characters; keep logging libraries patched with lookups and templating off; treat log viewers as rendering untrusted content.',
	},
	{
		id: 'flow-entity-direct-to-store',
		title: 'External entity talks straight to a data store',
		description:
			"No process sits between this external entity and the store, so nothing in the design enforces authorisation, validation or rate limits — the store's own access control is all there is. Typical cases: a database port open to a partner, a bucket behind a long-lived pre-signed URL, a BI tool with direct read access.",
		categories: { STRIDE: ['T', 'I'], LINDDUN: ['Dd'], CIA: ['C', 'I'] },
		appliesTo: (context) =>
			isFlow(context) &&
			((context.source?.kind === 'entity' && context.target?.kind === 'store') || (context.source?.kind === 'store' && context.target?.kind === 'entity')),
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			"Put a service in front that authorises per record, or cut the store's exposure to the minimum (read-only views, row-level security, short-lived pre-signed URLs scoped to one object) and log every access.",
	},
	{
		id: 'flow-store-connection-unencrypted',
		title: 'Unencrypted connection to a data store inside the network',
		description:
			'"It is inside the VPC" is not encryption. Database, cache and queue connections without TLS expose queries, results and the connection credentials to anyone with a foothold on the segment, a mirrored port or a compromised sidecar.',
		categories: { STRIDE: ['I', 'T'], CIA: ['C', 'I'] },
		appliesTo: (context) =>
			isFlow(context) && !context.crossesBoundary && !context.props.isEncrypted && (context.source?.kind === 'store' || context.target?.kind === 'store'),
		defaultLikelihood: 2,
		defaultImpact: 4,
		mitigation:
			'Enable TLS on the client with certificate verification (e.g. sslmode=verify-full, rediss://); give each service its own credentials; consider a mesh with mTLS for the whole segment.',
	},
	{
		id: 'flow-to-third-party',
		title: 'Data shared with a third party',
		description:
			'This flow sends data from our system to an external entity. Everything in it is now subject to their security, retention and onward sharing. Is every field needed for the purpose, is there a contract (DPA) and a legal basis, and does the transfer leave the jurisdiction?',
		categories: { STRIDE: ['I'], LINDDUN: ['Dd', 'L', 'Nc'], CIA: ['C'] },
		appliesTo: (context) => isFlow(context) && context.target?.kind === 'entity' && context.source !== null && context.source.kind !== 'entity',
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'Send only the fields the purpose needs (pseudonymise where possible); have a DPA and record the transfer; pin and verify the recipient (fixed endpoint, signed webhooks); review what they retain and for how long.',
	},
] as const satisfies readonly SuggestionRule[]
