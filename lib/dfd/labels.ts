import { TRUST_ZONE_LABELS, TRUST_ZONE_MAX, TRUST_ZONE_MIN } from './shapes/boundary-props'

/** What a shape shows for its human ID: the ID, or an ellipsis until the room has stamped one. */
export function humanIdTag(humanId: string): string {
	return humanId === '' ? '…' : humanId
}

/** "Internal (zone 3)"; a zone outside 0–5 (never valid, but be kind to a broken record) shows its number only. */
export function trustZoneLabel(trustZone: number): string {
	const label = TRUST_ZONE_LABELS[trustZone]
	return label === undefined ? `Zone ${trustZone}` : `${label} (zone ${trustZone})`
}

/** The heading of a trust boundary on the canvas: "TB1 · Internal (zone 3)". */
export function boundaryHeading(humanId: string, trustZone: number): string {
	return `${humanIdTag(humanId)} · ${trustZoneLabel(trustZone)}`
}

/** Every trust zone, lowest to highest, for pickers. */
export const TRUST_ZONES: readonly number[] = Array.from({ length: TRUST_ZONE_MAX - TRUST_ZONE_MIN + 1 }, (_, i) => TRUST_ZONE_MIN + i)
