import { describe, expect, it } from 'vitest';
import { escapeWorkflowData, escapeWorkflowProperty, workflowCommand } from './workflow-command.js';

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in data, percent first', () => {
    expect(escapeWorkflowData('100%\r\nnext %0A')).toBe('100%25%0D%0Anext %250A');
  });

  it('leaves : and , alone in data', () => {
    expect(escapeWorkflowData('a: b, c')).toBe('a: b, c');
  });

  it('also escapes : and , in property values', () => {
    expect(escapeWorkflowProperty('dir, with: colon%\n')).toBe('dir%2C with%3A colon%25%0A');
  });

  it('builds a command with escaped properties in order', () => {
    expect(workflowCommand('warning', [['file', 'a b/c,d.go'], ['line', 3], ['title', 'gomaplint/x']], 'm[k] = nil: 50%')).toBe(
      '::warning file=a b/c%2Cd.go,line=3,title=gomaplint/x::m[k] = nil: 50%25',
    );
  });

  it('omits the property list when there is none', () => {
    expect(workflowCommand('notice', [], 'hello')).toBe('::notice::hello');
  });
});
