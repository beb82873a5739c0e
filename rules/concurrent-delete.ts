/**
 * concurrent-delete: a map deleted from (or written) where other goroutines can reach it without
 * holding the mutex — `fatal error: concurrent map writes` waiting to happen.
 * Docs: docs/rules/concurrent-delete.md
 */
import { defineRule, type RuleContext } from '../analyzer/engine/rule.js';
import type { HeldLock } from '../analyzer/model/locks.js';
import { inconsistentLocking, locksAt, methodRunAsGoroutine, racingGoroutine, sharedFromGoroutine } from '../analyzer/model/map-sharing.js';
import type { PackageModel } from '../analyzer/model/package-model.js';
import { stripParens } from '../analyzer/model/typing.js';
import { isNamed } from '../analyzer/model/types.js';
import type { Node } from '../analyzer/syntax/node.js';

export default defineRule({
  meta: {
    id: 'concurrent-delete',
    name: 'ConcurrentDelete',
    severity: 'warning',
    fixable: false,
    summary: 'A map shared between goroutines is deleted from without holding its mutex.',
    description:
      'Go maps are not safe for concurrent writes: a delete racing with another access crashes the program with "fatal error: concurrent map writes". Reported when the delete (or write) runs in a goroutine or HTTP handler on a shared map without a lock, while only a read lock is held (error), or in a method that skips the mutex the type\'s other methods hold for that field.',
    tags: ['correctness', 'concurrency', 'maps'],
    precision: 'high',
  },
  create(context) {
    return {
      deleteCall(call) {
        check(context, call.node, call.map, `delete(${call.map.text}, ${call.key.text})`, 'deletes from');
      },
      indexWrite(write) {
        check(context, write.statement, write.map, `${write.map.text}[${write.key.text}]${write.op === '++' || write.op === '--' ? write.operator : ` ${write.operator} …`}`, 'writes to');
      },
    };
  },
});

function check({ model, report }: RuleContext, node: Node, map: Node, what: string, verb: string): void {
  if (!model.mapTypeOf(map)) return;
  const m = map.text;
  const locks = locksAt(model, node);
  if (locks.some((l) => l.mode === 'write')) return;
  const readLock = locks.find((l) => l.mode === 'read' && !l.maybe && lockGuardsMap(model, l, map));
  if (readLock) {
    if (locks.some((l) => l.maybe)) return;
    report({
      node,
      severity: 'error',
      message: `${what} ${verb} map ${m} while holding only the read lock ${readLock.name}.RLock(): other readers run at the same time, so this write races; take ${readLock.name}.Lock() instead.`,
      related: [{ node: readLock.call, message: `read lock taken here` }],
    });
    return;
  }
  if (locks.length > 0) return;
  const shared = sharedFromGoroutine(model, map, node);
  if (shared) {
    report({
      node,
      message: `${what} ${verb} map ${m} without holding a mutex, but ${shared.reason}: concurrent map writes crash the program.`,
      ...(shared.related ? { related: [{ node: shared.related, message: 'started here' }] } : {}),
    });
    return;
  }
  const racing = racingGoroutine(model, map, node);
  if (racing) {
    report({
      node,
      message: `${what} ${verb} map ${m} without holding a mutex while a goroutine started earlier uses ${m} (no Wait() in between): concurrent map writes crash the program.`,
      related: [{ node: racing.start, message: `goroutine using ${m} started here` }],
    });
    return;
  }
  const asGoroutine = methodRunAsGoroutine(model, map, node);
  if (asGoroutine) {
    const line = model.fileOf(asGoroutine.start).lines.position(asGoroutine.start.start).line;
    report({
      node,
      message: `${what} ${verb} map ${m} without holding a mutex, but this method runs as a goroutine (started at line ${line}) while ${asGoroutine.otherMethod} also uses the map: concurrent map writes crash the program.`,
      related: [{ node: asGoroutine.start, message: 'started as a goroutine here' }],
    });
    return;
  }
  const inconsistent = inconsistentLocking(model, map, node);
  if (inconsistent) {
    report({
      node,
      message: `${what} ${verb} map ${m} without holding a lock, but ${inconsistent.otherMethod} accesses it while holding ${inconsistent.lock}: take ${inconsistent.lock} here too (or document that the caller holds it).`,
      related: [{ node: inconsistent.lockCall, message: `${inconsistent.lock} held here in ${inconsistent.otherMethod}` }],
    });
  }
}

/**
 * Whether a held lock plausibly guards this map: the mutex and the map belong to the same value
 * (`r.mu` and `r.items`; an embedded mutex `r.RLock()` and `r.items`), or both are package-level.
 * A map local to the function (a copy being built), or one owned by another value (`s.db.dirty`
 * under `s.mu`), is not guarded by that lock.
 */
function lockGuardsMap(model: PackageModel, lock: HeldLock, map: Node): boolean {
  const lockRecv = lock.call.child('function')?.child('operand');
  if (!lockRecv) return false;
  const lockOwner = ownerOfLock(model, stripParens(lockRecv));
  const m = stripParens(map);
  const mapOwner = m.type === 'selector_expression' ? m.child('operand') : undefined;
  if (lockOwner === 'package' || !mapOwner) {
    const ms = m.type === 'identifier' ? model.resolve(m) : undefined;
    return lockOwner === 'package' && ms?.role === 'package';
  }
  return lockOwner !== undefined && model.sameRef(lockOwner, mapOwner);
}

/** The value a mutex belongs to: `r` for `r.mu` and for an embedded `r.Lock()`; 'package' for a package-level mutex. */
function ownerOfLock(model: PackageModel, recv: Node): Node | 'package' | undefined {
  const t = model.typeOf(recv);
  const isMutex = isNamed(t, 'sync', 'Mutex', true) || isNamed(t, 'sync', 'RWMutex', true);
  if (!isMutex && t.kind !== 'unknown') return recv; // a struct embedding the mutex
  if (recv.type === 'selector_expression') return recv.child('operand');
  if (recv.type === 'identifier') return model.resolve(recv)?.role === 'package' ? 'package' : undefined;
  return undefined;
}
