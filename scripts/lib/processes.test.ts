import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { freePort, partyDevArgs, spawnManaged, waitForHttp, waitForPortClosed } from './processes.mjs'

/** Running, not gone or a zombie (a container's init may never reap an orphan). */
function isAlive(pid: number): boolean {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
	} catch {
		return false
	}
}

// A server that starts a worker of its own, as `partykit dev` starts workerd: stopping the server
// must stop the worker too.
const PARENT_WITH_CHILD = `
const { spawn } = require('node:child_process')
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
console.log('child ' + child.pid)
setInterval(() => {}, 1000)
`

describe('spawnManaged', () => {
	it('stops the whole process group, children included, and keeps what it printed', async () => {
		let reportChild: (pid: number) => void = () => {}
		const childStarted = new Promise<number>((resolve) => {
			reportChild = resolve
		})
		const server = spawnManaged('server', ['-e', PARENT_WITH_CHILD], {
			onOutput: (line) => {
				const match = /^child (\d+)$/.exec(line)
				if (match) reportChild(Number(match[1]))
			},
		})
		const childPid = await childStarted
		expect(isAlive(childPid)).toBe(true)

		const status = await server.stop()

		expect(status.signal).toBe('SIGTERM')
		expect(server.isRunning()).toBe(false)
		await expect.poll(() => isAlive(childPid)).toBe(false)
		expect(server.output()).toContain(`child ${childPid}`)
	})

	it('gives up waiting for a server that exited, with its output, long before the deadline', async () => {
		const server = spawnManaged('broken', ['-e', 'console.error("port is taken"); process.exit(3)'])
		const port = await freePort()

		await expect(waitForHttp(`http://127.0.0.1:${port}/`, 600_000, server)).rejects.toThrow(/broken exited before answering[\s\S]*port is taken/)
		expect((await server.exited).code).toBe(3)
	})
})

describe('ports', () => {
	it('hands out a port nothing listens on, which waitForPortClosed sees as closed', async () => {
		const port = await freePort()
		await expect(waitForPortClosed(port, 1_000)).resolves.toBeUndefined()
	})
})

describe('partyDevArgs', () => {
	it('passes each variable and the rooms storage, and never lets the runtime call Cloudflare', () => {
		const args = partyDevArgs({ port: 1999, vars: { APP_URL: 'http://127.0.0.1:3000', PERSIST_DEBOUNCE_MS: '50' }, persistDir: '/tmp/state' })

		expect(args.slice(1)).toEqual([
			'dev',
			'--port',
			'1999',
			'--var',
			'APP_URL=http://127.0.0.1:3000',
			'--var',
			'PERSIST_DEBOUNCE_MS=50',
			'--persist',
			'/tmp/state',
			'--disable-request-cf-fetch',
			'--no-hotkeys',
		])
	})
})
