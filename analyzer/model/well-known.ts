/**
 * The few standard-library (and x/sync) types and functions the rules need to know about.
 * Anything imported that is not listed here has an unknown underlying type: rules stay silent on it.
 */
import { BOOL, INT, STRING, UNKNOWN, type FuncType, type NamedType, type StructType, type Type } from './types.js';

const ANY: Type = { kind: 'interface', methods: [], terms: null, incomplete: false };
const ERROR: Type = { kind: 'basic', name: 'error' };
const OPAQUE_STRUCT: StructType = { kind: 'struct', fields: [] };

function fn(params: Type[], results: Type[] = [], variadic = false): FuncType {
  return { kind: 'func', params, results, variadic };
}

interface KnownTypeSpec {
  underlying: () => Type;
  methods?: () => Record<string, FuncType>;
  /** Exported fields of known struct types (only those rules need). */
  fields?: () => Record<string, Type>;
}

const namedCache = new Map<string, NamedType>();

/** The NamedType for `pkg.name` (import path + name); unknown underlying unless listed below. */
export function externalNamed(pkg: string, name: string): NamedType {
  const key = `${pkg}.${name}`;
  let t = namedCache.get(key);
  if (!t) {
    const spec = KNOWN_TYPES[key];
    t = {
      kind: 'named',
      pkg,
      name,
      args: [],
      decl: undefined,
      underlying: spec ? spec.underlying : () => UNKNOWN,
    };
    namedCache.set(key, t);
  }
  return t;
}

const reflectValue = (): NamedType => externalNamed('reflect', 'Value');
const reflectType = (): NamedType => externalNamed('reflect', 'Type');
const header = (): NamedType => externalNamed('net/http', 'Header');
const urlValues = (): NamedType => externalNamed('net/url', 'Values');
const stringSlices: () => Type = () => ({ kind: 'map', key: STRING, value: { kind: 'slice', elem: STRING } });
const ptr = (elem: Type): Type => ({ kind: 'pointer', elem });

const lockMethods = (): Record<string, FuncType> => ({ Lock: fn([]), Unlock: fn([]), TryLock: fn([], [BOOL]) });

const KNOWN_TYPES: Record<string, KnownTypeSpec> = {
  'sync.Mutex': { underlying: () => OPAQUE_STRUCT, methods: lockMethods },
  'sync.RWMutex': {
    underlying: () => OPAQUE_STRUCT,
    methods: () => ({
      ...lockMethods(),
      RLock: fn([]),
      RUnlock: fn([]),
      TryRLock: fn([], [BOOL]),
      RLocker: fn([], [externalNamed('sync', 'Locker')]),
    }),
  },
  'sync.Locker': { underlying: () => ({ kind: 'interface', methods: ['Lock', 'Unlock'], terms: null, incomplete: false }), methods: lockMethods },
  'sync.Map': {
    underlying: () => OPAQUE_STRUCT,
    methods: () => ({
      Load: fn([ANY], [ANY, BOOL]),
      Store: fn([ANY, ANY]),
      LoadOrStore: fn([ANY, ANY], [ANY, BOOL]),
      LoadAndDelete: fn([ANY], [ANY, BOOL]),
      Delete: fn([ANY]),
      Swap: fn([ANY, ANY], [ANY, BOOL]),
      CompareAndSwap: fn([ANY, ANY, ANY], [BOOL]),
      CompareAndDelete: fn([ANY, ANY], [BOOL]),
      Range: fn([fn([ANY, ANY], [BOOL])]),
      Clear: fn([]),
    }),
  },
  'sync.WaitGroup': {
    underlying: () => OPAQUE_STRUCT,
    methods: () => ({ Add: fn([INT]), Done: fn([]), Wait: fn([]), Go: fn([fn([])]) }),
  },
  'sync.Once': { underlying: () => OPAQUE_STRUCT, methods: () => ({ Do: fn([fn([])]) }) },
  'golang.org/x/sync/errgroup.Group': {
    underlying: () => OPAQUE_STRUCT,
    methods: () => ({ Go: fn([fn([], [ERROR])]), TryGo: fn([fn([], [ERROR])], [BOOL]), Wait: fn([], [ERROR]), SetLimit: fn([INT]) }),
  },
  'reflect.Value': {
    underlying: () => OPAQUE_STRUCT,
    methods: () => {
      const v = reflectValue();
      return {
        SetMapIndex: fn([v, v]),
        MapIndex: fn([v], [v]),
        MapKeys: fn([], [{ kind: 'slice', elem: v }]),
        MapRange: fn([], [ptr(externalNamed('reflect', 'MapIter'))]),
        Elem: fn([], [v]),
        Index: fn([INT], [v]),
        Field: fn([INT], [v]),
        FieldByName: fn([STRING], [v]),
        Interface: fn([], [ANY]),
        Type: fn([], [reflectType()]),
        Len: fn([], [INT]),
        IsNil: fn([], [BOOL]),
        IsValid: fn([], [BOOL]),
        IsZero: fn([], [BOOL]),
        Set: fn([v]),
        Addr: fn([], [v]),
      };
    },
  },
  'reflect.MapIter': {
    underlying: () => OPAQUE_STRUCT,
    methods: () => ({ Next: fn([], [BOOL]), Key: fn([], [reflectValue()]), Value: fn([], [reflectValue()]), Reset: fn([reflectValue()]) }),
  },
  'net/http.Header': {
    underlying: stringSlices,
    methods: () => ({
      Add: fn([STRING, STRING]),
      Set: fn([STRING, STRING]),
      Get: fn([STRING], [STRING]),
      Values: fn([STRING], [{ kind: 'slice', elem: STRING }]),
      Del: fn([STRING]),
      Clone: fn([], [header()]),
    }),
  },
  'net/url.Values': {
    underlying: stringSlices,
    methods: () => ({
      Add: fn([STRING, STRING]),
      Set: fn([STRING, STRING]),
      Get: fn([STRING], [STRING]),
      Del: fn([STRING]),
      Has: fn([STRING], [BOOL]),
      Encode: fn([], [STRING]),
    }),
  },
  'net/textproto.MIMEHeader': {
    underlying: stringSlices,
    methods: () => ({ Add: fn([STRING, STRING]), Set: fn([STRING, STRING]), Get: fn([STRING], [STRING]), Del: fn([STRING]) }),
  },
  'net/http.Request': {
    underlying: () => OPAQUE_STRUCT,
    fields: () => ({ Header: header(), Trailer: header(), Form: urlValues(), PostForm: urlValues(), URL: ptr(externalNamed('net/url', 'URL')) }),
  },
  'net/http.Response': {
    underlying: () => OPAQUE_STRUCT,
    fields: () => ({ Header: header(), Trailer: header() }),
  },
  'net/http.ResponseWriter': {
    underlying: () => ({ kind: 'interface', methods: ['Header', 'Write', 'WriteHeader'], terms: null, incomplete: false }),
    methods: () => ({ Header: fn([], [header()]) }),
  },
  'net/http.ServeMux': {
    underlying: () => OPAQUE_STRUCT,
    methods: () => ({ HandleFunc: fn([STRING, handlerFunc()]), Handle: fn([STRING, ANY]) }),
  },
  'net/http.HandlerFunc': { underlying: () => handlerFunc() },
  'net/url.URL': {
    underlying: () => OPAQUE_STRUCT,
    methods: () => ({ Query: fn([], [urlValues()]) }),
  },
};

function handlerFunc(): FuncType {
  return fn([externalNamed('net/http', 'ResponseWriter'), ptr(externalNamed('net/http', 'Request'))]);
}

/** Names of the known external types whose underlying type is a map (for cheap text checks). */
export const KNOWN_MAP_TYPE_NAMES: readonly string[] = [
  ...new Set(
    Object.entries(KNOWN_TYPES)
      .filter(([, spec]) => spec.underlying().kind === 'map')
      .map(([key]) => key.slice(key.lastIndexOf('.') + 1)),
  ),
];

/** Methods of a known external named type. */
export function knownMethod(t: NamedType, name: string): FuncType | undefined {
  const spec = KNOWN_TYPES[`${t.pkg}.${t.name}`];
  return spec?.methods?.()[name];
}

/** Exported fields of a known external struct type. */
export function knownField(t: NamedType, name: string): Type | undefined {
  const spec = KNOWN_TYPES[`${t.pkg}.${t.name}`];
  return spec?.fields?.()[name];
}

/** Package-level functions of known packages: `reflect.ValueOf` and friends. */
const KNOWN_FUNCS: Record<string, () => FuncType> = {
  'reflect.ValueOf': () => fn([ANY], [reflectValue()]),
  'reflect.Zero': () => fn([reflectType()], [reflectValue()]),
  'reflect.New': () => fn([reflectType()], [reflectValue()]),
  'reflect.MakeMap': () => fn([reflectType()], [reflectValue()]),
  'reflect.MakeMapWithSize': () => fn([reflectType(), INT], [reflectValue()]),
  'reflect.Indirect': () => fn([reflectValue()], [reflectValue()]),
  'reflect.TypeOf': () => fn([ANY], [reflectType()]),
  'net/http.NewServeMux': () => fn([], [ptr(externalNamed('net/http', 'ServeMux'))]),
  'net/http.HandleFunc': () => fn([STRING, handlerFunc()]),
  'net/url.ParseQuery': () => fn([STRING], [urlValues(), ERROR]),
  'golang.org/x/sync/errgroup.WithContext': () => fn([ANY], [ptr(externalNamed('golang.org/x/sync/errgroup', 'Group')), UNKNOWN]),
};

export function knownFunc(pkg: string, name: string): FuncType | undefined {
  return KNOWN_FUNCS[`${pkg}.${name}`]?.();
}

/** The empty interface, for `any` and `interface{}`. */
export const EMPTY_INTERFACE = ANY;
export const ERROR_TYPE = ERROR;
