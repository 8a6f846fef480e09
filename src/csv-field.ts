/** A value as a CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. One writer for the CLI's records and a data export's items. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
