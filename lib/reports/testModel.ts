import { buildSessionModel } from './buildSessionModel'
import type { ModelElement, SessionModel } from './sessionModel'
import type {
	MitigationInput,
	DecisionInput,
	ElementInput,
	SessionModelInput,
	ThreatInput,
	VoteInput,
} from './sessionModelInput'

// A small web shop modelled in one workshop: the fixture every report test reads. It has what a
// real session has — three diagrams, nested zones, a bidirectional flow, an out-of-scope courier,
// votes, a decision history, every kind of decision — and the text an attacker would type.

const at = (iso: string) => Date.parse(iso)

export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>'
export const FORMULA_TITLE = '=HYPERLINK("http://evil.example","click")'

function node(
	shapeId: string,
	humanId: string,
	kind: ElementInput['kind'],
	name: string,
	pageId: string,
	bounds: ElementInput['bounds'],
	properties: ElementInput['properties'] = {},
	extra: Partial<ElementInput> = {},
): ElementInput {
	return {
		shapeId,
		humanId,
		kind,
		name,
		description: '',
		outOfScope: false,
		reasonOutOfScope: '',
		properties,
		pageId,
		sourceShapeId: null,
		targetShapeId: null,
		bounds,
		...extra,
	}
}

function flow(
	shapeId: string,
	humanId: string,
	name: string,
	pageId: string,
	from: string,
	to: string,
	points: { x: number; y: number }[],
	properties: ElementInput['properties'],
): ElementInput {
	const xs = points.map((point) => point.x)
	const ys = points.map((point) => point.y)
	const bounds = points.length
		? { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) }
		: { x: 0, y: 0, w: 0, h: 0 }
	return { ...node(shapeId, humanId, 'flow', name, pageId, bounds, properties), sourceShapeId: from, targetShapeId: to, points }
}

const https = { protocol: 'HTTPS', isEncrypted: true, isPublicNetwork: false, isBidirectional: false }

const ELEMENTS: ElementInput[] = [
	// Checkout
	node('shape:tb1', 'TB1', 'boundary', 'Shop backend', 'page:checkout', { x: 320, y: 100, w: 500, h: 300 }, { trustZone: 3 }),
	node('shape:ee1', 'EE1', 'entity', 'Customer (browser)', 'page:checkout', { x: 40, y: 150, w: 160, h: 80 }, { providesAuthentication: false }),
	node('shape:p1', 'P1', 'process', 'Web shop API', 'page:checkout', { x: 360, y: 130, w: 120, h: 120 }, { privilegeLevel: 'standard', isWebApplication: true, aiModel: 'unknown' }),
	node('shape:ds1', 'DS1', 'store', 'Orders DB', 'page:checkout', { x: 620, y: 150, w: 160, h: 70 }, { storesCredentials: false, isALog: false, isEncrypted: true, isSigned: false }),
	node('shape:ds2', 'DS2', 'store', 'Customer accounts', 'page:checkout', { x: 620, y: 290, w: 160, h: 70 }, { storesCredentials: true, isALog: false, isEncrypted: true, isSigned: false }),
	node('shape:ee2', 'EE2', 'entity', 'Payment provider', 'page:checkout', { x: 340, y: 460, w: 160, h: 80 }, { providesAuthentication: true }),
	flow('shape:df1', 'DF1', 'Checkout request', 'page:checkout', 'shape:ee1', 'shape:p1', [{ x: 200, y: 190 }, { x: 360, y: 190 }], { ...https, isPublicNetwork: true }),
	flow('shape:df2', 'DF2', 'Order record', 'page:checkout', 'shape:p1', 'shape:ds1', [{ x: 480, y: 185 }, { x: 620, y: 185 }], { ...https, protocol: 'PostgreSQL/TLS' }),
	flow('shape:df3', 'DF3', 'Payment authorisation', 'page:checkout', 'shape:p1', 'shape:ee2', [{ x: 420, y: 250 }, { x: 420, y: 460 }], { ...https, isPublicNetwork: true, isBidirectional: true }),
	// No points: drawn edge to edge between its ends.
	flow('shape:df4', 'DF4', 'Credentials lookup', 'page:checkout', 'shape:p1', 'shape:ds2', [], { ...https, protocol: 'PostgreSQL/TLS' }),
	// Order fulfilment
	node('shape:tb2', 'TB2', 'boundary', 'Warehouse network', 'page:fulfil', { x: 90, y: 70, w: 500, h: 170 }, { trustZone: 3 }),
	node('shape:mp1', 'MP1', 'multiprocess', 'Warehouse services', 'page:fulfil', { x: 120, y: 100, w: 130, h: 130 }, { privilegeLevel: 'standard', isWebApplication: false, aiModel: 'unknown' }),
	node('shape:ds3', 'DS3', 'store', 'Shipping queue', 'page:fulfil', { x: 400, y: 130, w: 160, h: 70 }, { storesCredentials: false, isALog: false, isEncrypted: false, isSigned: false }),
	node('shape:ee3', 'EE3', 'entity', 'Courier', 'page:fulfil', { x: 400, y: 300, w: 160, h: 80 }, { providesAuthentication: true }, {
		outOfScope: true,
		reasonOutOfScope: 'The courier’s systems are governed by their contract',
	}),
	flow('shape:df5', 'DF5', 'Shipment jobs', 'page:fulfil', 'shape:mp1', 'shape:ds3', [{ x: 250, y: 165 }, { x: 400, y: 165 }], { ...https, protocol: 'AMQP' }),
	node('shape:note1', '', 'text', 'Legacy EDI link is out of scope until Q3', 'page:fulfil', { x: 100, y: 300, w: 220, h: 40 }),
	// Admin: the support agent sits on the corporate network, the console in a restricted zone inside it.
	node('shape:tb3', 'TB3', 'boundary', 'Corporate network', 'page:admin', { x: 20, y: 60, w: 740, h: 200 }, { trustZone: 3 }),
	node('shape:tb4', 'TB4', 'boundary', 'Admin zone', 'page:admin', { x: 290, y: 80, w: 450, h: 160 }, { trustZone: 4 }),
	node('shape:ee4', 'EE4', 'entity', 'Support agent', 'page:admin', { x: 40, y: 120, w: 160, h: 80 }, { providesAuthentication: true }),
	node('shape:p2', 'P2', 'process', 'Admin console', 'page:admin', { x: 320, y: 100, w: 120, h: 120 }, { privilegeLevel: 'elevated', isWebApplication: true, aiModel: 'unknown' }),
	node('shape:ds4', 'DS4', 'store', 'Audit log', 'page:admin', { x: 560, y: 125, w: 160, h: 70 }, { storesCredentials: false, isALog: true, isEncrypted: false, isSigned: true }),
	flow('shape:df6', 'DF6', 'Admin actions', 'page:admin', 'shape:ee4', 'shape:p2', [{ x: 200, y: 160 }, { x: 320, y: 160 }], https),
	flow('shape:df7', 'DF7', 'Audit events', 'page:admin', 'shape:p2', 'shape:ds4', [{ x: 440, y: 160 }, { x: 560, y: 160 }], https),
]

function threat(humanId: string, shapeId: string, fields: Partial<ThreatInput> & Pick<ThreatInput, 'title' | 'categories' | 'likelihood' | 'impact' | 'status'>): ThreatInput {
	const n = Number(humanId.slice(2))
	return {
		id: `threat:t${n}`,
		humanId,
		shapeId,
		description: '',
		agreedLikelihood: null,
		agreedImpact: null,
		createdByName: 'Dana',
		createdAt: at('2025-03-01T09:20:00Z') + n * 60_000,
		isDeleted: false,
		...fields,
	}
}

const THREATS: ThreatInput[] = [
	threat('T-001', 'shape:df1', { title: 'Card data sniffed on public Wi-Fi', categories: ['I'], likelihood: 2, impact: 5, agreedLikelihood: 1, status: 'Resolved' }),
	threat('T-002', 'shape:p1', {
		title: 'Price tampering in the checkout request',
		description: 'The basket total is sent by the browser and charged as is.',
		categories: ['T'],
		likelihood: 3,
		impact: 4,
		agreedLikelihood: 4,
		agreedImpact: 4,
		status: 'Mitigation In Progress',
	}),
	threat('T-003', 'shape:p1', {
		title: HOSTILE_TITLE,
		description: 'Stored | pipes | and *stars* and [a link](javascript:alert(1)) and `code`\nSecond line <script>alert(2)</script>',
		categories: ['S', 'E'],
		likelihood: 3,
		impact: 3,
		status: 'Open',
		createdByName: 'Mallory <b>',
	}),
	threat('T-004', 'shape:ds2', { title: 'Password hashes leak via the backup bucket', categories: ['I'], likelihood: 2, impact: 5, status: 'Accepted' }),
	threat('T-005', 'shape:ee2', { title: 'Payment provider disputes refunds', categories: ['R'], likelihood: 2, impact: 3, status: 'Accepted' }),
	threat('T-006', 'shape:ds1', { title: 'Order DB exhausted by checkout bots', categories: ['D'], likelihood: 3, impact: 4, status: 'Deferred' }),
	threat('T-007', 'shape:p2', { title: 'Support agent escalates to admin', categories: ['E'], likelihood: 2, impact: 4, status: 'Verification Pending' }),
	threat('T-008', 'shape:ds4', { title: 'Audit log editable by the support team', categories: ['R'], likelihood: 3, impact: 3, status: 'False Positive', description: 'The log is append-only (WORM bucket).' }),
	threat('T-009', 'shape:df5', {
		title: FORMULA_TITLE,
		description: '+1 day, "quoted", with commas\nand a newline',
		categories: ['T'],
		likelihood: 1,
		impact: 2,
		status: 'Closed',
	}),
	threat('T-010', 'shape:p1', { title: 'Deleted duplicate', categories: ['T'], likelihood: 5, impact: 5, status: 'Open', isDeleted: true }),
]

const vote = (n: number, voterName: string, likelihood: number, impact: number, minute: number): VoteInput => ({
	threatId: `threat:t${n}`,
	voterName,
	likelihood,
	impact,
	votedAt: at('2025-03-01T09:40:00Z') + minute * 60_000,
})

const VOTES: VoteInput[] = [
	vote(2, 'Fay', 4, 4, 1),
	vote(2, 'Dana', 4, 5, 2),
	vote(2, 'Pat', 3, 4, 3),
	vote(3, 'Dana', 3, 3, 4),
	vote(3, 'Pat', 2, 3, 5),
	vote(4, 'Fay', 2, 5, 6),
]

function decision(n: number, id: string, minute: number, fields: Partial<DecisionInput> & Pick<DecisionInput, 'kind'>): DecisionInput {
	return {
		id: `decision:${id}`,
		threatId: `threat:t${n}`,
		rationale: '',
		mitigation: '',
		owner: '',
		dueDate: '',
		issueUrl: '',
		reviewDate: '',
		deferUntil: '',
		transferTo: '',
		onBehalfOf: '',
		decidedBy: 'user-pat',
		decidedByName: 'Pat',
		decidedAt: at('2025-03-01T09:55:00Z') + minute * 60_000,
		...fields,
	}
}

const DECISIONS: DecisionInput[] = [
	decision(1, 'd1', 0, { kind: 'mitigate', mitigation: 'TLS 1.3 only, HSTS preload', owner: 'Ops', issueUrl: 'https://tracker.example.com/SHOP-101' }),
	decision(2, 'd2', 1, {
		kind: 'mitigate',
		mitigation: 'Recompute the total server-side from the catalogue',
		owner: 'Dana (backend)',
		dueDate: '2025-04-15',
		issueUrl: 'https://tracker.example.com/SHOP-142?view=a|b',
	}),
	// Deferred first, then accepted once the encryption was confirmed: the history keeps both.
	decision(4, 'd4a', 2, { kind: 'defer', rationale: 'Waiting for the KMS review', deferUntil: '2025-03-20' }),
	decision(4, 'd4b', 6, {
		kind: 'accept',
		rationale: 'Backups are KMS-encrypted and the bucket is private; revisit after the audit',
		reviewDate: '2025-09-01',
		decidedBy: 'user-fay',
		decidedByName: 'Fay',
		onBehalfOf: 'Pat',
	}),
	decision(5, 'd5', 3, { kind: 'transfer', rationale: 'Chargeback liability sits with the PSP', transferTo: 'PSP contract §7 (liability)' }),
	decision(6, 'd6', 4, { kind: 'defer', rationale: 'Rate limiting ships with the CDN migration', deferUntil: '2025-06-30' }),
	decision(7, 'd7', 5, { kind: 'mitigate', mitigation: 'Role checks on every admin endpoint', owner: 'Dana', dueDate: '2025-03-31' }),
	decision(9, 'd9', 7, { kind: 'mitigate', mitigation: '-signed job payloads', owner: '@ops' }),
]

function mitigation(n: number, threats: readonly number[], fields: Partial<MitigationInput> & Pick<MitigationInput, 'title' | 'status'>): MitigationInput {
	return {
		id: `mitigation:m${n}`,
		humanId: `M-${String(n).padStart(3, '0')}`,
		threatIds: threats.map((t) => `threat:t${t}`),
		description: '',
		kind: 'design',
		owner: '',
		dueDate: '',
		acceptanceCriteria: '',
		verification: '',
		issueUrl: '',
		createdByName: 'Dana',
		createdAt: at('2025-03-01T09:40:00Z') + n * 60_000,
		...fields,
	}
}

const MITIGATIONS: MitigationInput[] = [
	mitigation(1, [1], {
		title: 'TLS 1.3 only, HSTS preload',
		status: 'inPlace',
		acceptanceCriteria: 'No TLS below 1.3 is offered; the domain is on the HSTS preload list',
		verification: 'TLS scan in the release pipeline',
		owner: 'Ops',
		issueUrl: 'https://tracker.example.com/SHOP-101',
	}),
	mitigation(2, [9], { title: '-signed job payloads', status: 'inPlace', owner: '@ops', kind: 'operational' }),
	// One mitigation, two threats: the checkout API recomputes and validates server-side.
	mitigation(3, [2, 3], {
		title: 'Server-side validation of the checkout request',
		description: 'Recompute totals from the catalogue; reject unknown coupon codes.',
		status: 'inProgress',
		owner: 'Dana (backend)',
		dueDate: '2025-04-15',
		acceptanceCriteria: 'A tampered total or coupon is rejected with 400 and logged',
		verification: 'Integration test of the checkout API with tampered requests',
		issueUrl: 'https://tracker.example.com/SHOP-142?view=a|b',
	}),
]

export const WEB_SHOP_INPUT: SessionModelInput = {
	exportedAt: at('2025-03-02T08:00:00Z'),
	session: {
		id: 'sess_webshop01',
		name: 'Web shop checkout',
		description: 'Checkout and order fulfilment of the web shop, from the basket to the courier handover.',
		framework: 'STRIDE',
		status: 'ended',
		createdAt: at('2025-03-01T09:00:00Z'),
		endedAt: at('2025-03-01T10:05:00Z'),
		nextSessionDate: '2025-04-01',
		previousSessionId: null,
	},
	participants: [
		{ name: 'Fay', role: 'facilitator' },
		{ name: 'Pat', role: 'productOwner' },
		{ name: 'Dana', role: 'participant' },
		{ name: 'Omar', role: 'observer' },
	],
	pages: [
		{ id: 'page:checkout', name: 'Checkout' },
		{ id: 'page:fulfil', name: 'Order fulfilment' },
		{ id: 'page:admin', name: 'Admin' },
	],
	elements: ELEMENTS,
	threats: THREATS,
	votes: VOTES,
	decisions: DECISIONS,
	mitigations: MITIGATIONS,
	naMarks: [
		{ shapeId: 'shape:ee1', category: 'R', reason: 'Every order is signed by the customer’s session and logged', markedByName: 'Fay', markedAt: at('2025-03-01T09:35:00Z') },
		{ shapeId: 'shape:df6', category: 'D', reason: 'Internal network; an outage only delays support', markedByName: 'Fay', markedAt: at('2025-03-01T09:36:00Z') },
	],
	scopeItems: [
		{ kind: 'useCase', humanId: 'UC1', title: 'Guest checkout', description: 'Buy without an account', confidentiality: null, integrity: null, availability: null, inScope: true, createdAt: at('2025-03-01T09:01:00Z') },
		{ kind: 'useCase', humanId: 'UC2', title: 'Order tracking', description: '', confidentiality: null, integrity: null, availability: null, inScope: true, createdAt: at('2025-03-01T09:02:00Z') },
		{ kind: 'asset', humanId: 'A1', title: 'Card payment data', description: 'PAN and expiry, never stored by us', confidentiality: 'high', integrity: 'high', availability: 'medium', inScope: true, createdAt: at('2025-03-01T09:03:00Z') },
		{ kind: 'asset', humanId: 'A2', title: 'Customer accounts', description: 'Email, password hash, addresses', confidentiality: 'high', integrity: 'high', availability: 'low', inScope: true, createdAt: at('2025-03-01T09:04:00Z') },
		{ kind: 'asset', humanId: 'A3', title: 'Order history', description: '', confidentiality: 'medium', integrity: 'high', availability: 'medium', inScope: true, createdAt: at('2025-03-01T09:05:00Z') },
		{ kind: 'threatAgent', humanId: 'TA1', title: 'Opportunistic fraudster', description: 'Stolen cards, scripted checkouts', confidentiality: null, integrity: null, availability: null, inScope: true, createdAt: at('2025-03-01T09:06:00Z') },
		{ kind: 'threatAgent', humanId: 'TA2', title: 'Nation-state attacker', description: '', confidentiality: null, integrity: null, availability: null, inScope: false, createdAt: at('2025-03-01T09:07:00Z') },
		{ kind: 'assumption', humanId: 'AS1', title: 'The PSP is PCI-DSS Level 1 certified', description: 'Checked against their attestation of compliance', confidentiality: null, integrity: null, availability: null, inScope: true, createdAt: at('2025-03-01T09:08:00Z') },
		{ kind: 'compliance', humanId: 'CR1', title: 'PCI-DSS 4.0 SAQ A', description: '', confidentiality: null, integrity: null, availability: null, inScope: true, createdAt: at('2025-03-01T09:09:00Z') },
	],
	metadata: [
		{ target: 'threat:t1', key: 'owner.team', value: 'payments' },
		{ target: 'session', key: 'compliance', value: 'PCI' },
		{ target: 'shape:p1', key: 'env', value: 'prod' },
		{ target: 'shape:p1', key: 'data_class', value: 'cardholder' },
		// On a threat no longer in the model: left out of every export.
		{ target: 'threat:gone', key: 'env', value: 'prod' },
	],
	reviewEvents: [
		{ id: 'review-event:r2', status: 'pendingReview', seq: 2, at: at('2025-03-01T10:06:00Z'), byName: 'Fay' },
		{ id: 'review-event:r1', status: 'inProgress', seq: 1, at: at('2025-03-01T09:00:00Z'), byName: 'Fay' },
	],
}

export function webShopModel(): SessionModel {
	return buildSessionModel(WEB_SHOP_INPUT)
}

/** One diagram element with every field at its blank default but those given. */
export function modelElement(fields: Partial<ModelElement> & Pick<ModelElement, 'shapeId' | 'kind'>): ModelElement {
	return {
		humanId: '',
		name: '',
		description: '',
		outOfScope: false,
		reasonOutOfScope: '',
		properties: {},
		bounds: { x: 0, y: 0, w: 100, h: 60 },
		sourceShapeId: null,
		targetShapeId: null,
		points: [],
		zone: null,
		...fields,
	}
}
