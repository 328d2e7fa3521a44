import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvField, neutraliseFormula, toCsv } from './csv'
import { filterForView } from './views'
import { parseCsv } from '@/tests/fixtures/csv'
import { FORMULA_TITLE, webShopModel } from '@/fixtures/sessionModel'

describe('toCsv', () => {
	it('writes exactly the agreed columns, in order', () => {
		expect(toCsv(webShopModel()).split('\r\n')[0]).toBe(
			'id,component,threat,description,likelihood,impact,risk_score,mitigation,owner,due,date_identified,status,decision,decided_by,decided_at,mitigations,' +
				'categories,severity,cvss_vector,cvss_base_score,priority,include_in_report,assets,threat_agents,metadata',
		)
		expect(CSV_COLUMNS).toHaveLength(25)
	})

	it('writes one row per threat, every record ending in CRLF', () => {
		const csv = toCsv(webShopModel())
		expect(csv.endsWith('\r\n')).toBe(true)
		const rows = parseCsv(csv)
		expect(rows).toHaveLength(1 + 9)
		for (const row of rows) expect(row).toHaveLength(25)
	})

	it('reads back to the same cells, quotes, commas and line breaks included', () => {
		const rows = parseCsv(toCsv(webShopModel()))
		const t003 = rows.find((row) => row[0] === 'T-003')
		expect(t003?.[2]).toBe('<img src=x onerror=alert(1)>')
		expect(t003?.[3]).toBe('Stored | pipes | and *stars* and [a link](javascript:alert(1)) and `code`\nSecond line <script>alert(2)</script>')
		const t009 = rows.find((row) => row[0] === 'T-009')
		expect(t009?.[2]).toBe(`'${FORMULA_TITLE}`)
		expect(t009?.[3]).toBe(`'+1 day, "quoted", with commas\nand a newline`)
		expect(t009?.[7]).toBe("'-signed job payloads")
		expect(t009?.[8]).toBe("'@ops")
	})

	it('uses the effective rating, the decision in force and who decided it', () => {
		const row = parseCsv(toCsv(webShopModel())).find((cells) => cells[0] === 'T-004')
		expect(row).toEqual([
			'T-004',
			'DS2 Customer accounts',
			'Password hashes leak via the backup bucket',
			'',
			'2',
			'5',
			'10',
			'',
			'',
			'',
			'2025-03-01',
			'Accepted',
			'accept',
			'Pat (recorded by Fay)',
			'2025-03-01T10:01:00.000Z',
			'',
			'Information disclosure',
			'Unknown',
			'',
			'',
			'P1',
			'yes',
			'',
			'',
			'',
		])
	})

	it('names each mitigation of a threat with its status', () => {
		const row = parseCsv(toCsv(webShopModel())).find((cells) => cells[0] === 'T-001')
		expect(row?.[15]).toBe('M-001 (In place)')
	})

	it('lists the threat’s own key=value metadata in the last column', () => {
		const row = parseCsv(toCsv(webShopModel())).find((cells) => cells[0] === 'T-001')
		expect(row?.at(-1)).toBe('owner.team=payments')
	})

	it('takes mitigation, owner and due date from the mitigate decision', () => {
		const row = parseCsv(toCsv(webShopModel())).find((cells) => cells[0] === 'T-002')
		expect(row?.slice(7, 10)).toEqual(['Recompute the total server-side from the catalogue', 'Dana (backend)', '2025-04-15'])
	})

	it('leaves the decision columns empty for an undecided threat', () => {
		const row = parseCsv(toCsv(webShopModel())).find((cells) => cells[0] === 'T-003')
		expect(row?.slice(12, 16)).toEqual(['', '', '', 'M-003 (In progress)'])
	})

	it('adds a byte-order mark only when asked (for Excel)', () => {
		expect(toCsv(webShopModel()).startsWith('id,')).toBe(true)
		expect(toCsv(webShopModel(), { excelBom: true }).startsWith('\uFEFFid,')).toBe(true)
	})

	it('writes only the header for a view without threats', () => {
		const model = { ...filterForView(webShopModel(), 'distributable'), threats: [] }
		expect(toCsv(model)).toBe(`${CSV_COLUMNS.join(',')}\r\n`)
	})

	it('matches the golden file', async () => {
		await expect(toCsv(webShopModel())).toMatchFileSnapshot('./__golden__/web-shop.csv')
	})
})

describe('CSV formula injection', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+1 day', "'+1 day"],
		['-2+3', "'-2+3"],
		['@SUM(A1:A2)', "'@SUM(A1:A2)"],
		['\tindented', "'\tindented"],
		['\rcarriage', "'\rcarriage"],
	])('neutralises %j with a leading quote', (input, expected) => {
		expect(neutraliseFormula(input)).toBe(expected)
	})

	it.each(['12', 'Open', ' =not at the start', 'a=b', "'already quoted", ''])('leaves %j alone', (input) => {
		expect(neutraliseFormula(input)).toBe(input)
	})

	it('neutralises first, then quotes, so a formula with a comma stays one inert cell', () => {
		expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
		expect(csvField('\r=cmd')).toBe(`"'\r=cmd"`)
	})

	it('quotes a field with a quote, a comma or a line break, and only then', () => {
		expect(csvField('plain text')).toBe('plain text')
		expect(csvField('a,b')).toBe('"a,b"')
		expect(csvField('say "hi"')).toBe('"say ""hi"""')
		expect(csvField('two\nlines')).toBe('"two\nlines"')
		expect(csvField('two\r\nlines')).toBe('"two\r\nlines"')
	})
})
