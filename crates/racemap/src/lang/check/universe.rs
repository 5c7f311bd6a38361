//! The universe scope: predeclared types (`int`, `string`, `any`, `error`, ...), constants
//! (`true`, `false`, `iota`), `nil`, and the builtin functions.
//!
//! Built once per language version and thread, then copied into every checker
//! ([`Checker::install_universe`]; memoization: building it, with the library's types, costs
//! several times what copying it does, and it depends on nothing but the language version).

use crate::diag::Span;
use crate::lang::check::generics::Constraint;
use crate::lang::check::info::{Builtin, ConstValue, Object, ObjectKind};
use crate::lang::check::scope::{ObjState, Scope};
use crate::lang::check::Checker;
use crate::lang::version::LangVersion;
use crate::types::{Basic, Signature, SyncKind, TypeId, TypeKind, TypeTable};
use litemap::LiteMap;
use std::cell::RefCell;

/// Name of the universe object that stands for `iota`.
pub const IOTA: &str = "iota";

/// What [`Checker::setup_universe`] and [`Checker::setup_comparable`] add to a new checker:
/// the only fields they change.
#[derive(Clone, Debug)]
struct Universe {
    /// The language version it was built for (`has_min_max_clear`).
    lang: LangVersion,
    /// Every type so far.
    types: TypeTable,
    /// The universe's objects (`info.objects`).
    objects: Vec<Object>,
    /// Their checker states (`states`).
    states: Vec<ObjState>,
    /// Scope 0.
    scope: Scope,
    /// The library's types.
    lib_types: LiteMap<(String, String), TypeId>,
    /// `error`.
    error_type: TypeId,
    /// `any`.
    any_type: TypeId,
    /// `comparable`'s constraint.
    constraints: LiteMap<TypeId, Constraint>,
    /// The library types' methods for dynamic dispatch (`info.lib_struct_methods`): they
    /// depend on the universe alone, so they are found once with it.
    lib_struct_methods: Vec<super::info::LibStructMethod>,
}

thread_local! {
    /// The universes built on this thread, one per language version asked for.
    static UNIVERSES: RefCell<Vec<Universe>> = const { RefCell::new(Vec::new()) };
}

impl<'a> Checker<'a> {
    /// Fill scope 0, create the library types and `comparable`, on a new checker (one with
    /// no objects, no types but the basic ones, empty scopes): a copy of the universe built
    /// first on this thread for its language version.
    pub(super) fn install_universe(&mut self) {
        let cached = UNIVERSES.with(|u| u.borrow().iter().find(|u| u.lang == self.lang).cloned());
        match cached {
            Some(u) => {
                self.types = u.types;
                self.info.objects = u.objects;
                self.states = u.states;
                self.scopes[0] = u.scope;
                self.lib_types = u.lib_types;
                self.error_type = u.error_type;
                self.any_type = u.any_type;
                self.generics.constraints = u.constraints;
                self.info.lib_struct_methods = u.lib_struct_methods;
            }
            None => {
                self.setup_universe();
                self.setup_comparable();
                self.record_lib_struct_methods();
                // Its types are shared by every checker's copy (a copy adds its own).
                self.types = std::mem::take(&mut self.types).freeze();
                let u = Universe {
                    lang: self.lang,
                    types: self.types.clone(),
                    objects: self.info.objects.clone(),
                    states: self.states.clone(),
                    scope: self.scopes[0].clone(),
                    lib_types: self.lib_types.clone(),
                    error_type: self.error_type,
                    any_type: self.any_type,
                    constraints: self.generics.constraints.clone(),
                    lib_struct_methods: self.info.lib_struct_methods.clone(),
                };
                UNIVERSES.with(|cache| cache.borrow_mut().push(u));
            }
        }
    }

    /// Fill scope 0 and create the library types.
    pub fn setup_universe(&mut self) {
        let basics = [
            ("bool", Basic::Bool),
            ("int", Basic::Int),
            ("int8", Basic::Int8),
            ("int16", Basic::Int16),
            ("int32", Basic::Int32),
            ("rune", Basic::Int32),
            ("int64", Basic::Int64),
            ("uint", Basic::Uint),
            ("uint8", Basic::Uint8),
            ("byte", Basic::Uint8),
            ("uint16", Basic::Uint16),
            ("uint32", Basic::Uint32),
            ("uint64", Basic::Uint64),
            ("uintptr", Basic::Uintptr),
            ("float32", Basic::Float32),
            ("float64", Basic::Float64),
            ("string", Basic::String),
        ];
        for (name, b) in basics {
            let ty = match name {
                "byte" => TypeTable::byte(),
                "rune" => TypeTable::rune(),
                _ => TypeTable::basic(b),
            };
            self.universe(name, ObjectKind::TypeName { ty });
        }
        let any = self.types.intern(TypeKind::Interface(vec![]));
        self.any_type = any;
        self.universe("any", ObjectKind::TypeName { ty: any });
        // error: interface { Error() string }
        let string = TypeTable::basic(Basic::String);
        let err_sig =
            self.types
                .intern(TypeKind::Func(Signature::new(vec![], vec![string], false)));
        let error = self.types.new_named("error", "");
        let iface = self
            .types
            .intern(TypeKind::Interface(vec![("Error".to_string(), err_sig)]));
        self.types.set_underlying(error, iface);
        self.error_type = error;
        self.universe("error", ObjectKind::TypeName { ty: error });
        let ub = TypeTable::basic(Basic::UntypedBool);
        self.universe(
            "true",
            ObjectKind::Const {
                ty: ub,
                value: ConstValue::Bool(true),
            },
        );
        self.universe(
            "false",
            ObjectKind::Const {
                ty: ub,
                value: ConstValue::Bool(false),
            },
        );
        self.universe(
            IOTA,
            ObjectKind::Const {
                ty: TypeTable::basic(Basic::UntypedInt),
                value: ConstValue::int(0),
            },
        );
        self.universe("nil", ObjectKind::Nil);
        use Builtin::*;
        for b in [
            Append, Cap, Clear, Close, Copy, Delete, Len, Make, Max, Min, New, Panic, Print,
            Println, Recover,
        ] {
            if matches!(b, Clear | Max | Min) && !self.lang.has_min_max_clear() {
                continue;
            }
            self.universe(b.name(), ObjectKind::Builtin(b));
        }
        // Library types.
        for &kind in SyncKind::ALL {
            let (path, name) = (kind.package_path(), kind.type_name());
            let pkg = path.rsplit('/').next().unwrap_or(path);
            let named = self.types.new_named(name, pkg);
            let under = self.types.intern(TypeKind::Sync(kind));
            self.types.set_underlying(named, under);
            self.lib_types
                .insert((path.to_string(), name.to_string()), named);
        }
        // Library interfaces: fmt.Stringer, io.Writer, sync.Locker, sort.Interface, runtime.Error (the
        // runtime's panics are its dynamic types: `rt/interp/dispatch.rs`).
        let string_sig = self.func_type(vec![], vec![string], false);
        let unit_sig = self.func_type(vec![], vec![], false);
        let int = TypeTable::basic(Basic::Int);
        let len_sig = self.func_type(vec![], vec![int], false);
        let less_sig = self.func_type(vec![int, int], vec![TypeTable::basic(Basic::Bool)], false);
        let swap_sig = self.func_type(vec![int, int], vec![], false);
        // io.Writer: Write(p []byte) (n int, err error); io.StringWriter: WriteString(s
        // string) (n int, err error).
        let bytes = self.types.intern(TypeKind::Slice(TypeTable::byte()));
        let error = self.error_type;
        let write_sig = self.func_type(vec![bytes], vec![int, error], false);
        let write_string_sig = self.func_type(vec![string], vec![int, error], false);
        for (path, name, methods) in [
            ("fmt", "Stringer", vec![("String".to_string(), string_sig)]),
            ("io", "Writer", vec![("Write".to_string(), write_sig)]),
            (
                "io",
                "StringWriter",
                vec![("WriteString".to_string(), write_string_sig)],
            ),
            (
                "sync",
                "Locker",
                vec![
                    ("Lock".to_string(), unit_sig),
                    ("Unlock".to_string(), unit_sig),
                ],
            ),
            (
                "runtime",
                "Error",
                vec![
                    ("Error".to_string(), string_sig),
                    ("RuntimeError".to_string(), unit_sig),
                ],
            ),
            (
                "sort",
                "Interface",
                vec![
                    ("Len".to_string(), len_sig),
                    ("Less".to_string(), less_sig),
                    ("Swap".to_string(), swap_sig),
                ],
            ),
        ] {
            let named = self.types.new_named(name, path);
            let under = self.types.intern(TypeKind::Interface(methods));
            self.types.set_underlying(named, under);
            self.lib_types
                .insert((path.to_string(), name.to_string()), named);
        }
        // sync.Cond: struct { L Locker; notify notifyList } (the notify list is runtime state;
        // see rt::cond). Its methods are in `lookup_member`.
        let notify = self.types.new_named("notifyList", "sync");
        let notify_state = self.types.intern(TypeKind::Sync(SyncKind::CondNotify));
        self.types.set_underlying(notify, notify_state);
        let locker = self.lib_types[&("sync".to_string(), "Locker".to_string())];
        let cond = self.types.new_named("Cond", "sync");
        let cond_struct = self.types.intern(TypeKind::Struct(vec![
            crate::types::Field {
                name: "L".to_string(),
                ty: locker,
                embedded: false,
            },
            crate::types::Field {
                name: "notify".to_string(),
                ty: notify,
                embedded: false,
            },
        ]));
        self.types.set_underlying(cond, cond_struct);
        self.lib_types
            .insert(("sync".to_string(), "Cond".to_string()), cond);
        // math/rand.Source: the generator's state (an int64 word, rt/rand.rs); math/rand.Rand:
        // struct { src Source; draws int } (two words each draw updates, as Go's rngSource
        // updates its `tap` and `feed`). Rand's methods are in `lookup_member`.
        let source = self.types.new_named("Source", "math/rand");
        self.types
            .set_underlying(source, TypeTable::basic(Basic::Int64));
        let rand = self.types.new_named("Rand", "math/rand");
        let rand_struct = self.types.intern(TypeKind::Struct(vec![
            crate::types::Field {
                name: "src".to_string(),
                ty: source,
                embedded: false,
            },
            crate::types::Field {
                name: "draws".to_string(),
                ty: TypeTable::basic(Basic::Int),
                embedded: false,
            },
        ]));
        self.types.set_underlying(rand, rand_struct);
        for (name, ty) in [("Source", source), ("Rand", rand)] {
            self.lib_types
                .insert(("math/rand".to_string(), name.to_string()), ty);
        }
        // strings.Builder: struct { addr *Builder; buf string; cap int } (Go's copy check: the
        // address of the Builder at its first write; the bytes written so far and the capacity
        // of Go's `buf []byte`, its header's three words).
        let builder = self.types.new_named("Builder", "strings");
        let builder_ptr = self.types.intern(TypeKind::Pointer(builder));
        let builder_struct = self.types.intern(TypeKind::Struct(vec![
            crate::types::Field {
                name: "addr".to_string(),
                ty: builder_ptr,
                embedded: false,
            },
            crate::types::Field {
                name: "buf".to_string(),
                ty: string,
                embedded: false,
            },
            crate::types::Field {
                name: "cap".to_string(),
                ty: TypeTable::basic(Basic::Int),
                embedded: false,
            },
        ]));
        self.types.set_underlying(builder, builder_struct);
        self.lib_types
            .insert(("strings".to_string(), "Builder".to_string()), builder);
        // strings.Replacer: struct { oldnew []string } (the pairs NewReplacer was given).
        let replacer = self.types.new_named("Replacer", "strings");
        let strings = self.types.intern(TypeKind::Slice(string));
        let replacer_struct = self
            .types
            .intern(TypeKind::Struct(vec![crate::types::Field {
                name: "oldnew".to_string(),
                ty: strings,
                embedded: false,
            }]));
        self.types.set_underlying(replacer, replacer_struct);
        self.lib_types
            .insert(("strings".to_string(), "Replacer".to_string()), replacer);
        // bytes.Buffer: struct { buf string; cap int; off int; lastRead int } (the bytes of
        // Go's `buf []byte` and its capacity, `off`, `lastRead`; see rt/interp/buffer.rs).
        let buffer = self.types.new_named("Buffer", "bytes");
        let int = TypeTable::basic(Basic::Int);
        let buffer_struct = self.types.intern(TypeKind::Struct(
            [
                ("buf", string),
                ("cap", int),
                ("off", int),
                ("lastRead", int),
            ]
            .into_iter()
            .map(|(name, ty)| crate::types::Field {
                name: name.to_string(),
                ty,
                embedded: false,
            })
            .collect(),
        ));
        self.types.set_underlying(buffer, buffer_struct);
        self.lib_types
            .insert(("bytes".to_string(), "Buffer".to_string()), buffer);
        // os.File: struct { fd int } (racemap's files are os.Stdout and os.Stderr).
        let file = self.types.new_named("File", "os");
        let file_struct = self
            .types
            .intern(TypeKind::Struct(vec![crate::types::Field {
                name: "fd".to_string(),
                ty: TypeTable::basic(Basic::Int),
                embedded: false,
            }]));
        self.types.set_underlying(file, file_struct);
        self.lib_types
            .insert(("os".to_string(), "File".to_string()), file);
        // io.discard: struct{} (io.Discard's dynamic type).
        let discard = self.types.new_named("discard", "io");
        let empty = self.types.intern(TypeKind::Struct(Vec::new()));
        self.types.set_underlying(discard, empty);
        self.lib_types
            .insert(("io".to_string(), "discard".to_string()), discard);
        // unicode.RangeTable: struct { table int } (the table's number in racemap's generated
        // tables, rt/unicode.rs; Go's R16, R32 and LatinOffset are not offered).
        let range_table = self.types.new_named("RangeTable", "unicode");
        let range_struct = self
            .types
            .intern(TypeKind::Struct(vec![crate::types::Field {
                name: "table".to_string(),
                ty: TypeTable::basic(Basic::Int),
                embedded: false,
            }]));
        self.types.set_underlying(range_table, range_struct);
        self.lib_types.insert(
            ("unicode".to_string(), "RangeTable".to_string()),
            range_table,
        );
        // strconv.NumError: struct { Func, Num string; Err error }; its methods Error and
        // Unwrap (pointer receivers) are library rows.
        let num_error = self.types.new_named("NumError", "strconv");
        let field = |name: &str, ty| crate::types::Field {
            name: name.to_string(),
            ty,
            embedded: false,
        };
        let num_struct = self.types.intern(TypeKind::Struct(vec![
            field("Func", string),
            field("Num", string),
            field("Err", error),
        ]));
        self.types.set_underlying(num_error, num_struct);
        self.lib_types
            .insert(("strconv".to_string(), "NumError".to_string()), num_error);
        // sort.IntSlice, StringSlice, Float64Slice: named slices; their methods are library
        // rows that lowering compiles (`lang/lower/sort_types.rs`).
        for (name, elem) in [
            ("IntSlice", TypeTable::basic(Basic::Int)),
            ("StringSlice", string),
            ("Float64Slice", TypeTable::basic(Basic::Float64)),
        ] {
            let named = self.types.new_named(name, "sort");
            let under = self.types.intern(TypeKind::Slice(elem));
            self.types.set_underlying(named, under);
            self.lib_types
                .insert(("sort".to_string(), name.to_string()), named);
        }
        let duration = self.types.new_named("Duration", "time");
        self.types
            .set_underlying(duration, TypeTable::basic(Basic::Int64));
        self.lib_types
            .insert(("time".to_string(), "Duration".to_string()), duration);
        self.declare_time_types();
        self.declare_context_types();
        self.declare_log_types();
        self.declare_pool_type();
        self.declare_benchmark_types();
        self.declare_testing_tb();
    }

    /// `log.Logger`: the standard logger's cell (`rt/interp/log.rs`), `struct { prefix string;
    /// flagx int; mu sync.Mutex; out int; w io.Writer }`, `out` the file descriptor it writes
    /// (0: os.Stderr, so that the zero cell is the standard logger; -1: another writer), `w`
    /// the writer it was given.
    fn declare_log_types(&mut self) {
        let field = |name: &str, ty| crate::types::Field {
            name: name.to_string(),
            ty,
            embedded: false,
        };
        let mutex = self.lib_types[&("sync".to_string(), "Mutex".to_string())];
        let writer = self.lib_types[&("io".to_string(), "Writer".to_string())];
        let int = TypeTable::basic(Basic::Int);
        let under = self.types.intern(TypeKind::Struct(vec![
            field("prefix", TypeTable::basic(Basic::String)),
            field("flagx", int),
            field("mu", mutex),
            field("out", int),
            field("w", writer),
        ]));
        let logger = self.types.new_named("Logger", "log");
        self.types.set_underlying(logger, under);
        self.lib_types
            .insert(("log".to_string(), "Logger".to_string()), logger);
    }

    /// `sync.Pool`: `struct { New func() any; items []any }`, `items` the pooled values in the
    /// order they were put (`rt/interp/pool.rs`).
    fn declare_pool_type(&mut self) {
        let field = |name: &str, ty| crate::types::Field {
            name: name.to_string(),
            ty,
            embedded: false,
        };
        let any = self.types.intern(TypeKind::Interface(Vec::new()));
        let new = self.func_type(vec![], vec![any], false);
        let items = self.types.intern(TypeKind::Slice(any));
        let under = self.types.intern(TypeKind::Struct(vec![
            field("New", new),
            field("items", items),
        ]));
        let pool = self.types.new_named("Pool", "sync");
        self.types.set_underlying(pool, under);
        self.lib_types
            .insert(("sync".to_string(), "Pool".to_string()), pool);
    }

    /// `testing.B` (`struct { N int }`) and `testing.PB` (`struct {}`): a test file's benchmarks
    /// type-check (their methods are library rows) but never run, as under `go test` without
    /// `-bench`. And `testing.M`, `TestMain`'s.
    fn declare_benchmark_types(&mut self) {
        let b = self.types.new_named("B", "testing");
        let b_struct = self
            .types
            .intern(TypeKind::Struct(vec![crate::types::Field {
                name: "N".to_string(),
                ty: TypeTable::basic(Basic::Int),
                embedded: false,
            }]));
        self.types.set_underlying(b, b_struct);
        self.lib_types
            .insert(("testing".to_string(), "B".to_string()), b);
        let pb = self.types.new_named("PB", "testing");
        let pb_struct = self.types.intern(TypeKind::Struct(Vec::new()));
        self.types.set_underlying(pb, pb_struct);
        self.lib_types
            .insert(("testing".to_string(), "PB".to_string()), pb);
        // testing.M: struct { exitCode int } (what `m.Run()` returned; the test binary's main
        // exits with it after `TestMain`).
        let m = self.types.new_named("M", "testing");
        let m_struct = self
            .types
            .intern(TypeKind::Struct(vec![crate::types::Field {
                name: "exitCode".to_string(),
                ty: TypeTable::basic(Basic::Int),
                embedded: false,
            }]));
        self.types.set_underlying(m, m_struct);
        self.lib_types
            .insert(("testing".to_string(), "M".to_string()), m);
    }

    /// `testing.TB`: the interface `*testing.T` and `*testing.B` implement, its methods
    /// `*T`'s (signatures from their rows), in name order as go/types keeps them; its
    /// unexported `private()` keeps other types out (the checker refuses a selector naming it).
    fn declare_testing_tb(&mut self) {
        const METHODS: &[&str] = &[
            "Cleanup", "Error", "Errorf", "Fail", "FailNow", "Failed", "Fatal", "Fatalf", "Helper",
            "Log", "Logf", "Name", "Setenv", "Skip", "SkipNow", "Skipf", "Skipped", "TempDir",
            "private",
        ];
        let owner = crate::library::Owner::Sync(SyncKind::TestingT);
        let methods = METHODS
            .iter()
            .filter_map(|&name| {
                let (_, sig) = self.lib_method(owner, name)?;
                Some((name.to_string(), sig))
            })
            .collect();
        let tb = self.types.new_named("TB", "testing");
        let under = self.types.intern(TypeKind::Interface(methods));
        self.types.set_underlying(tb, under);
        self.lib_types
            .insert(("testing".to_string(), "TB".to_string()), tb);
    }

    /// `time.Time` (`struct { wall int64 }`: nanoseconds of the virtual clock plus one, 0 the
    /// zero `Time`), and `time.Timer` and `time.Ticker` (`struct { C <-chan Time; r
    /// runtimeTimer }`, the runtime timer's state living in `rt::timer`). Their methods are in `lookup_member`.
    fn declare_time_types(&mut self) {
        let field = |name: &str, ty| crate::types::Field {
            name: name.to_string(),
            ty,
            embedded: false,
        };
        let time = self.types.new_named("Time", "time");
        let time_struct = self.types.intern(TypeKind::Struct(vec![field(
            "wall",
            TypeTable::basic(Basic::Int64),
        )]));
        self.types.set_underlying(time, time_struct);
        self.lib_types
            .insert(("time".to_string(), "Time".to_string()), time);
        let runtime_timer = self.types.new_named("runtimeTimer", "time");
        let state = self.types.intern(TypeKind::Sync(SyncKind::Timer));
        self.types.set_underlying(runtime_timer, state);
        let chan = self
            .types
            .intern(TypeKind::Chan(crate::types::ChanDir::Recv, time));
        for name in ["Timer", "Ticker"] {
            let named = self.types.new_named(name, "time");
            let under = self.types.intern(TypeKind::Struct(vec![
                field("C", chan),
                field("r", runtime_timer),
            ]));
            self.types.set_underlying(named, under);
            self.lib_types
                .insert(("time".to_string(), name.to_string()), named);
        }
    }

    /// `context.Context` (the interface `{ Deadline() (time.Time, bool); Done() <-chan
    /// struct{}; Err() error; Value(key any) any }`), `context.CancelFunc` (`func()`), and the
    /// hidden `context.cancelCtx` whose pointer is the dynamic type of the contexts package
    /// `context` makes (its state lives in `rt::context`; its methods are library rows).
    fn declare_context_types(&mut self) {
        let time = self.lib_types[&("time".to_string(), "Time".to_string())];
        let (error, any) = (self.error_type, self.any_type);
        let empty = self.types.intern(TypeKind::Struct(Vec::new()));
        let done = self
            .types
            .intern(TypeKind::Chan(crate::types::ChanDir::Recv, empty));
        let methods = vec![
            (
                "Deadline".to_string(),
                self.func_type(vec![], vec![time, TypeTable::basic(Basic::Bool)], false),
            ),
            (
                "Done".to_string(),
                self.func_type(vec![], vec![done], false),
            ),
            (
                "Err".to_string(),
                self.func_type(vec![], vec![error], false),
            ),
            (
                "Value".to_string(),
                self.func_type(vec![any], vec![any], false),
            ),
        ];
        let context = self.types.new_named("Context", "context");
        let under = self.types.intern(TypeKind::Interface(methods));
        self.types.set_underlying(context, under);
        self.lib_types
            .insert(("context".to_string(), "Context".to_string()), context);
        let cancel_func = self.types.new_named("CancelFunc", "context");
        let unit = self.func_type(vec![], vec![], false);
        self.types.set_underlying(cancel_func, unit);
        self.lib_types.insert(
            ("context".to_string(), "CancelFunc".to_string()),
            cancel_func,
        );
        let cancel_ctx = self.types.new_named("cancelCtx", "context");
        let state = self.types.intern(TypeKind::Sync(SyncKind::Context));
        self.types.set_underlying(cancel_ctx, state);
        self.types.intern(TypeKind::Pointer(cancel_ctx));
    }

    fn universe(&mut self, name: &str, kind: ObjectKind) {
        let id = self.new_object(name, Span::default(), kind);
        self.scopes[0].names.insert(name.to_string(), id);
    }

    /// Whether `obj` is the universe's `iota`.
    pub fn is_iota(&self, obj: crate::lang::check::info::ObjectId) -> bool {
        self.scopes[0].names.get(IOTA) == Some(&obj)
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::check::Checker;
    use crate::lang::version::LangVersion;

    /// A checker's universe copied from the thread's cache is the one built afresh, for each
    /// language version, whether the cache held it before or not.
    #[test]
    fn cached_universe_is_the_built_one() {
        let (file, _) = crate::lang::parser::parse("package main\n\nfunc main() {}\n");
        for lang in [
            LangVersion::GO1_19,
            LangVersion::GO1_21,
            LangVersion::GO1_22,
        ] {
            for _ in 0..2 {
                let cached = Checker::new(&file, lang);
                let mut built = Checker::bare(&file, lang);
                built.setup_universe();
                built.setup_comparable();
                built.record_lib_struct_methods();
                assert_eq!(cached.types, built.types);
                assert_eq!(
                    cached.info.lib_struct_methods,
                    built.info.lib_struct_methods
                );
                assert_eq!(cached.info.objects, built.info.objects);
                assert_eq!(
                    format!("{:?} {:?}", cached.states, cached.scopes),
                    format!("{:?} {:?}", built.states, built.scopes)
                );
                assert_eq!(cached.lib_types, built.lib_types);
                assert_eq!(
                    (cached.error_type, cached.any_type),
                    (built.error_type, built.any_type)
                );
                assert_eq!(
                    format!("{:?}", cached.generics),
                    format!("{:?}", built.generics)
                );
            }
        }
    }
}
