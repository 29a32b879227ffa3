/**
 * Data for CG ADD and CG UPDATE, as one AMCP parameter. CasparCG's tokenizer
 * (AMCPProtocolStrategy.cpp) reads a quoted parameter with three escapes only:
 * \\ \" and \n; any other backslash pair is dropped silently, and a bare line
 * break ends the command. So quotes and backslashes are escaped, line breaks
 * become \n, and carriage returns (which have no escape) go. casparcg-connection's
 * own escaping also turns $ into \$, which a 2.3 server reads as nothing: the
 * dollar would vanish from the graphic, so Strapline hands it a finished string.
 */
export function amcpQuoted(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `"${normalised.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlEscaped = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** A field's value as text for templateData: numbers and words as they are, anything else as JSON. */
function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/**
 * The templateData XML that CasparCG's classic templates read (one
 * componentData per field, its value in data@value), one line long.
 */
export function templateDataXml(data: Record<string, unknown>): string {
  const parts = Object.entries(data).map(
    ([id, value]) => `<componentData id="${xmlEscaped(id)}"><data id="text" value="${xmlEscaped(fieldText(value))}"/></componentData>`,
  );
  return `<templateData>${parts.join('')}</templateData>`;
}

/** The data parameter of CG ADD and CG UPDATE, quoted and escaped for AMCP. */
export function cgDataParameter(data: Record<string, unknown>, format: 'json' | 'xml'): string {
  return amcpQuoted(format === 'xml' ? templateDataXml(data) : JSON.stringify(data));
}
