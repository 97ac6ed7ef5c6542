import { hash } from 'node:crypto';
import { isMaskedValue, maskSensitive } from '../shared/mask.js';
import type { RawRecord } from './parse.js';
import {
  EVENT_TYPES, OBJECT_TYPES, QUALIFIER_TARGETS, isExtensionAttribute, type AttrDef, type AttrType, type TypeDef,
} from './registry.js';
import type { ImportError, ImportErrorCode, ImportProfile } from './types.js';
import { OCEL_TYPES, parseAttributeValue, parseTime } from './values.js';

/**
 * Record-level validation (§11): everything that can be decided from one record and the file's
 * declarations. Checks that need other records or the store (references, target types, merged
 * object state, identity) are in resolve.ts.
 */

export interface NormAttr {
  name: string;
  value: string;
  /** Typed form for identity comparison (§3.3). */
  canonical: string;
  /** Object attributes: valid-from instant (ISO UTC, microseconds). */
  time?: string;
}
export interface NormRel {
  objectId: string;
  qualifier: string;
}
export interface Loc {
  line?: number;
  record?: string;
  pointer: string;
}
export interface NormObject {
  kind: 'object';
  id: string;
  type: string;
  attrs: NormAttr[];
  rels: NormRel[];
  loc: Loc;
}
export interface NormEvent {
  kind: 'event';
  id: string;
  type: string;
  time: string;
  timeMicros: bigint;
  attrs: NormAttr[];
  rels: NormRel[];
  revision: number;
  void: boolean;
  hash: string;
  loc: Loc;
}

/** Declared attribute types of a `.jsonocel`, by `object:<type>` / `event:<type>`. */
export type Declarations = Map<string, Map<string, AttrType>>;

export interface ValidationContext {
  profile: ImportProfile;
  /** Present for `.jsonocel`: every type and attribute used must be declared. */
  declarations?: Declarations;
  /** Receipt instant in epoch microseconds; later than this + 10 min is `future_time`. */
  nowMicros: bigint;
  futureToleranceMicros: bigint;
}

export function errorAt(loc: Loc, kind: 'object' | 'event', id: string | undefined, field: string, code: ImportErrorCode, reason: string): ImportError {
  const e: ImportError = { code, reason };
  // key order as in the spec's report example: location, kind, id, field, code, reason
  return {
    ...(loc.line !== undefined ? { line: loc.line } : {}),
    ...(loc.record !== undefined ? { record: loc.record } : {}),
    kind,
    ...(id !== undefined ? { id } : {}),
    field: loc.pointer + field,
    ...e,
  };
}

const PRINTABLE_ID = /^[\x21-\x7e]{1,200}$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Out = { errors: ImportError[] };

function checkId(id: string, kind: 'object' | 'event', type: string | undefined, ctx: ValidationContext, loc: Loc, out: Out): void {
  const fail = (code: ImportErrorCode, reason: string): void => {
    out.errors.push(errorAt(loc, kind, id, '/id', code, reason));
  };
  if (ctx.profile === 'ocel') {
    if (id.length === 0 || id.length > 200 || id.includes('\u0000')) fail('id_format', 'an id must be 1–200 characters without NUL');
    return;
  }
  if (!PRINTABLE_ID.test(id)) return fail('id_format', `"${id}" must be 1–200 printable ASCII characters without spaces`);
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) {
    return fail('id_format', kind === 'object' ? `"${id}" is not of the form <type>:<business key>` : `"${id}" is not of the form <source>:<native id>`);
  }
  if (kind === 'object' && type !== undefined) {
    const prefix = id.slice(0, colon);
    if (prefix !== type) {
      if (OBJECT_TYPES[prefix]) fail('object_type_conflict', `id "${id}" names object type "${prefix}" but the record's type is "${type}"`);
      else fail('id_format', `id "${id}" must start with "${type}:"`);
    }
  }
}

/** The definition to type an attribute with, or an error code when there is none. */
function attributeTyping(
  kind: 'object' | 'event', type: string, def: TypeDef | undefined, name: string, ctx: ValidationContext,
): { def: AttrDef } | { code: ImportErrorCode; reason: string } {
  const declared = ctx.declarations?.get(`${kind}:${type}`);
  if (ctx.declarations && !declared?.has(name)) {
    return { code: 'type_not_declared', reason: `attribute "${name}" of ${kind} type "${type}" is not declared in ${kind}Types` };
  }
  if (ctx.profile === 'ocel' || isExtensionAttribute(name)) return { def: { type: declared?.get(name) ?? 'string' } };
  const reg = def?.attributes[name];
  if (!reg) return { code: 'unknown_attribute', reason: `"${name}" is not an attribute of ${kind} type "${type}" (source extensions must start with x_)` };
  return { def: reg };
}

function readRelationships(raw: unknown, kind: 'object' | 'event', id: string, ctx: ValidationContext, loc: Loc, out: Out): NormRel[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    out.errors.push(errorAt(loc, kind, id, '/relationships', 'malformed_json', '"relationships" is not an array'));
    return [];
  }
  const rels: NormRel[] = [];
  raw.forEach((r, j) => {
    const at = `/relationships/${j}`;
    if (!isObj(r)) return out.errors.push(errorAt(loc, kind, id, at, 'malformed_json', 'a relationship is not an object'));
    if (typeof r.objectId !== 'string' || r.objectId === '') {
      return out.errors.push(errorAt(loc, kind, id, `${at}/objectId`, 'missing_field', 'objectId is missing'));
    }
    if (r.objectId.includes('\u0000')) {
      return out.errors.push(errorAt(loc, kind, id, `${at}/objectId`, 'id_format', 'objectId contains a NUL character'));
    }
    if (typeof r.qualifier !== 'string' || r.qualifier === '') {
      return out.errors.push(errorAt(loc, kind, id, `${at}/qualifier`, 'missing_field', 'qualifier is missing'));
    }
    if (ctx.profile === 'shuju' && !QUALIFIER_TARGETS[r.qualifier]) {
      return out.errors.push(errorAt(loc, kind, id, `${at}/qualifier`, 'unknown_qualifier', `"${r.qualifier}" is not a qualifier of §7`));
    }
    rels.push({ objectId: r.objectId, qualifier: r.qualifier });
  });
  return rels;
}

// Feeds repeat the same timestamps many times (every attribute of a record, every record of a
// batch); parsing each spelling once keeps large imports fast.
type ParsedTime = ReturnType<typeof parseTime>;
const timeCache = new Map<string, ParsedTime>();
function cachedParseTime(text: string): ParsedTime {
  let t = timeCache.get(text);
  if (t === undefined) {
    if (timeCache.size > 50_000) timeCache.clear();
    t = parseTime(text);
    timeCache.set(text, t);
  }
  return t;
}

function readTime(text: unknown, field: string, kind: 'object' | 'event', id: string, ctx: ValidationContext, loc: Loc, out: Out): { micros: bigint; iso: string } | undefined {
  if (typeof text !== 'string') {
    out.errors.push(errorAt(loc, kind, id, field, text === undefined ? 'missing_field' : 'invalid_time', text === undefined ? 'time is missing' : 'time is not a string'));
    return undefined;
  }
  const t = cachedParseTime(text);
  if (!t.ok) {
    out.errors.push(errorAt(loc, kind, id, field, t.code, t.reason));
    return undefined;
  }
  if (t.epochMicros > ctx.nowMicros + ctx.futureToleranceMicros) {
    out.errors.push(errorAt(loc, kind, id, field, 'future_time', `"${text}" is more than 10 minutes after receipt`));
    return undefined;
  }
  return { micros: t.epochMicros, iso: t.iso };
}

function typeDefFor(kind: 'object' | 'event', type: string, ctx: ValidationContext, id: string, loc: Loc, out: Out): { ok: boolean; def?: TypeDef } {
  if (ctx.declarations && !ctx.declarations.has(`${kind}:${type}`)) {
    out.errors.push(errorAt(loc, kind, id, '/type', 'type_not_declared', `${kind} type "${type}" is not declared in ${kind}Types`));
    return { ok: false };
  }
  if (ctx.profile === 'ocel') return { ok: true };
  const def = kind === 'object' ? OBJECT_TYPES[type] : EVENT_TYPES[type];
  if (!def) {
    out.errors.push(errorAt(loc, kind, id, '/type', 'unknown_type', `"${type}" is not an ${kind} type of the contract (§${kind === 'object' ? 6 : 8})`));
    return { ok: false };
  }
  return { ok: true, def };
}

export function validateRecord(rec: RawRecord, ctx: ValidationContext): { value?: NormObject | NormEvent; errors: ImportError[] } {
  const out: Out = { errors: [] };
  const { kind, raw } = rec;
  const loc: Loc = { line: rec.line, record: rec.record, pointer: rec.pointer };
  if (!isObj(raw)) {
    // In a .jsonl line, {"event": null} is not a record of the stream (§2.2)
    const code = rec.line !== undefined ? 'record_kind' : 'malformed_json';
    return { errors: [errorAt(loc, kind, undefined, '', code, `the ${kind} is not a JSON object`)] };
  }
  const idRaw = raw.id;
  const id = typeof idRaw === 'string' ? idRaw : undefined;
  for (const f of kind === 'object' ? ['id', 'type'] : ['id', 'type', 'time']) {
    if (raw[f] === undefined || raw[f] === null) out.errors.push(errorAt(loc, kind, id, `/${f}`, 'missing_field', `${f} is missing`));
    else if (f !== 'time' && typeof raw[f] !== 'string') out.errors.push(errorAt(loc, kind, id, `/${f}`, 'malformed_json', `${f} is not a string`));
  }
  if (out.errors.length) return out;
  const type = raw.type as string;
  checkId(id!, kind, type, ctx, loc, out);
  const typed = typeDefFor(kind, type, ctx, id!, loc, out);
  const eventTime = kind === 'event' ? readTime(raw.time, '/time', kind, id!, ctx, loc, out) : undefined;

  const attrs: NormAttr[] = [];
  if (raw.attributes !== undefined && !Array.isArray(raw.attributes)) {
    out.errors.push(errorAt(loc, kind, id, '/attributes', 'malformed_json', '"attributes" is not an array'));
  } else if (typed.ok) {
    (raw.attributes as unknown[] | undefined ?? []).forEach((a, j) => {
      const at = `/attributes/${j}`;
      if (!isObj(a)) return out.errors.push(errorAt(loc, kind, id, at, 'malformed_json', 'an attribute is not an object'));
      if (typeof a.name !== 'string' || a.name === '') return out.errors.push(errorAt(loc, kind, id, `${at}/name`, 'missing_field', 'attribute name is missing'));
      if (a.value === undefined || a.value === null) return out.errors.push(errorAt(loc, kind, id, `${at}/value`, 'missing_field', `value of "${a.name}" is missing`));
      let time: string | undefined;
      if (kind === 'object') {
        if (a.time === undefined || a.time === null) return out.errors.push(errorAt(loc, kind, id, `${at}/time`, 'missing_field', `time of "${a.name}" is missing`));
        const at2 = readTime(a.time, `${at}/time`, kind, id!, ctx, loc, out);
        if (at2 === undefined) return;
        time = at2.iso;
      }
      const typing = attributeTyping(kind, type, typed.def, a.name, ctx);
      if ('code' in typing) return out.errors.push(errorAt(loc, kind, id, `${at}/name`, typing.code, typing.reason));
      // Undeclared source extensions are free text: numbers and booleans become their string.
      const raw = isExtensionAttribute(a.name) && typing.def.type === 'string' && (typeof a.value === 'number' || typeof a.value === 'boolean') ? String(a.value) : a.value;
      const v = parseAttributeValue(raw, typing.def);
      if (!v.ok) {
        const reason = typing.def.sensitive ? `value of "${a.name}" (${maskSensitive(a.name, String(a.value))}) is invalid` : v.reason;
        return out.errors.push(errorAt(loc, kind, id, `${at}/value`, v.code, reason));
      }
      if (typing.def.sensitive && isMaskedValue(a.name, v.text)) {
        // A masked export sent back must not overwrite the real value (§3.2 would replace it).
        return out.errors.push(errorAt(loc, kind, id, `${at}/value`, 'attribute_type', `"${a.name}" carries a masked value; send the real value or leave the attribute out`));
      }
      attrs.push({ name: a.name, value: v.text, canonical: v.canonical, time });
    });
  }
  const rels = readRelationships(raw.relationships, kind, id!, ctx, loc, out);
  if (out.errors.length) return out;

  if (kind === 'object') return { value: { kind, id: id!, type, attrs, rels, loc }, errors: [] };

  // A retraction (void) need not repeat what the retracted event required (§3.3).
  const retraction = attrs.some((a) => a.name === 'void' && a.value === 'true');
  if (typed.def && !retraction) checkEventShape(typed.def, attrs, rels, id!, loc, out);
  if (out.errors.length) return out;
  const revision = Number(attrs.find((a) => a.name === 'revision')?.canonical ?? 0);
  const isVoid = attrs.find((a) => a.name === 'void')?.value === 'true';
  if (revision < 0 || revision > 2_147_483_647) {
    const at = attrs.findIndex((a) => a.name === 'revision');
    return { errors: [errorAt(loc, kind, id, `/attributes/${at}/value`, 'attribute_type', 'revision must be between 0 and 2147483647')] };
  }
  return {
    value: {
      kind, id: id!, type, time: eventTime!.iso, timeMicros: eventTime!.micros, attrs, rels, revision, void: isVoid,
      hash: eventHash(type, eventTime!.micros, attrs, rels), loc,
    },
    errors: [],
  };
}

const CARD_MIN: Record<string, number> = { '1': 1, '?': 0, '+': 1, '*': 0 };
const CARD_MAX: Record<string, number> = { '1': 1, '?': 1, '+': Infinity, '*': Infinity };

/** Required attributes, relationship cardinalities and the conditional rules of §8. */
function checkEventShape(def: TypeDef, attrs: NormAttr[], rels: NormRel[], id: string, loc: Loc, out: Out): void {
  const attr = (n: string) => attrs.find((a) => a.name === n)?.value;
  const missingAttr = (n: string, why = '') =>
    out.errors.push(errorAt(loc, 'event', id, '/attributes', 'missing_attribute', `required attribute "${n}" of ${def.name} is absent${why}`));
  for (const [name, a] of Object.entries(def.attributes)) if (a.required && attr(name) === undefined) missingAttr(name);

  const count = new Map<string, number>();
  for (const r of rels) count.set(r.qualifier, (count.get(r.qualifier) ?? 0) + 1);
  const n = (q: string) => count.get(q) ?? 0;
  const missingRel = (q: string, why = '') =>
    out.errors.push(errorAt(loc, 'event', id, '/relationships', 'missing_relationship', `${def.name} needs a "${q}" relationship${why}`));
  for (const [q, { card }] of Object.entries(def.relationships)) {
    if (n(q) < CARD_MIN[card]) {
      // area events name a subject or an officer; summons may omit the case for continued questioning
      if (def.name.startsWith('area.') && (q === 'subject' || q === 'officer')) continue;
      missingRel(q);
    } else if (n(q) > CARD_MAX[card]) {
      out.errors.push(errorAt(loc, 'event', id, '/relationships', 'relationship_cardinality', `${def.name} allows at most one "${q}" relationship, found ${n(q)}`));
    }
  }
  switch (def.name) {
    case 'area.entered':
      if (n('subject') + n('officer') !== 1) {
        out.errors.push(errorAt(loc, 'event', id, '/relationships', n('subject') + n('officer') === 0 ? 'missing_relationship' : 'relationship_cardinality', 'area.entered relates exactly one subject or officer'));
      }
      break;
    case 'area.exited':
      if (n('subject') + n('officer') === 0) missingRel('subject', ' (or an officer)');
      if (attr('exit_kind') === 'temporary' && attr('approved_exit') === undefined) missingAttr('approved_exit', ' (required for a temporary exit)');
      break;
    case 'person.summoned':
      if (attr('measure') !== 'continued_questioning' && n('case') === 0) missingRel('case', ' unless the measure is continued_questioning');
      break;
    case 'person.rsdl_started':
      if (attr('designated') === 'true' && n('venue') === 0) missingRel('venue', ' when the residence is designated');
      break;
    case 'case.revoked':
      if (attr('scope') === 'suspect' && n('subject') === 0) missingRel('subject', ' when scope is suspect');
      break;
  }
}

/** Identity of an event's content (§3.3): type, instant, attribute and relationship multisets. */
export function eventHash(type: string, timeMicros: bigint, attrs: NormAttr[], rels: NormRel[]): string {
  // JSON string literals carry no raw control characters, so \u0001–\u0003 separate unambiguously.
  const a = attrs.map((x) => `${JSON.stringify(x.name)}\u0001${JSON.stringify(x.canonical)}`).sort().join('\u0002');
  const r = rels.map((x) => `${JSON.stringify(x.qualifier)}\u0001${JSON.stringify(x.objectId)}`).sort().join('\u0002');
  return hash('sha1', `${type}\u0003${timeMicros}\u0003${a}\u0003${r}`);
}

/** Reads the `objectTypes`/`eventTypes` declarations of a `.jsonocel` (§2.1). */
export function readDeclarations(decl: { objectTypes: unknown; eventTypes: unknown }, profile: ImportProfile): { declarations: Declarations; errors: ImportError[] } {
  const declarations: Declarations = new Map();
  const errors: ImportError[] = [];
  for (const [key, kind] of [['objectTypes', 'object'], ['eventTypes', 'event']] as const) {
    (decl[key] as unknown[]).forEach((t, i) => {
      const loc: Loc = { record: `${key}[${i}]`, pointer: `/${key}/${i}` };
      const fail = (field: string, code: ImportErrorCode, reason: string) => errors.push({ record: loc.record, kind: 'file', field: loc.pointer + field, code, reason });
      if (!isObj(t) || typeof t.name !== 'string' || t.name === '') return fail('/name', 'missing_field', 'type name is missing');
      const reg = profile === 'shuju' ? (kind === 'object' ? OBJECT_TYPES[t.name] : EVENT_TYPES[t.name]) : undefined;
      if (profile === 'shuju' && !reg) return fail('/name', 'unknown_type', `"${t.name}" is not an ${kind} type of the contract`);
      const attrs = new Map<string, AttrType>();
      if (t.attributes !== undefined && !Array.isArray(t.attributes)) return fail('/attributes', 'malformed_json', '"attributes" is not an array');
      ((t.attributes as unknown[] | undefined) ?? []).forEach((a, j) => {
        const at = `/attributes/${j}`;
        if (!isObj(a) || typeof a.name !== 'string' || a.name === '') return fail(`${at}/name`, 'missing_field', 'attribute name is missing');
        if (typeof a.type !== 'string' || !OCEL_TYPES.includes(a.type)) {
          return fail(`${at}/type`, 'declaration_mismatch', `type of "${a.name}" must be one of string, integer, float, boolean, time`);
        }
        const regAttr = reg?.attributes[a.name];
        if (reg && !regAttr && !isExtensionAttribute(a.name)) {
          return fail(`${at}/name`, 'unknown_attribute', `"${a.name}" is not an attribute of ${kind} type "${t.name}"`);
        }
        if (regAttr && regAttr.type !== a.type) {
          return fail(`${at}/type`, 'declaration_mismatch', `"${t.name}.${a.name}" is declared ${a.type} but the contract defines it as ${regAttr.type}`);
        }
        attrs.set(a.name, a.type as AttrType);
      });
      // revision and void are allowed on every event type without declaration (§3.3)
      if (kind === 'event' && profile === 'shuju') {
        if (!attrs.has('revision')) attrs.set('revision', 'integer');
        if (!attrs.has('void')) attrs.set('void', 'boolean');
      }
      // A type declared twice: the declarations add up.
      const earlier = declarations.get(`${kind}:${t.name}`);
      if (earlier) for (const [n, ty] of attrs) earlier.set(n, ty);
      else declarations.set(`${kind}:${t.name}`, attrs);
    });
  }
  return { declarations, errors };
}
