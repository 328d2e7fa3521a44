/** A strict RFC 4180 reader, to prove that what we write reads back to the same cells. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = []
	let row: string[] = []
	let field = ''
	let quoted = false
	for (let i = 0; i < text.length; i++) {
		const char = text[i]
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"'
				i++
			} else if (char === '"') quoted = false
			else field += char
		} else if (char === '"' && field === '') quoted = true
		else if (char === ',') {
			row.push(field)
			field = ''
		} else if (char === '\r' && text[i + 1] === '\n') {
			row.push(field)
			rows.push(row)
			row = []
			field = ''
			i++
		} else field += char
	}
	return rows
}

/** The rows as objects keyed by the header row's column names. */
export function csvRecords(text: string): Record<string, string>[] {
	const [header = [], ...rows] = parseCsv(text)
	return rows.map((row) => Object.fromEntries(header.map((column, index) => [column, row[index] ?? ''])))
}
