import { describe, expect, it } from 'vitest'
import { withoutDroppedSocketReports } from './benignPartyOutput.mjs'

const REPORT =
	'\x1b[31m✘ [ERROR]\x1b[0m workerd/server/server.c++:3360: error: Uncaught exception: kj/async.c++:211: disconnected: worker_do_not_log; Request failed due to internal error'
const STACK = '  stack: /work/node_modules/@cloudflare/workerd-linux-64/bin/workerd@406e049 /work/node_modules/@cloudflare/workerd-linux-64/bin/workerd@58401f9'

describe("the party's output", () => {
	it("drops workerd's report of a socket a client dropped, with its native stack", () => {
		const shown: string[] = []
		const output = withoutDroppedSocketReports((line: string) => shown.push(line))
		for (const line of ['[pk:inf] GET /party/s1 101 Switching Protocols (191ms)', REPORT, STACK, '[party s1] saved']) output(line)
		expect(shown).toEqual(['[pk:inf] GET /party/s1 101 Switching Protocols (191ms)', '[party s1] saved'])
	})

	it('keeps every other error, stack traces included', () => {
		const shown: string[] = []
		const output = withoutDroppedSocketReports((line: string) => shown.push(line))
		const other = ['✘ [ERROR] Uncaught TypeError: x is undefined', STACK, 'Error: boom']
		for (const line of other) output(line)
		expect(shown).toEqual(other)
	})
})
