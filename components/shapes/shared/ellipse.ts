/** The outline of an ellipse filling a w×h box, for indicators. */
export function ellipsePath(w: number, h: number): Path2D {
	const path = new Path2D()
	path.ellipse(w / 2, h / 2, w / 2, h / 2, 0, 0, Math.PI * 2)
	return path
}

/** The inset of the largest axis-aligned box inside the ellipse, so a name never spills out. */
export function inscribedTextInset(w: number, h: number): { x: number; y: number } {
	const factor = (1 - Math.SQRT1_2) / 2
	return { x: w * factor, y: h * factor }
}
