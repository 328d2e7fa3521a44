import { describe, expect, it } from 'vitest'
import { type GateConnection, OutputGate } from './outputGate'

function connection(log: string[], name: string): GateConnection & { readyState: number } {
	return {
		readyState: 1,
		send: (data) => log.push(`${name} ${data}`),
		close: (code) => log.push(`${name} closed ${code}`),
	}
}

describe('OutputGate', () => {
	it('sends at once while everything the room holds is durable', () => {
		const log: string[] = []
		const gate = new OutputGate(() => 5, 5)
		gate.socketFor(connection(log, 'a')).send('hello')
		expect(log).toEqual(['a hello'])
	})

	it('holds what could reveal an undurable change until that clock is durable, then sends it in order', () => {
		const log: string[] = []
		let clock = 5
		const gate = new OutputGate(() => clock, 5)
		const a = gate.socketFor(connection(log, 'a'))
		const b = gate.socketFor(connection(log, 'b'))
		clock = 6
		a.send('push_result 6')
		b.send('patch 6')
		clock = 7
		b.send('patch 7')
		a.send('pong')
		expect(log).toEqual([])
		gate.release(6)
		expect(log).toEqual(['a push_result 6', 'b patch 6'])
		gate.release(7)
		expect(log).toEqual(['a push_result 6', 'b patch 6', 'b patch 7', 'a pong'])
		expect(gate.waiting).toBe(0)
	})

	it('keeps a send behind the held ones even when its own clock is durable', () => {
		const log: string[] = []
		let clock = 1
		const gate = new OutputGate(() => clock, 0)
		const a = gate.socketFor(connection(log, 'a'))
		a.send('first')
		gate.release(0)
		clock = 1
		a.send('second')
		expect(log).toEqual([])
		gate.release(1)
		expect(log).toEqual(['a first', 'a second'])
	})

	it('closes a socket only after what was sent before the close', () => {
		const log: string[] = []
		const gate = new OutputGate(() => 2, 1)
		const a = gate.socketFor(connection(log, 'a'))
		a.send('rejected')
		a.close(4099, 'MESSAGE_TOO_LARGE')
		gate.release(2)
		expect(log).toEqual(['a rejected', 'a closed 4099'])
	})

	it('drops what waited for a socket that closed meanwhile, and reports how long messages were held', () => {
		const log: string[] = []
		let now = 1_000
		const gate = new OutputGate(
			() => 3,
			2,
			() => now,
		)
		const conn = connection(log, 'a')
		gate.socketFor(conn).send('late')
		conn.readyState = 3
		now = 1_004
		gate.release(3)
		expect(log).toEqual([])
		expect(gate.takeStats()).toEqual({ immediate: 0, held: 1, heldMs: [4] })
	})
})
