/** Removes the connection's secrets from any text that could reach an output, an error or a log. */
export function redact(text: string, secrets: string[]): string {
	return secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}
