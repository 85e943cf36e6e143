/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Clock } from '../util/clock.ts';
import { newUid } from '../util/ids.ts';
import { clone } from '../util/json.ts';
import { rfc3339 } from '../util/time.ts';
import type { K8sObject, ObjRef } from './types.ts';
import { keyOf, objKey, refOf } from './types.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type ChangeListener = (type: ChangeType, obj: K8sObject) => void;

interface Entry {
  obj: K8sObject;
  json: string;
  specJson: string;
}

/**
 * The simulated API server's object store. `get`/`list` hand out copies; writes go through
 * `create`/`update`/`delete`, which keep uid, resourceVersion, generation and ownership indexes,
 * and notify listeners only when something really changed.
 */
export class ClusterStore {
  private readonly objects = new Map<string, Entry>();
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly byUid = new Map<string, string>();
  private readonly listeners = new Set<ChangeListener>();
  private rv = 1000;

  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  onChange(fn: ChangeListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(type: ChangeType, obj: K8sObject) {
    for (const l of [...this.listeners]) l(type, obj);
  }

  get(ref: ObjRef): K8sObject | undefined {
    const e = this.objects.get(keyOf(ref));
    return e ? clone(e.obj) : undefined;
  }

  /** Read-only access without a copy. Callers must not mutate the result. */
  peek(ref: ObjRef): Readonly<K8sObject> | undefined {
    return this.objects.get(keyOf(ref))?.obj;
  }

  peekByUid(uid: string): Readonly<K8sObject> | undefined {
    const key = this.byUid.get(uid);
    return key ? this.objects.get(key)?.obj : undefined;
  }

  /** Read-only iteration over all objects. */
  peekAll(filter?: (o: K8sObject) => boolean): Readonly<K8sObject>[] {
    const out: K8sObject[] = [];
    for (const e of this.objects.values())
      if (!filter || filter(e.obj)) out.push(e.obj);
    return out;
  }

  list(filter?: (o: K8sObject) => boolean): K8sObject[] {
    return this.peekAll(filter).map(o => clone(o as K8sObject));
  }

  /** Read-only children (objects whose ownerReferences point at `uid`). */
  peekChildren(uid: string): Readonly<K8sObject>[] {
    const keys = this.byOwner.get(uid);
    if (!keys) return [];
    const out: K8sObject[] = [];
    for (const k of keys) {
      const e = this.objects.get(k);
      if (e) out.push(e.obj);
    }
    return out;
  }

  children(uid: string): K8sObject[] {
    return this.peekChildren(uid).map(o => clone(o as K8sObject));
  }

  create(input: K8sObject): K8sObject {
    const obj = clone(input);
    const key = objKey(obj);
    if (this.objects.has(key))
      throw new Error(`${obj.kind} "${obj.metadata.name}" already exists`);
    obj.metadata.uid = obj.metadata.uid ?? newUid();
    obj.metadata.resourceVersion = String(++this.rv);
    obj.metadata.generation = obj.metadata.generation ?? 1;
    obj.metadata.creationTimestamp =
      obj.metadata.creationTimestamp ?? rfc3339(this.clock.now());
    this.put(key, obj);
    this.emit('ADDED', obj);
    return clone(obj);
  }

  /** Replaces the stored object. Bumps generation when `spec` changed. No-op when nothing changed. */
  update(input: K8sObject): K8sObject {
    const key = objKey(input);
    const prev = this.objects.get(key);
    if (!prev)
      throw new Error(`${input.kind} "${input.metadata.name}" not found`);
    const obj = clone(input);
    obj.metadata.uid = prev.obj.metadata.uid;
    obj.metadata.creationTimestamp = prev.obj.metadata.creationTimestamp;
    obj.metadata.resourceVersion = prev.obj.metadata.resourceVersion;
    obj.metadata.generation = prev.obj.metadata.generation;
    const specJson = JSON.stringify(obj.spec ?? null);
    if (specJson !== prev.specJson)
      obj.metadata.generation = (prev.obj.metadata.generation ?? 1) + 1;
    if (JSON.stringify(obj) === prev.json) return clone(prev.obj);
    obj.metadata.resourceVersion = String(++this.rv);
    this.unindex(key, prev.obj);
    this.put(key, obj);
    this.emit('MODIFIED', obj);
    return clone(obj);
  }

  /** Applies a function to a copy of the object and stores the result. */
  mutate(ref: ObjRef, fn: (o: K8sObject) => void): K8sObject | undefined {
    const o = this.get(ref);
    if (!o) return undefined;
    fn(o);
    return this.update(o);
  }

  /**
   * Deletes an object. `background`/`foreground` also delete its dependents (garbage collection);
   * `orphan` removes the owner reference from the dependents instead.
   */
  delete(
    ref: ObjRef,
    propagation: 'foreground' | 'background' | 'orphan' = 'background',
  ): boolean {
    const key = keyOf(ref);
    const e = this.objects.get(key);
    if (!e) return false;
    const uid = e.obj.metadata.uid!;
    const dependents = [...(this.byOwner.get(uid) ?? [])];
    for (const dk of dependents) {
      const d = this.objects.get(dk);
      if (!d) continue;
      if (propagation === 'orphan') {
        const copy = clone(d.obj);
        copy.metadata.ownerReferences = (
          copy.metadata.ownerReferences ?? []
        ).filter(r => r.uid !== uid);
        if (!copy.metadata.ownerReferences.length)
          delete copy.metadata.ownerReferences;
        this.update(copy);
      } else {
        this.delete(refOf(d.obj), propagation);
      }
    }
    const current = this.objects.get(key);
    if (!current) return true;
    this.unindex(key, current.obj);
    this.objects.delete(key);
    const gone = clone(current.obj);
    gone.metadata.deletionTimestamp = rfc3339(this.clock.now());
    this.emit('DELETED', gone);
    return true;
  }

  clear(): void {
    for (const e of [...this.objects.values()]) this.delete(refOf(e.obj));
  }

  size(): number {
    return this.objects.size;
  }

  private put(key: string, obj: K8sObject) {
    this.objects.set(key, {
      obj,
      json: JSON.stringify(obj),
      specJson: JSON.stringify(obj.spec ?? null),
    });
    this.byUid.set(obj.metadata.uid!, key);
    for (const r of obj.metadata.ownerReferences ?? []) {
      let s = this.byOwner.get(r.uid);
      if (!s) this.byOwner.set(r.uid, (s = new Set()));
      s.add(key);
    }
  }

  private unindex(key: string, obj: K8sObject) {
    this.byUid.delete(obj.metadata.uid!);
    for (const r of obj.metadata.ownerReferences ?? []) {
      const s = this.byOwner.get(r.uid);
      s?.delete(key);
      if (s && !s.size) this.byOwner.delete(r.uid);
    }
  }
}

export function ownerRef(owner: K8sObject): {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
  blockOwnerDeletion: boolean;
} {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function controllerOf(obj: Readonly<K8sObject>): any {
  return (
    (obj.metadata.ownerReferences ?? []).find(r => r.controller) ??
    obj.metadata.ownerReferences?.[0]
  );
}
