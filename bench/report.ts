/** The bench's table: each figure beside its budget, with a mark where there is one. */
export interface Row {
  figure: string;
  value: number | string;
  unit: string;
  budget?: string;
  pass?: boolean;
}

/** A row with a budget of "at most `limit`" when `limit` is given; reported only otherwise. */
export function row(figure: string, value: number, unit: string, limit?: number, shown: string | number = value): Row {
  return { figure, value: shown, unit, ...(limit === undefined ? {} : { budget: `≤ ${limit.toLocaleString('en')} ${unit}`.trim(), pass: value <= limit }) };
}

export function table(rows: Row[]): string {
  const width = Math.max(...rows.map((r) => r.figure.length));
  const values = rows.map((r) => `${r.value} ${r.unit}`.trim());
  const valueWidth = Math.max(...values.map((v) => v.length));
  const lines = [`${'figure'.padEnd(width)}  ${'value'.padStart(valueWidth)}  budget`];
  rows.forEach((r, i) => {
    const mark = r.pass === undefined ? '' : r.pass ? '  ✓ pass' : '  ✗ FAIL';
    lines.push(`${r.figure.padEnd(width)}  ${values[i].padStart(valueWidth)}  ${r.budget ?? ''}${mark}`.trimEnd());
  });
  return lines.join('\n');
}
