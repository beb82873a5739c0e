/**
 * GitHub Actions workflow commands (`::error file=a.go,line=3::message`), escaped the way the
 * runner unescapes them (@actions/core `command.ts`): in the message `%`, CR and LF; in property
 * values also `:` and `,`, which would otherwise end the value.
 */

export type WorkflowCommandLevel = 'error' | 'warning' | 'notice';

export function escapeWorkflowData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeWorkflowProperty(s: string): string {
  return escapeWorkflowData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One command line (without the trailing newline); properties keep their given order. */
export function workflowCommand(level: WorkflowCommandLevel, properties: ReadonlyArray<readonly [string, string | number]>, message: string): string {
  const props = properties.map(([k, v]) => `${k}=${escapeWorkflowProperty(String(v))}`).join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeWorkflowData(message)}`;
}
