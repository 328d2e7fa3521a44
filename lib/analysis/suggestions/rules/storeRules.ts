import type { ElementContext, StoreContext } from '../elementContext'
import type { SuggestionRule } from '../suggestionRule'

function isStore(context: ElementContext): context is StoreContext {
	return context.kind === 'store'
}

export const STORE_RULES = [
	{
		id: 'store-credentials-disclosure',
		title: 'Credentials at rest',
		description:
			'This store holds credentials. One SQL injection, leaked backup or over-broad read role becomes account takeover across the board; weakly hashed passwords are cracked offline within hours, and API keys or tokens need no cracking at all.',
		categories: { STRIDE: ['I'], CIA: ['C'] },
		appliesTo: (context) => isStore(context) && context.props.storesCredentials,
		defaultLikelihood: 3,
		defaultImpact: 5,
		mitigation:
			'Hash passwords with a slow salted KDF (Argon2id, scrypt, or bcrypt at a current cost); keep secrets in a secrets manager or KMS rather than application tables; restrict and alert on reads; give backups the same protection.',
	},
	{
		id: 'store-long-lived-secrets',
		title: 'Long-lived secrets give an attacker persistence',
		description:
			'Secrets kept here that never expire — API keys, refresh tokens, service-account keys — keep working for an attacker long after one copy leaks, and nobody knows every place that copy went.',
		categories: { STRIDE: ['I'], CIA: ['C'], DIE: ['E'] },
		appliesTo: (context) => isStore(context) && context.props.storesCredentials,
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Prefer short-lived credentials issued on demand (OIDC federation, STS, workload identity); where static keys remain, set expiry, rotate automatically and alert on use from unexpected places.',
	},
	{
		id: 'store-unencrypted-at-rest',
		title: 'Data at rest is not encrypted',
		description:
			'This store is not marked encrypted. Snapshots, backups, replicas, exported dumps and decommissioned disks carry the data in clear, and whoever gets a copy of the files gets the data without passing any access control.',
		categories: { STRIDE: ['I'], LINDDUN: ['Dd'], CIA: ['C'] },
		appliesTo: (context) => isStore(context) && !context.props.isEncrypted,
		defaultLikelihood: 2,
		defaultImpact: 4,
		mitigation:
			'Enable storage or database encryption with keys in a KMS we control, so key access is separate from data access; encrypt backups and exports the same way; add application-level encryption for the most sensitive fields.',
	},
	{
		id: 'store-unsigned-tampering',
		title: 'Stored data can be changed unnoticed',
		description:
			'Nothing detects modification here: a DBA, a restored old backup, a compromised host or a bug can change records and every reader will trust them. It matters most for prices, permissions, configuration and anything later used as evidence.',
		categories: { STRIDE: ['T'], CIA: ['I'], DIE: ['I'] },
		// Logs have their own, sharper rule (log-audit-trail-tampering).
		appliesTo: (context) => isStore(context) && !context.props.isSigned && !context.props.isALog,
		defaultLikelihood: 2,
		defaultImpact: 4,
		mitigation:
			'Restrict writes to the owning service; add integrity protection where tampering matters (signatures or MACs over records, hash-chained history, versioning or object lock); alert on writes that bypass the application.',
	},
	{
		id: 'log-audit-trail-tampering',
		title: 'Audit trail can be altered or deleted',
		description:
			'This log is the evidence of who did what, and it is not signed. Whoever can write to it — an administrator covering their tracks, or an attacker with the same host access as the application — can edit or truncate it, and then no dispute about an action can be settled.',
		categories: { STRIDE: ['R', 'T'], CIA: ['I'], DIE: ['I'] },
		appliesTo: (context) => isStore(context) && context.props.isALog && !context.props.isSigned,
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Ship entries off the host as they are written, to append-only storage the writers cannot modify (object lock/WORM in a separate account); hash-chain or sign batches; alert on gaps and on logging being switched off.',
	},
	{
		id: 'log-actions-not-attributable',
		title: 'Actions cannot be attributed',
		description:
			'To settle "I did not do that", every security-relevant action (login, permission change, export, deletion, payout change) must be recorded with the real actor — not a shared service account — and time, source and outcome. Missing events or anonymous entries make repudiation easy.',
		categories: { STRIDE: ['R'] },
		appliesTo: (context) => isStore(context) && context.props.isALog,
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'List the events that must be logged and test that they are; propagate the end-user identity through service calls so the log names the person; synchronise clocks; keep entries as long as disputes can arise.',
	},
	{
		id: 'log-personal-data',
		title: 'Logs become a shadow store of personal data',
		description:
			'Logs collect email addresses, IP addresses, request bodies and tokens in URLs, rarely with the retention, access control and deletion the main database has. Deletion and access requests from data subjects usually miss them.',
		categories: { STRIDE: ['I'], LINDDUN: ['Dd', 'L', 'Nc'], CIA: ['C'] },
		appliesTo: (context) => isStore(context) && context.props.isALog,
		defaultLikelihood: 4,
		defaultImpact: 3,
		mitigation:
			'Allow-list what may be logged; mask or hash identifiers; never log secrets or tokens; set and enforce retention; restrict access; include logs in the deletion and subject-access process.',
	},
	{
		id: 'store-stored-injection',
		title: 'Stored input from a less trusted zone',
		description:
			'Data that originates in a lower trust zone ends up in this store and is later read by more trusted code or people: stored XSS in the admin console, formula injection in CSV exports, unsafe deserialisation of cached objects, poisoned configuration.',
		categories: { STRIDE: ['T'], CIA: ['I'] },
		appliesTo: (context) => isStore(context) && context.reachableFromLowerZone,
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Validate on the way in and encode on the way out for the context it is rendered in (HTML, CSV, shell); never deserialise stored data into arbitrary types; keep data of different trust levels apart or clearly tagged.',
	},
	{
		id: 'store-exhaustion-from-lower-zone',
		title: 'Storage can be filled from a less trusted zone',
		description:
			'Writes a lower-zone actor can trigger — uploads, sign-ups, events, log lines — can fill disks, exhaust quotas or connection pools, or run up the bill, taking down everything else that shares the store.',
		categories: { STRIDE: ['D'], CIA: ['A'], DIE: ['D'] },
		appliesTo: (context) => isStore(context) && context.reachableFromLowerZone,
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'Quotas and size limits per tenant and per request, rate limits on write paths, bounded connection pools with timeouts, alerts on growth, and a separate store for untrusted bulk data.',
	},
] as const satisfies readonly SuggestionRule[]
