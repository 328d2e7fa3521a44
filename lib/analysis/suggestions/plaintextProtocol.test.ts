import { describe, expect, it } from 'vitest'
import { isPlaintextProtocol } from './plaintextProtocol'

describe('isPlaintextProtocol', () => {
	it.each([
		'HTTP',
		'http/1.1',
		'HTTP/2',
		'ftp',
		'Telnet',
		'SMTP',
		'imap',
		'POP3',
		'LDAP',
		'SNMP v2c',
		'ws://',
		'mqtt',
		'Redis',
		'plain DNS',
		'syslog (udp 514)',
	])('flags %s as plaintext', (protocol) => {
		expect(isPlaintextProtocol(protocol)).toBe(true)
	})

	it.each([
		'HTTPS',
		'https/2',
		'SFTP',
		'FTPS',
		'SSH',
		'SMTP + STARTTLS',
		'smtp (TLS)',
		'IMAPS',
		'LDAPS',
		'ldap over ssl',
		'SNMPv3',
		'wss',
		'MQTTS',
		'rediss',
		'gRPC over mTLS',
		'DNS over HTTPS',
		'HTTP over WireGuard',
	])('accepts %s as protected', (protocol) => {
		expect(isPlaintextProtocol(protocol)).toBe(false)
	})

	it.each(['', '  ', 'JDBC', 'gRPC', 'SQL', 'Kafka', 'httpx client'])('does not guess about %j', (protocol) => {
		expect(isPlaintextProtocol(protocol)).toBe(false)
	})
})
