import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lastSavedRecords, usePartyHarness } from '../support/partyHarness'
import { seededCanvas } from '../support/roleActions'

// docs/protocol.md promises that its worked example joins a room and adds a threat: this runs the
// code block of the page itself, so the page cannot drift from the room.

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX_BIN = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const BOT_TIMEOUT_MS = 120_000

const harness = usePartyHarness()

function exampleFromProtocolPage(): string {
	const page = fs.readFileSync(path.join(ROOT, 'docs', 'protocol.md'), 'utf8')
	const block = /<!-- threat-bot:start -->\s*```ts\n([\s\S]*?)```\s*<!-- threat-bot:end -->/.exec(page)?.[1]
	if (!block) throw new Error('docs/protocol.md has no threat-bot code block')
	return block
}

function run(file: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(TSX_BIN, [file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')))
		child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')))
		const timer = setTimeout(() => child.kill('SIGKILL'), BOT_TIMEOUT_MS)
		child.once('error', reject)
		child.once('exit', (code) => {
			clearTimeout(timer)
			resolve({ code, stdout, stderr })
		})
	})
}

describe('the worked example of docs/protocol.md', () => {
	it('joins a session as a participant and adds a threat the room numbers', async () => {
		const session = harness.app.addSession('protocol-bot', { 'tok-part': 'participant' })
		session.canvas = seededCanvas('someone')
		// Inside the checkout, so the example resolves `@/…` and the packages as the page says; data/
		// is ignored by git and by tsc.
		fs.mkdirSync(path.join(ROOT, 'data'), { recursive: true })
		const directory = fs.mkdtempSync(path.join(ROOT, 'data', 'protocol-example-'))
		try {
			const file = path.join(directory, 'threat-bot.ts')
			fs.writeFileSync(file, exampleFromProtocolPage())
			const result = await run(file, [`ws://127.0.0.1:${harness.port}`, 'protocol-bot', 'tok-part'])

			expect(result).toMatchObject({ code: 0, stdout: 'added T-003\n' })
			await expect
				.poll(() => lastSavedRecords(session).filter((record) => record.typeName === 'threat' && record.createdByName === 'Threat bot'))
				.toEqual([expect.objectContaining({ humanId: 'T-003', createdByName: 'Threat bot', title: 'Session cookie can be replayed' })])
		} finally {
			fs.rmSync(directory, { recursive: true, force: true })
		}
	})
})
