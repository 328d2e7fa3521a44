/**
 * Protocol names that carry data (and usually credentials) in clear unless wrapped in TLS. People
 * type protocols freely on the canvas ("HTTP/1.1", "SMTP", "ws://", "ldap + StartTLS"), so this
 * works on word tokens and is deliberately conservative: an unknown name is not flagged.
 */
const PLAINTEXT_PROTOCOLS = new Set([
	'http',
	'ws',
	'ftp',
	'tftp',
	'telnet',
	'rsh',
	'rlogin',
	'rexec',
	'smtp',
	'pop',
	'pop3',
	'imap',
	'nntp',
	'ldap',
	'snmp',
	'snmpv1',
	'snmpv2',
	'snmpv2c',
	'syslog',
	'dns',
	'mqtt',
	'amqp',
	'redis',
	'memcached',
	'vnc',
	'h2c',
])

/** Any of these words means the author says the channel is protected: "SMTP with STARTTLS", "LDAP over SSL". */
const SECURE_MARKERS = /\b(tls|ssl|starttls|mtls|dtls|ssh|ipsec|wireguard|vpn)\b|(https|wss|ftps|sftp|smtps|imaps|pop3s|ldaps|mqtts|amqps|rediss|snmpv3)/

export function isPlaintextProtocol(protocol: string): boolean {
	const normalised = protocol.trim().toLowerCase()
	if (normalised === '' || SECURE_MARKERS.test(normalised)) return false
	return normalised.split(/[^a-z0-9]+/).some((token) => PLAINTEXT_PROTOCOLS.has(token))
}
