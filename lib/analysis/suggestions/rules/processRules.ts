import type { ElementContext, ProcessContext } from '../elementContext'
import type { SuggestionRule } from '../suggestionRule'

function isProcess(context: ElementContext): context is ProcessContext {
	return context.kind === 'process' || context.kind === 'multiprocess'
}

function isWebApplication(context: ElementContext): boolean {
	return isProcess(context) && context.props.isWebApplication
}

export const PROCESS_RULES = [
	{
		id: 'process-privileged-reachable-from-lower-zone',
		title: 'Privileged process reachable from a less trusted zone',
		description:
			'This process runs with elevated or system rights, and input from a lower trust zone reaches it, directly or through other components. Any exploitable bug — deserialisation, path traversal, command injection — becomes control of the host, the cluster or the cloud account instead of one service.',
		categories: { STRIDE: ['E'], CIA: ['I'] },
		appliesTo: (context) => isProcess(context) && context.props.privilegeLevel !== 'standard' && context.reachableFromLowerZone,
		defaultLikelihood: 3,
		defaultImpact: 5,
		mitigation:
			'Run as a dedicated unprivileged user with only the capabilities and IAM permissions it needs; split the privileged part into a small separate component with a narrow interface; sandbox it (seccomp, read-only filesystem, no shell).',
	},
	{
		id: 'process-runs-as-system',
		title: 'Process runs with system-level rights',
		description:
			'Running as root, SYSTEM, cluster-admin or with an account-wide cloud role means a compromise of this process — through any dependency, a poisoned update or an insider — is a compromise of everything it runs on. Rarely necessary; usually a default nobody changed.',
		categories: { STRIDE: ['E'], CIA: ['C', 'I'] },
		appliesTo: (context) => isProcess(context) && context.props.privilegeLevel === 'system',
		defaultLikelihood: 2,
		defaultImpact: 5,
		mitigation:
			'Find the operations that really need the privilege and move them into a minimal helper (or grant one capability); run the rest as non-root (runAsNonRoot, distroless image) with a least-privilege role.',
	},
	{
		id: 'web-app-injection',
		title: 'Injection into queries, commands or templates',
		description:
			'A web application builds SQL or NoSQL queries, shell commands, LDAP filters or server-side templates; user input that reaches them unescaped lets an attacker read or change data or run code (OWASP A03).',
		categories: { STRIDE: ['T', 'I', 'E'], CIA: ['C', 'I'] },
		appliesTo: isWebApplication,
		defaultLikelihood: 3,
		defaultImpact: 5,
		mitigation:
			'Parameterised queries or an ORM without raw string building; no shell — run programs with argument arrays; logic-less or sandboxed templates; allow-list input validation; SAST rules for these sinks in CI.',
	},
	{
		id: 'web-app-xss',
		title: 'Cross-site scripting',
		description:
			"Input rendered into pages without context-aware encoding runs as script in other users' browsers: it steals session tokens, acts as the user and rewrites what they see. Watch rich text, markdown, file names and anything rendered through innerHTML or dangerouslySetInnerHTML.",
		categories: { STRIDE: ['S', 'T', 'I'], CIA: ['C', 'I'] },
		appliesTo: isWebApplication,
		defaultLikelihood: 4,
		defaultImpact: 3,
		mitigation:
			'Framework auto-escaping everywhere and a review of every raw-HTML escape hatch; sanitise rich text with a maintained library (DOMPurify); a strict Content-Security-Policy with nonces; HttpOnly session cookies.',
	},
	{
		id: 'web-app-csrf',
		title: 'Cross-site request forgery',
		description:
			"If the app authenticates with cookies, another site can make the victim's browser send state-changing requests — change the email address, move money, add an admin — which the app accepts as the user's own.",
		categories: { STRIDE: ['S', 'T'], CIA: ['I'] },
		appliesTo: isWebApplication,
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'SameSite=Lax or Strict session cookies; anti-CSRF tokens or a custom header checked server-side on every state-changing request; never change state on GET; check Origin / Sec-Fetch-Site.',
	},
	{
		id: 'web-app-broken-access-control',
		title: 'Broken object-level access control (IDOR)',
		description:
			"Endpoints that take an object id — /orders/{id}, /users/{id}/export — must check that the caller may access that object, not only that they are logged in. Missing checks are the most common serious web finding (OWASP A01): other customers' data sideways, admin functions upwards.",
		categories: { STRIDE: ['I', 'E'], LINDDUN: ['Dd'], CIA: ['C', 'I'] },
		appliesTo: isWebApplication,
		defaultLikelihood: 4,
		defaultImpact: 4,
		mitigation:
			'Deny by default and enforce authorisation in one place per resource, checking owner or tenant on every object access; unguessable ids only as defence in depth; tests that call every endpoint as another user.',
	},
	{
		id: 'web-app-ssrf',
		title: 'Server-side request forgery',
		description:
			'Features that fetch a URL the user supplies or influences — webhooks, link previews, image by URL, PDF rendering, imports — can be pointed at internal services and the cloud metadata endpoint (169.254.169.254), leaking credentials or reaching admin APIs from inside the boundary.',
		categories: { STRIDE: ['I', 'E'], CIA: ['C'] },
		appliesTo: isWebApplication,
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Allow-list destinations; resolve and check the address (block private, link-local and metadata ranges, and re-check after redirects); send outbound fetches through an egress proxy; enforce IMDSv2 with a hop limit of 1.',
	},
	{
		id: 'process-no-authenticated-caller',
		title: 'No authenticated actor reaches this process',
		description:
			'External entities feed this process, directly or through other components, and none of them is marked as authenticating. Anyone who can reach it can call it as anyone, and nothing it records can be tied to a person.',
		categories: { STRIDE: ['S', 'R'], CIA: ['I'] },
		appliesTo: (context) => isProcess(context) && context.upstreamEntities.total > 0 && context.upstreamEntities.authenticating === 0,
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Decide who may call it and authenticate them at the entry point (OIDC for people, mTLS or signed requests for systems). If anonymous use is intended, note it on the diagram, rate-limit, and log by the best identifier available.',
	},
	{
		id: 'process-exhaustion-from-lower-zone',
		title: 'Resource exhaustion from a less trusted zone',
		description:
			'Input from a lower zone reaches this process. Expensive work an attacker can trigger cheaply — regexes with catastrophic backtracking, unbounded pagination, zip bombs, huge JSON, password hashing on every login attempt — exhausts CPU, memory, threads or downstream quotas.',
		categories: { STRIDE: ['D'], CIA: ['A'], DIE: ['D'] },
		appliesTo: (context) => isProcess(context) && context.reachableFromLowerZone,
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			'Rate-limit per client and tenant; cap body size, page size and processing time; timeouts and circuit breakers towards dependencies; more than one instance behind a load balancer, autoscaling within a budget.',
	},
	{
		id: 'process-no-audit-log',
		title: 'Actions here are not written to an audit log',
		description:
			'External actors drive this process, but it has no flow to a log or audit store on the diagram. When someone disputes an action — a refund, a permission change, a data export — there is nothing to check.',
		categories: { STRIDE: ['R'] },
		appliesTo: (context) => isProcess(context) && context.upstreamEntities.total > 0 && !context.writesToLog,
		defaultLikelihood: 3,
		defaultImpact: 3,
		mitigation:
			"Write security-relevant actions to an audit log — actor, action, target, time, source, result — and draw that flow; keep the log out of this process's own reach to edit or delete.",
	},
	{
		id: 'multiprocess-implicit-internal-trust',
		title: 'Hidden service-to-service trust',
		description:
			'A multi-process hides its internals, and with them whether the services inside trust each other implicitly. In many breaches one compromised internal service could call every other one unauthenticated, turning one foothold into all of them.',
		categories: { STRIDE: ['S', 'E'], CIA: ['I'] },
		appliesTo: (context) => context.kind === 'multiprocess',
		defaultLikelihood: 3,
		defaultImpact: 4,
		mitigation:
			'Expand this multi-process in a later session. Meanwhile confirm the services authenticate each other (mTLS, workload identity), are authorised per call, and that network policies deny traffic nothing needs.',
	},
] as const satisfies readonly SuggestionRule[]
