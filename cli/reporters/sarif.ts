/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it (its "SARIF support for code
 * scanning" page), valid against the OASIS schema:
 *
 * - one run; `tool.driver` with name, version, semanticVersion, informationUri and a rule
 *   descriptor for every rule that could report (help generated from `docs/rules/<id>.md`);
 * - one result per finding: ruleId + ruleIndex, level, a plain-text message whose first sentence
 *   says it all (related locations are linked from it, since GitHub shows them only when linked),
 *   a repository-relative location with a full region in UTF-16 columns, GitHub's
 *   `primaryLocationLineHash`, `relatedLocations`, and `fixes` when the finding has one;
 * - `automationDetails.id` from `--category`; problems and truncation as tool notifications.
 *
 * Suppressed findings never reach reporters (GitHub ignores SARIF suppressions anyway). Findings
 * beyond GitHub's limits are left out, least severe first, with a warning (sarif-limits.ts).
 */
import type { Fix, Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Severity } from '../../analyzer/engine/finding.js';
import type { Rule } from '../../analyzer/engine/rule.js';
import { INFORMATION_URI, ruleDocsUrl, TOOL_NAME } from '../version.js';
import { lineHashes } from './line-hash.js';
import type { ReportInput, Reporter } from './reporter.js';
import { ruleHelp } from './rule-help.js';
import { artifactLocation, region, rootUri, SRCROOT } from './sarif-location.js';
import { fitSarif, GITHUB_SARIF_LIMITS, type SarifLimits } from './sarif-limits.js';
import { SourceCache, type SourceReader } from './source-cache.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub shows at most 1,000 locations per result (and 10 tags per rule). */
const MAX_RELATED_LOCATIONS = 1000;
const MAX_TAGS = 10;
/** GitHub's limit for shortDescription and fullDescription. */
const MAX_DESCRIPTION = 1024;

const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'recommendation' };

export function sarifReporter(limits: SarifLimits = GITHUB_SARIF_LIMITS): Reporter {
  return {
    name: 'sarif',
    render(input) {
      const sources = input.sources ?? new SourceCache();
      const hashes = new LineHashCache(sources);
      const fitted = fitSarif(input.findings, limits, (kept) => `${JSON.stringify(sarifLog(input, kept, hashes, truncationNotice(input.findings.length, kept.length)), null, 2)}\n`);
      const left = input.findings.length - fitted.kept.length;
      if (left > 0) {
        const what = (['error', 'warning', 'note'] as const).filter((s) => fitted.omitted[s] > 0).map((s) => `${fitted.omitted[s]} ${s}${fitted.omitted[s] === 1 ? '' : 's'}`);
        input.warn?.(`SARIF output keeps ${fitted.kept.length} of ${input.findings.length} findings to stay within GitHub's limits (${limits.maxResults} results, ${limits.maxGzipBytes} bytes gzipped); left out: ${what.join(', ')}`);
      }
      return fitted.text;
    },
  };
}

export const SARIF_REPORTER = sarifReporter();

function truncationNotice(total: number, kept: number): string | undefined {
  if (kept === total) return undefined;
  return `${total - kept} of ${total} findings were left out (the least severe first) to stay within GitHub code scanning's limits.`;
}

function sarifLog(input: ReportInput, findings: readonly Finding[], hashes: LineHashCache, truncation: string | undefined): Log {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.meta.id, i]));
  const notifications: Notification[] = input.problems.map((p) => ({
    level: 'warning',
    message: { text: p.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.path, input.root) } }],
  }));
  if (truncation) notifications.push({ level: 'warning', message: { text: truncation } });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            informationUri: INFORMATION_URI,
            rules: input.rules.map(ruleDescriptor),
          },
        },
        ...(input.category ? { automationDetails: { id: automationId(input.category) } } : {}),
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(input.root) } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => result(f, input.root, ruleIndex, hashes)),
      },
    ],
  };
}

/** GitHub reads `automationDetails.id` as `category/run-id`: a trailing slash keeps it all category. */
export function automationId(category: string): string {
  return category.endsWith('/') ? category : `${category}/`;
}

function ruleDescriptor(rule: Rule): ReportingDescriptor {
  const m = rule.meta;
  const help = ruleHelp(m);
  return {
    id: m.id,
    name: m.name,
    shortDescription: { text: clip(m.summary, MAX_DESCRIPTION) },
    fullDescription: { text: clip(m.description, MAX_DESCRIPTION) },
    help: { text: help.text, markdown: help.markdown },
    helpUri: ruleDocsUrl(m.id),
    defaultConfiguration: { level: m.severity },
    properties: {
      tags: m.tags.slice(0, MAX_TAGS),
      precision: m.precision,
      'problem.severity': PROBLEM_SEVERITY[m.severity],
    },
  };
}

function result(f: Finding, root: string, ruleIndex: ReadonlyMap<string, number>, hashes: LineHashCache): Result {
  const index = ruleIndex.get(f.ruleId);
  if (index === undefined) throw new Error(`finding for rule "${f.ruleId}", which is not among the run's rules`);
  const related = f.related.slice(0, MAX_RELATED_LOCATIONS);
  const lineHash = hashes.get(f.path)?.[f.start.line - 1];
  return {
    ruleId: f.ruleId,
    ruleIndex: index,
    level: f.severity,
    message: { text: messageText(f.message, related.map((r) => r.message)) },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.path, root), region: region(f) } }],
    ...(lineHash ? { partialFingerprints: { primaryLocationLineHash: lineHash } } : {}),
    ...(related.length > 0
      ? {
          relatedLocations: related.map(
            (r, i): Location => ({
              id: i + 1,
              physicalLocation: { artifactLocation: artifactLocation(r.path, root), region: region(r) },
              message: { text: r.message },
            }),
          ),
        }
      : {}),
    ...(f.fix ? { fixes: [fix(f, root)] } : {}),
  };
}

/**
 * The finding's message, then links to its related locations (`[text](id)`, SARIF §3.11.6; GitHub
 * displays related locations only when the message links them). Brackets and backslashes inside
 * link text are escaped, as the embedded-link syntax requires.
 */
export function messageText(message: string, related: readonly string[]): string {
  if (related.length === 0) return message;
  const links = related.map((text, i) => `[${text.replace(/[\\[\]]/g, (c) => `\\${c}`)}](${i + 1})`);
  return `${message}${/[.!?]$/.test(message) ? '' : '.'} Related: ${links.join(', ')}.`;
}

function fix(f: Finding, root: string): Fix {
  const fixData = f.fix as NonNullable<Finding['fix']>;
  return {
    description: { text: fixData.description },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(f.path, root),
        replacements: fixData.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.newText } })),
      },
    ],
    properties: { safe: fixData.safe },
  };
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Line hashes per file, computed once per file and only for files with findings. */
class LineHashCache {
  private readonly byPath = new Map<string, readonly string[] | undefined>();

  constructor(private readonly sources: SourceReader) {}

  get(file: string): readonly string[] | undefined {
    if (!this.byPath.has(file)) {
      const src = this.sources.get(file);
      // GitHub hashes the file as read from disk, byte order mark included.
      this.byPath.set(file, src ? lineHashes(src.hasBom ? `\ufeff${src.text}` : src.text) : undefined);
    }
    return this.byPath.get(file);
  }
}
