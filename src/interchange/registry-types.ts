/** Shapes of the interchange registry and the short constructors its tables are written with. */

export type AttrType = 'string' | 'integer' | 'float' | 'boolean' | 'time';
/** Extra syntactic checks on top of the OCEL type (§5.1). */
export type AttrFormat = 'date' | 'duration';

export interface AttrDef {
  type: AttrType;
  required?: boolean;
  enum?: readonly string[];
  format?: AttrFormat;
  /** [S] fields (§5.3): masked in exports and error reports, reads audited. */
  sensitive?: boolean;
}

/** `1` exactly one, `?` at most one, `+` one or more, `*` any (§8). */
export type Cardinality = '1' | '?' | '+' | '*';

export interface RelDef {
  card: Cardinality;
}

export interface TypeDef {
  name: string;
  attributes: Record<string, AttrDef>;
  /** Qualifiers with a stated cardinality; other qualifiers of §7 are allowed as `*`. */
  relationships: Record<string, RelDef>;
}

export const s = (extra: Partial<AttrDef> = {}): AttrDef => ({ type: 'string', ...extra });
export const req = (extra: Partial<AttrDef> = {}): AttrDef => ({ type: 'string', required: true, ...extra });
export const e = (values: readonly string[], required = false): AttrDef => ({ type: 'string', enum: values, required });
export const b = (required = false): AttrDef => ({ type: 'boolean', required });
export const i = (required = false): AttrDef => ({ type: 'integer', required });
export const f = (required = false): AttrDef => ({ type: 'float', required });
export const t = (required = false): AttrDef => ({ type: 'time', required });
export const rel = (card: Cardinality): RelDef => ({ card });
