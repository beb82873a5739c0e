/** The tool's version (from its package.json), name and where its documentation lives. */
import { packageInfo } from './package-root.js';

export function toolVersion(): string {
  return packageInfo()?.version ?? '0.0.0';
}

export const TOOL_NAME = 'gomaplint';
export const INFORMATION_URI = 'https://github.com/gomaplint/gomaplint';

/** Where a rule's documentation lives online. */
export function ruleDocsUrl(ruleId: string): string {
  return `${INFORMATION_URI}/blob/main/docs/rules/${ruleId}.md`;
}
