/**
 * concurrent-delete: a map deleted from (or written) where other goroutines can reach it without
 * holding the mutex — `fatal error: concurrent map writes` waiting to happen.
 * Docs: docs/rules/concurrent-delete.md
 */
import { defineRule, type RuleContext } from '../analyzer/engine/rule.js';
import type { HeldLock } from '../analyzer/model/locks.js';
import { inconsistentLocking, locksAt, racingGoroutine, rootOf, sharedFromGoroutine } from '../analyzer/model/map-sharing.js';
import type { PackageModel } from '../analyzer/model/package-model.js';
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
        check(context, write.statement, write.map, `${write.map.text}[${write.key.text}] ${write.operator}${write.op === '++' || write.op === '--' ? '' : ' …'}`, 'writes to');
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
 * Whether a held lock plausibly guards this map: the lock and the map hang off the same variable
 * (`r.mu` and `r.items`), or both are package-level. A map local to the function (a copy being
 * built) is not guarded by anyone's lock.
 */
function lockGuardsMap(model: PackageModel, lock: HeldLock, map: Node): boolean {
  const lockRecv = lock.call.child('function')?.child('operand');
  if (!lockRecv) return false;
  const lr = rootOf(lockRecv).root;
  const mr = rootOf(map).root;
  const ls = lr.type === 'identifier' ? model.resolve(lr) : undefined;
  const ms = mr.type === 'identifier' ? model.resolve(mr) : undefined;
  if (!ls || !ms) return false;
  if (ls === ms) return true;
  return ls.role === 'package' && ms.role === 'package';
}
