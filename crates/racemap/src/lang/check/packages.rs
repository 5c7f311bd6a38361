//! The library packages racemap knows: `errors`, `fmt`, `math` (its constants and basic
//! functions), `log` (the standard logger), `math/rand`, `runtime`, `sort`, `sync`, `sync/atomic`,
//! `testing` (`T`), `time`, `strconv`, `strings`, `os` (`Stdout`, `Stderr`, `Exit`), and the methods of their types. Each member is a [`LibFunc`] the VM
//! implements natively (its signature comes from its row of `library.rs`'s table), a constant
//! (`time.Millisecond`), or a type (`sync.Mutex`).

use crate::diag::Span;
use crate::lang::check::info::{ConstValue, ObjectId, ObjectKind};
use crate::lang::check::Checker;
use crate::library::{LibFunc, LibType, Owner};
use crate::types::{Signature, TypeId, TypeKind, TypeTable};

/// Import paths racemap supports.
pub const SUPPORTED_IMPORTS: &[&str] = &[
    "errors",
    "fmt",
    "sync",
    "sync/atomic",
    "time",
    "strconv",
    "strings",
    "runtime",
    "testing",
    "context",
    "sort",
    "math/rand",
    "math",
    "log",
    "os",
    "io",
    "bytes",
    "unicode",
    "unicode/utf8",
];

impl<'a> Checker<'a> {
    /// A `TypeKind::Func` type.
    pub fn func_type(
        &mut self,
        params: Vec<TypeId>,
        results: Vec<TypeId>,
        variadic: bool,
    ) -> TypeId {
        self.types
            .intern(TypeKind::Func(Signature::new(params, results, variadic)))
    }

    /// The member `name` of imported package `path`, materialized as an object on first use.
    pub fn lib_member(&mut self, path: &str, name: &str) -> Option<ObjectId> {
        let key = (path.to_string(), name.to_string());
        if let Some(&o) = self.lib_objects.get(&key) {
            return Some(o);
        }
        let kind = self.lib_member_kind(path, name)?;
        let o = self.new_object(name, Span::default(), kind);
        self.lib_objects.insert(key, o);
        Some(o)
    }

    fn lib_member_kind(&mut self, path: &str, name: &str) -> Option<ObjectKind> {
        if let Some(ty) = self.lib_named(path, name) {
            return Some(ObjectKind::TypeName { ty });
        }
        if let Some(value) = duration_constant(path, name) {
            let ty = self.lib_named("time", "Duration")?;
            return Some(ObjectKind::Const {
                ty,
                value: ConstValue::int(value),
            });
        }
        if let Some((basic, value)) = crate::lang::check::math_constants::math_constant(path, name)
        {
            return Some(ObjectKind::Const {
                ty: TypeTable::basic(basic),
                value,
            });
        }
        if let Some((basic, value)) = rune_constant(path, name) {
            return Some(ObjectKind::Const {
                ty: TypeTable::basic(basic),
                value: ConstValue::int(value),
            });
        }
        if let Some(value) = log_constant(path, name) {
            return Some(ObjectKind::Const {
                ty: TypeTable::basic(crate::types::Basic::UntypedInt),
                value: ConstValue::int(value),
            });
        }
        if let Some(func) = LibFunc::package_var(path, name) {
            let ty = func.spec().results.first().map(|t| self.lib_type(t))?;
            return Some(ObjectKind::LibVar { func, ty });
        }
        let func = LibFunc::package_function(path, name)?;
        let ty = self.lib_signature(func);
        Some(ObjectKind::Lib { func, ty })
    }

    /// The library's named type `path.name` (`time.Duration`, `sync.Cond`), if declared:
    /// looked up without building a key (the checker asks per selector and per method).
    pub(crate) fn lib_named(&self, path: &str, name: &str) -> Option<TypeId> {
        self.lib_types
            .get_by(|(p, n)| (p.as_str(), n.as_str()).cmp(&(path, name)))
            .copied()
    }

    /// A method of a library type (`(*sync.Mutex).Lock`, all with pointer receivers) or of the
    /// `error` interface: the function and its signature (without receiver). Methods added after
    /// the program's language version do not exist (`sync.Map`'s `Swap` before go1.20).
    pub fn lib_method(&mut self, owner: Owner, name: &str) -> Option<(LibFunc, TypeId)> {
        let func = LibFunc::method(owner, name)?;
        if matches!(func, LibFunc::SyncMapSwap | LibFunc::SyncMapCompareAndSwap)
            && !self.lang.has_sync_map_swap()
        {
            return None;
        }
        Some((func, self.lib_signature(func)))
    }

    /// The signature of a library function (without receiver), from its row of the table,
    /// spelled with Go's parameter and result names ([`LibFunc::param_names`]).
    pub(crate) fn lib_signature(&mut self, func: LibFunc) -> TypeId {
        let spec = func.spec();
        let names = func.param_names();
        let params: Vec<TypeId> = spec
            .params
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let inner = names.params.get(i).map_or(&[][..], |(_, inner)| &inner[..]);
                self.lib_type_named(t, inner)
            })
            .collect();
        let results: Vec<TypeId> = spec.results.iter().map(|t| self.lib_type(t)).collect();
        let fits = names.params.len() == params.len()
            && (names.results.is_empty() || names.results.len() == results.len());
        let mut spelled: Vec<String> = Vec::new();
        if fits && (!names.params.is_empty() || !names.results.is_empty()) {
            spelled.extend(names.params.iter().map(|(n, _)| n.to_string()));
            spelled.extend((0..results.len()).map(|i| {
                names
                    .results
                    .get(i)
                    .map_or(String::new(), |n| n.to_string())
            }));
        }
        self.types.intern(TypeKind::Func(Signature {
            params,
            results,
            variadic: spec.variadic,
            names: spelled,
        }))
    }

    /// [`Self::lib_type`], a function type spelled with its parameters' `names` (`less
    /// func(i, j int) bool`, the parameter of `sort.Slice`) when they fit.
    fn lib_type_named(&mut self, t: &LibType, names: &[&str]) -> TypeId {
        match *t {
            LibType::Func(params, results) if names.len() == params.len() && !names.is_empty() => {
                let params = params.iter().map(|t| self.lib_type(t)).collect();
                let results: Vec<TypeId> = results.iter().map(|t| self.lib_type(t)).collect();
                let spelled = names
                    .iter()
                    .map(|n| n.to_string())
                    .chain(results.iter().map(|_| String::new()))
                    .collect();
                self.types.intern(TypeKind::Func(Signature {
                    params,
                    results,
                    variadic: false,
                    names: spelled,
                }))
            }
            _ => self.lib_type(t),
        }
    }

    /// The type a library signature's [`LibType`] names.
    fn lib_type(&mut self, t: &LibType) -> TypeId {
        match *t {
            LibType::Basic(b) => TypeTable::basic(b),
            LibType::Alias(crate::types::Basic::Uint8) => TypeTable::byte(),
            LibType::Alias(crate::types::Basic::Int32) => TypeTable::rune(),
            LibType::Alias(b) => TypeTable::basic(b),
            LibType::Any => self.any_type,
            LibType::Error => self.error_type,
            LibType::Named(path, name) => (self.lib_named(path, name))
                .expect("the universe declares every library type a signature names"),
            LibType::Slice(elem) => {
                let elem = self.lib_type(elem);
                self.types.intern(TypeKind::Slice(elem))
            }
            LibType::Pointer(elem) => {
                let elem = self.lib_type(elem);
                self.types.intern(TypeKind::Pointer(elem))
            }
            LibType::EmptyStruct => self.types.intern(TypeKind::Struct(Vec::new())),
            LibType::RecvChan(elem) => {
                let elem = self.lib_type(elem);
                self.types
                    .intern(TypeKind::Chan(crate::types::ChanDir::Recv, elem))
            }
            LibType::Func(params, results) => {
                let params = params.iter().map(|t| self.lib_type(t)).collect();
                let results = results.iter().map(|t| self.lib_type(t)).collect();
                self.func_type(params, results, false)
            }
            LibType::TypeArg => self
                .lib_type_arg
                .unwrap_or(TypeTable::basic(crate::types::Basic::Invalid)),
        }
    }
}

/// Package `unicode/utf8`'s or `unicode`'s constant `name`: its untyped kind and value.
fn rune_constant(path: &str, name: &str) -> Option<(crate::types::Basic, i64)> {
    use crate::types::Basic::{UntypedInt, UntypedRune};
    Some(match (path, name) {
        ("unicode/utf8", "RuneError") | ("unicode", "ReplacementChar") => (UntypedRune, 0xFFFD),
        ("unicode/utf8", "RuneSelf") => (UntypedInt, 0x80),
        ("unicode/utf8" | "unicode", "MaxRune") => (UntypedRune, 0x10FFFF),
        ("unicode/utf8", "UTFMax") => (UntypedInt, 4),
        ("unicode", "MaxASCII") => (UntypedRune, 0x7F),
        ("unicode", "MaxLatin1") => (UntypedRune, 0xFF),
        ("unicode", "UpperCase") => (UntypedInt, 0),
        ("unicode", "LowerCase") => (UntypedInt, 1),
        ("unicode", "TitleCase") => (UntypedInt, 2),
        ("unicode", "MaxCase") => (UntypedInt, 3),
        _ => return None,
    })
}

/// The value of package `log`'s flag constant `name` (`log.Lshortfile`).
fn log_constant(path: &str, name: &str) -> Option<i64> {
    if path != "log" {
        return None;
    }
    Some(match name {
        "Ldate" => 1,
        "Ltime" => 2,
        "Lmicroseconds" => 4,
        "Llongfile" => 8,
        "Lshortfile" => 16,
        "LUTC" => 32,
        "Lmsgprefix" => 64,
        "LstdFlags" => 3,
        _ => return None,
    })
}

/// The value of the `time` package's duration constant `name` (`time.Millisecond`), in
/// nanoseconds.
fn duration_constant(path: &str, name: &str) -> Option<i128> {
    if path != "time" {
        return None;
    }
    Some(match name {
        "Nanosecond" => 1,
        "Microsecond" => 1_000,
        "Millisecond" => 1_000_000,
        "Second" => 1_000_000_000,
        "Minute" => 60_000_000_000,
        "Hour" => 3_600_000_000_000,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the library table is found under its owner and name, and its signature
    /// prints as Go declares it.
    #[test]
    fn every_library_function_resolves_to_its_go_signature() {
        let (file, diags) = crate::lang::parser::parse("package main\n");
        assert!(diags.is_empty(), "{diags:?}");
        let mut c = Checker::new(&file, crate::lang::version::LangVersion::DEFAULT);
        let mut lines = Vec::new();
        for &f in LibFunc::ALL {
            let spec = f.spec();
            let ty = match spec.owner {
                Owner::Package(path) | Owner::PackageVar(path) => {
                    match c.lib_member(path, spec.name) {
                        Some(o) => match c.info.object(o).kind {
                            ObjectKind::Lib { func, ty } | ObjectKind::LibVar { func, ty }
                                if func == f =>
                            {
                                ty
                            }
                            ref other => panic!("{f:?} resolves to {other:?}"),
                        },
                        None => panic!("{f:?} not found"),
                    }
                }
                owner => match c.lib_method(owner, spec.name) {
                    Some((func, ty)) if func == f => ty,
                    other => panic!("{f:?} resolves to {other:?}"),
                },
            };
            let sig = c.types.display(ty, true);
            lines.push(format!("{} {sig}\n", f.go_name()));
        }
        expect_test::expect![[r#"
            fmt.Print func(a ...interface {}) (n int, err error)
            fmt.Println func(a ...interface {}) (n int, err error)
            fmt.Printf func(format string, a ...interface {}) (n int, err error)
            fmt.Sprint func(a ...interface {}) string
            fmt.Sprintln func(a ...interface {}) string
            fmt.Sprintf func(format string, a ...interface {}) string
            fmt.Fprint func(w io.Writer, a ...interface {}) (n int, err error)
            fmt.Fprintln func(w io.Writer, a ...interface {}) (n int, err error)
            fmt.Fprintf func(w io.Writer, format string, a ...interface {}) (n int, err error)
            fmt.FprintFile func(w *os.File, a ...interface {}) (n int, err error)
            fmt.FprintlnFile func(w *os.File, a ...interface {}) (n int, err error)
            fmt.FprintfFile func(w *os.File, format string, a ...interface {}) (n int, err error)
            fmt.Fprint func(w *strings.Builder, a ...interface {}) (n int, err error)
            fmt.Fprintln func(w *strings.Builder, a ...interface {}) (n int, err error)
            fmt.Fprintf func(w *strings.Builder, format string, a ...interface {}) (n int, err error)
            fmt.FprintBuffer func(*bytes.Buffer, ...interface {}) (int, error)
            fmt.FprintlnBuffer func(*bytes.Buffer, ...interface {}) (int, error)
            fmt.FprintfBuffer func(*bytes.Buffer, string, ...interface {}) (int, error)
            os.Stdout *os.File
            os.Stderr *os.File
            os.Args []string
            os.Exit func(code int)
            fmt.Errorf func(format string, a ...interface {}) error
            errors.New func(text string) error
            errors.Is func(err error, target error) bool
            errors.Unwrap func(err error) error
            errors.As func(err error, target interface {}) bool
            error.Error func() string
            strings.Contains func(s string, substr string) bool
            strings.HasPrefix func(s string, prefix string) bool
            strings.HasSuffix func(s string, suffix string) bool
            strings.Repeat func(s string, count int) string
            strings.ToUpper func(s string) string
            strings.ToLower func(s string) string
            strings.Join func(elems []string, sep string) string
            strings.Split func(s string, sep string) []string
            strings.Fields func(s string) []string
            strings.Title func(s string) string
            strings.Map func(mapping func(rune) rune, s string) string
            strings.IndexFunc func(s string, f func(rune) bool) int
            strings.LastIndexFunc func(s string, f func(rune) bool) int
            strings.TrimFunc func(s string, f func(rune) bool) string
            strings.TrimLeftFunc func(s string, f func(rune) bool) string
            strings.TrimRightFunc func(s string, f func(rune) bool) string
            strings.FieldsFunc func(s string, f func(rune) bool) []string
            strings.FieldsFunc.spans func(string, string) []string
            strings.TrimSpace func(s string) string
            strings.Trim func(s string, cutset string) string
            strings.TrimLeft func(s string, cutset string) string
            strings.TrimRight func(s string, cutset string) string
            strings.TrimPrefix func(s string, prefix string) string
            strings.TrimSuffix func(s string, suffix string) string
            strings.Index func(s string, substr string) int
            strings.LastIndex func(s string, substr string) int
            strings.IndexByte func(s string, c byte) int
            strings.IndexRune func(s string, r rune) int
            strings.Replace func(s string, old string, new string, n int) string
            strings.ReplaceAll func(s string, old string, new string) string
            strings.Count func(s string, substr string) int
            strings.EqualFold func(s string, t string) bool
            strings.SplitN func(s string, sep string, n int) []string
            strings.SplitAfter func(s string, sep string) []string
            strings.ContainsAny func(s string, chars string) bool
            strings.ContainsRune func(s string, r rune) bool
            strings.IndexAny func(s string, chars string) int
            strings.LastIndexByte func(s string, c byte) int
            strings.Cut func(s string, sep string) (before string, after string, found bool)
            strings.CutPrefix func(string, string) (string, bool)
            strings.CutSuffix func(string, string) (string, bool)
            strings.Clone func(s string) string
            strings.Compare func(a string, b string) int
            strings.NewReplacer func(oldnew ...string) *strings.Replacer
            strings.(*Replacer).Replace func(s string) string
            strings.(*Builder).WriteString func(s string) (int, error)
            strings.(*Builder).Write func(p []byte) (int, error)
            strings.(*Builder).WriteByte func(c byte) error
            strings.(*Builder).WriteRune func(r rune) (int, error)
            strings.(*Builder).String func() string
            strings.(*Builder).Len func() int
            strings.(*Builder).Reset func()
            strings.(*Builder).Grow func(n int)
            strings.(*Builder).Cap func() int
            bytes.(*Buffer).WriteString func(s string) (n int, err error)
            bytes.(*Buffer).Write func(p []byte) (n int, err error)
            bytes.(*Buffer).WriteByte func(c byte) error
            bytes.(*Buffer).WriteRune func(r rune) (n int, err error)
            bytes.(*Buffer).String func() string
            bytes.(*Buffer).Len func() int
            bytes.(*Buffer).Reset func()
            bytes.(*Buffer).Cap func() int
            strings.builderAppend func(*strings.Builder, string, string, int, int, int)
            bytes.bufferCopy func(*bytes.Buffer, string, string, int, int, int, int, int, int)
            strconv.Itoa func(i int) string
            strconv.Atoi func(s string) (int, error)
            strconv.FormatInt func(i int64, base int) string
            strconv.FormatUint func(i uint64, base int) string
            strconv.ParseInt func(s string, base int, bitSize int) (i int64, err error)
            strconv.ParseUint func(s string, base int, bitSize int) (uint64, error)
            strconv.ParseBool func(str string) (bool, error)
            strconv.FormatBool func(b bool) string
            strconv.Quote func(s string) string
            strconv.QuoteRune func(r rune) string
            strconv.QuoteToASCII func(s string) string
            strconv.QuoteRuneToASCII func(r rune) string
            strconv.Unquote func(s string) (string, error)
            strconv.UnquoteChar func(s string, quote byte) (value rune, multibyte bool, tail string, err error)
            strconv.ErrSyntax error
            strconv.ErrRange error
            strconv.ParseFloat func(s string, bitSize int) (float64, error)
            strconv.FormatFloat func(f float64, fmt byte, prec int, bitSize int) string
            strconv.(*NumError).Error func() string
            strconv.(*NumError).Unwrap func() error
            unicode/utf8.DecodeLastRuneInString func(s string) (r rune, size int)
            unicode/utf8.DecodeRuneInString func(s string) (r rune, size int)
            unicode/utf8.RuneCountInString func(s string) (n int)
            unicode/utf8.ValidString func(s string) bool
            unicode/utf8.RuneLen func(r rune) int
            unicode/utf8.ValidRune func(r rune) bool
            unicode/utf8.Valid func(p []byte) bool
            unicode/utf8.DecodeRune func(p []byte) (r rune, size int)
            unicode/utf8.DecodeLastRune func(p []byte) (r rune, size int)
            unicode/utf8.RuneCount func(p []byte) int
            unicode/utf8.FullRune func(p []byte) bool
            unicode/utf8.FullRuneInString func(s string) bool
            unicode/utf8.RuneStart func(b byte) bool
            unicode/utf8.EncodeRune func(p []byte, r rune) int
            unicode/utf8.AppendRune func(p []byte, r rune) []byte
            unicode.IsLetter func(r rune) bool
            unicode.IsUpper func(r rune) bool
            unicode.IsLower func(r rune) bool
            unicode.IsTitle func(r rune) bool
            unicode.IsDigit func(r rune) bool
            unicode.IsNumber func(r rune) bool
            unicode.IsMark func(r rune) bool
            unicode.IsPunct func(r rune) bool
            unicode.IsSymbol func(r rune) bool
            unicode.IsSpace func(r rune) bool
            unicode.IsControl func(r rune) bool
            unicode.IsGraphic func(r rune) bool
            unicode.IsPrint func(r rune) bool
            unicode.ToUpper func(r rune) rune
            unicode.ToLower func(r rune) rune
            unicode.ToTitle func(r rune) rune
            unicode.To func(_case int, r rune) rune
            unicode.Is func(rangeTab *unicode.RangeTable, r rune) bool
            unicode.In func(r rune, ranges ...*unicode.RangeTable) bool
            unicode.IsOneOf func(ranges []*unicode.RangeTable, r rune) bool
            unicode.L *unicode.RangeTable
            unicode.Letter *unicode.RangeTable
            unicode.Lu *unicode.RangeTable
            unicode.Upper *unicode.RangeTable
            unicode.Ll *unicode.RangeTable
            unicode.Lower *unicode.RangeTable
            unicode.Lt *unicode.RangeTable
            unicode.Title *unicode.RangeTable
            unicode.Lm *unicode.RangeTable
            unicode.M *unicode.RangeTable
            unicode.Mark *unicode.RangeTable
            unicode.Mn *unicode.RangeTable
            unicode.Me *unicode.RangeTable
            unicode.N *unicode.RangeTable
            unicode.Number *unicode.RangeTable
            unicode.Nd *unicode.RangeTable
            unicode.Digit *unicode.RangeTable
            unicode.Nl *unicode.RangeTable
            unicode.No *unicode.RangeTable
            unicode.P *unicode.RangeTable
            unicode.Punct *unicode.RangeTable
            unicode.Pc *unicode.RangeTable
            unicode.Pd *unicode.RangeTable
            unicode.Ps *unicode.RangeTable
            unicode.Pe *unicode.RangeTable
            unicode.Pi *unicode.RangeTable
            unicode.Pf *unicode.RangeTable
            unicode.S *unicode.RangeTable
            unicode.Symbol *unicode.RangeTable
            unicode.Sm *unicode.RangeTable
            unicode.Sc *unicode.RangeTable
            unicode.Sk *unicode.RangeTable
            unicode.Z *unicode.RangeTable
            unicode.Space *unicode.RangeTable
            unicode.Zs *unicode.RangeTable
            unicode.Zl *unicode.RangeTable
            unicode.Zp *unicode.RangeTable
            unicode.C *unicode.RangeTable
            unicode.Other *unicode.RangeTable
            unicode.Cc *unicode.RangeTable
            unicode.Cf *unicode.RangeTable
            unicode.Co *unicode.RangeTable
            unicode.Cs *unicode.RangeTable
            unicode.Latin *unicode.RangeTable
            unicode.Greek *unicode.RangeTable
            unicode.Cyrillic *unicode.RangeTable
            unicode.Armenian *unicode.RangeTable
            unicode.Hebrew *unicode.RangeTable
            unicode.Arabic *unicode.RangeTable
            unicode.Syriac *unicode.RangeTable
            unicode.Thaana *unicode.RangeTable
            unicode.Devanagari *unicode.RangeTable
            unicode.Bengali *unicode.RangeTable
            unicode.Gurmukhi *unicode.RangeTable
            unicode.Gujarati *unicode.RangeTable
            unicode.Tamil *unicode.RangeTable
            unicode.Telugu *unicode.RangeTable
            unicode.Kannada *unicode.RangeTable
            unicode.Malayalam *unicode.RangeTable
            unicode.Sinhala *unicode.RangeTable
            unicode.Thai *unicode.RangeTable
            unicode.Lao *unicode.RangeTable
            unicode.Tibetan *unicode.RangeTable
            unicode.Myanmar *unicode.RangeTable
            unicode.Georgian *unicode.RangeTable
            unicode.Hangul *unicode.RangeTable
            unicode.Ethiopic *unicode.RangeTable
            unicode.Cherokee *unicode.RangeTable
            unicode.Khmer *unicode.RangeTable
            unicode.Mongolian *unicode.RangeTable
            unicode.Hiragana *unicode.RangeTable
            unicode.Katakana *unicode.RangeTable
            unicode.Bopomofo *unicode.RangeTable
            unicode.Han *unicode.RangeTable
            unicode.Common *unicode.RangeTable
            unicode.Inherited *unicode.RangeTable
            unicode.White_Space *unicode.RangeTable
            unicode.ASCII_Hex_Digit *unicode.RangeTable
            unicode.Hex_Digit *unicode.RangeTable
            unicode.Dash *unicode.RangeTable
            unicode.Hyphen *unicode.RangeTable
            unicode.Quotation_Mark *unicode.RangeTable
            unicode.Ideographic *unicode.RangeTable
            unicode.Unified_Ideograph *unicode.RangeTable
            unicode.Pattern_White_Space *unicode.RangeTable
            unicode.Pattern_Syntax *unicode.RangeTable
            unicode.Noncharacter_Code_Point *unicode.RangeTable
            unicode.Join_Control *unicode.RangeTable
            unicode.Bidi_Control *unicode.RangeTable
            unicode.Variation_Selector *unicode.RangeTable
            unicode.Regional_Indicator *unicode.RangeTable
            time.Sleep func(d time.Duration)
            time.Now func() time.Time
            time.Since func(t time.Time) time.Duration
            time.Time.Sub func(u time.Time) time.Duration
            time.Duration.String func() string
            time.Duration.Seconds func() float64
            time.Duration.Minutes func() float64
            time.Duration.Hours func() float64
            time.Duration.Milliseconds func() int64
            time.Duration.Microseconds func() int64
            time.Duration.Nanoseconds func() int64
            time.Duration.Round func(m time.Duration) time.Duration
            time.Duration.Truncate func(m time.Duration) time.Duration
            time.Duration.Abs func() time.Duration
            time.ParseDuration func(s string) (time.Duration, error)
            time.Time.IsZero func() bool
            time.Time.Before func(u time.Time) bool
            time.Time.After func(u time.Time) bool
            time.Time.Equal func(u time.Time) bool
            time.Time.Add func(d time.Duration) time.Time
            time.Until func(t time.Time) time.Duration
            time.After func(d time.Duration) <-chan time.Time
            time.Tick func(d time.Duration) <-chan time.Time
            time.NewTimer func(d time.Duration) *time.Timer
            time.NewTicker func(d time.Duration) *time.Ticker
            time.AfterFunc func(d time.Duration, f func()) *time.Timer
            time.(*Timer).Stop func() bool
            time.(*Timer).Reset func(d time.Duration) bool
            time.(*Ticker).Stop func()
            time.(*Ticker).Reset func(d time.Duration)
            context.Background func() context.Context
            context.TODO func() context.Context
            context.WithCancel func(parent context.Context) (ctx context.Context, cancel context.CancelFunc)
            context.WithTimeout func(parent context.Context, timeout time.Duration) (context.Context, context.CancelFunc)
            context.WithDeadline func(parent context.Context, d time.Time) (context.Context, context.CancelFunc)
            context.WithValue func(parent context.Context, key interface {}, val interface {}) context.Context
            context.Canceled error
            context.DeadlineExceeded error
            context.(*cancelCtx).Done func() <-chan struct{}
            context.(*cancelCtx).Err func() error
            context.(*cancelCtx).Value func(interface {}) interface {}
            context.(*cancelCtx).Deadline func() (time.Time, bool)
            context.WithCancel.func1 func()
            sync.(*Pool).Get func() interface {}
            sync.(*Pool).Put func(x interface {})
            sync.(*Mutex).Lock func()
            sync.(*Mutex).Unlock func()
            sync.(*Mutex).TryLock func() bool
            sync.(*RWMutex).Lock func()
            sync.(*RWMutex).Unlock func()
            sync.(*RWMutex).RLock func()
            sync.(*RWMutex).RUnlock func()
            sync.(*RWMutex).TryLock func() bool
            sync.(*RWMutex).TryRLock func() bool
            sync.(*WaitGroup).Add func(delta int)
            sync.(*WaitGroup).Done func()
            sync.(*WaitGroup).Wait func()
            sync.(*Once).Do func(f func())
            sync.(*Map).Load func(key interface {}) (value interface {}, ok bool)
            sync.(*Map).Store func(key interface {}, value interface {})
            sync.(*Map).LoadOrStore func(key interface {}, value interface {}) (actual interface {}, loaded bool)
            sync.(*Map).LoadAndDelete func(key interface {}) (value interface {}, loaded bool)
            sync.(*Map).Delete func(key interface {})
            sync.(*Map).Range func(f func(key interface {}, value interface {}) bool)
            sync.(*Map).Swap func(interface {}, interface {}) (interface {}, bool)
            sync.(*Map).CompareAndSwap func(interface {}, interface {}, interface {}) bool
            sync.NewCond func(l sync.Locker) *sync.Cond
            sync.(*Cond).Wait func()
            sync.(*Cond).Signal func()
            sync.(*Cond).Broadcast func()
            sync.runtime_notifyListAdd func() int
            sync.runtime_notifyListWait func()
            sync/atomic.AddInt32 func(addr *int32, delta int32) (new int32)
            sync/atomic.AddInt64 func(addr *int64, delta int64) (new int64)
            sync/atomic.LoadInt32 func(addr *int32) (val int32)
            sync/atomic.LoadInt64 func(addr *int64) (val int64)
            sync/atomic.StoreInt32 func(addr *int32, val int32)
            sync/atomic.StoreInt64 func(addr *int64, val int64)
            sync/atomic.CompareAndSwapInt32 func(addr *int32, old int32, new int32) (swapped bool)
            sync/atomic.CompareAndSwapInt64 func(addr *int64, old int64, new int64) (swapped bool)
            sync/atomic.AddUint32 func(addr *uint32, delta uint32) (new uint32)
            sync/atomic.LoadUint32 func(addr *uint32) (val uint32)
            sync/atomic.StoreUint32 func(addr *uint32, val uint32)
            sync/atomic.CompareAndSwapUint32 func(addr *uint32, old uint32, new uint32) (swapped bool)
            sync/atomic.AddUint64 func(addr *uint64, delta uint64) (new uint64)
            sync/atomic.LoadUint64 func(addr *uint64) (val uint64)
            sync/atomic.StoreUint64 func(addr *uint64, val uint64)
            sync/atomic.CompareAndSwapUint64 func(addr *uint64, old uint64, new uint64) (swapped bool)
            sync/atomic.SwapInt32 func(addr *int32, new int32) (old int32)
            sync/atomic.SwapInt64 func(addr *int64, new int64) (old int64)
            sync/atomic.SwapUint32 func(addr *uint32, new uint32) (old uint32)
            sync/atomic.SwapUint64 func(addr *uint64, new uint64) (old uint64)
            sync/atomic.(*Int32).Add func(delta int32) (new int32)
            sync/atomic.(*Int32).Load func() int32
            sync/atomic.(*Int32).Store func(val int32)
            sync/atomic.(*Int32).Swap func(new int32) (old int32)
            sync/atomic.(*Int32).CompareAndSwap func(old int32, new int32) (swapped bool)
            sync/atomic.(*Int64).Add func(delta int64) (new int64)
            sync/atomic.(*Int64).Load func() int64
            sync/atomic.(*Int64).Store func(val int64)
            sync/atomic.(*Int64).Swap func(new int64) (old int64)
            sync/atomic.(*Int64).CompareAndSwap func(old int64, new int64) (swapped bool)
            sync/atomic.(*Bool).Load func() bool
            sync/atomic.(*Bool).Store func(val bool)
            sync/atomic.(*Bool).Swap func(new bool) (old bool)
            sync/atomic.(*Bool).CompareAndSwap func(old bool, new bool) (swapped bool)
            sync/atomic.(*Uint32).Add func(delta uint32) (new uint32)
            sync/atomic.(*Uint32).Load func() uint32
            sync/atomic.(*Uint32).Store func(val uint32)
            sync/atomic.(*Uint32).Swap func(new uint32) (old uint32)
            sync/atomic.(*Uint32).CompareAndSwap func(old uint32, new uint32) (swapped bool)
            sync/atomic.(*Uint64).Add func(delta uint64) (new uint64)
            sync/atomic.(*Uint64).Load func() uint64
            sync/atomic.(*Uint64).Store func(val uint64)
            sync/atomic.(*Uint64).Swap func(new uint64) (old uint64)
            sync/atomic.(*Uint64).CompareAndSwap func(old uint64, new uint64) (swapped bool)
            sync/atomic.(*Value).Load func() (val interface {})
            sync/atomic.(*Value).Store func(val interface {})
            sync/atomic.(*Value).Swap func(new interface {}) (old interface {})
            sync/atomic.(*Value).CompareAndSwap func(old interface {}, new interface {}) (swapped bool)
            sync/atomic.(*Pointer).Load func() *invalid type
            sync/atomic.(*Pointer).Store func(val *invalid type)
            sync/atomic.(*Pointer).Swap func(new *invalid type) (old *invalid type)
            sync/atomic.(*Pointer).CompareAndSwap func(old *invalid type, new *invalid type) (swapped bool)
            runtime.Goexit func()
            runtime.Gosched func()
            runtime.NumGoroutine func() int
            runtime.NumCPU func() int
            runtime.GOMAXPROCS func(n int) int
            testing.(*T).Log func(args ...interface {})
            testing.(*T).Logf func(format string, args ...interface {})
            testing.(*T).Error func(args ...interface {})
            testing.(*T).Errorf func(format string, args ...interface {})
            testing.(*T).Fatal func(args ...interface {})
            testing.(*T).Fatalf func(format string, args ...interface {})
            testing.(*T).Skip func(args ...interface {})
            testing.(*T).Skipf func(format string, args ...interface {})
            testing.(*T).Fail func()
            testing.(*T).FailNow func()
            testing.(*T).SkipNow func()
            testing.(*T).Failed func() bool
            testing.(*T).Skipped func() bool
            testing.(*T).Name func() string
            testing.(*T).Helper func()
            testing.(*T).Run func(name string, f func(t *testing.T)) bool
            testing.(*T).Cleanup func(f func())
            testing.(*T).Parallel func()
            testing.(*T).Setenv func(key string, value string)
            testing.(*T).TempDir func() string
            testing.(*T).Deadline func() (deadline time.Time, ok bool)
            testing.(*T).private func()
            testing.Short func() bool
            testing.Verbose func() bool
            testing.(*T).Parallel.pause func()
            testing.(*T).Parallel.resume func()
            testing.tRunner.release func()
            testing.tRunner.waitSubs func()
            testing.(*T).Run.start func()
            testing.(*T).Run.signal func()
            testing.tRunner.cleanup func()
            testing.tRunner.end func()
            testing.tRunner func()
            testing.(*matcher).fullName func()
            testing.tRunner.quiesce func()
            testing.(*M).Run func() (code int)
            testing.(*M).Run.result func() int
            testing.(*B).ReportAllocs func()
            testing.(*B).ResetTimer func()
            testing.(*B).StartTimer func()
            testing.(*B).StopTimer func()
            testing.(*B).SetBytes func(n int64)
            testing.(*B).SetParallelism func(p int)
            testing.(*B).ReportMetric func(n float64, unit string)
            testing.(*B).Run func(name string, f func(b *testing.B)) bool
            testing.(*B).RunParallel func(body func(*testing.PB))
            testing.(*B).Log func(args ...interface {})
            testing.(*B).Logf func(format string, args ...interface {})
            testing.(*B).Error func(args ...interface {})
            testing.(*B).Errorf func(format string, args ...interface {})
            testing.(*B).Fatal func(args ...interface {})
            testing.(*B).Fatalf func(format string, args ...interface {})
            testing.(*B).Skip func(args ...interface {})
            testing.(*B).Skipf func(format string, args ...interface {})
            testing.(*B).Fail func()
            testing.(*B).FailNow func()
            testing.(*B).SkipNow func()
            testing.(*B).Failed func() bool
            testing.(*B).Skipped func() bool
            testing.(*B).Name func() string
            testing.(*B).Helper func()
            testing.(*B).Cleanup func(f func())
            testing.(*B).Setenv func(key string, value string)
            testing.(*B).TempDir func() string
            testing.(*B).private func()
            testing.runExample.start func()
            testing.runExample.func2 func()
            testing.(*PB).Next func() bool
            sort.Sort func(data sort.Interface)
            sort.Stable func(data sort.Interface)
            sort.IsSorted func(data sort.Interface) bool
            sort.Slice func(x interface {}, less func(i int, j int) bool)
            sort.SliceStable func(x interface {}, less func(i int, j int) bool)
            sort.SliceIsSorted func(x interface {}, less func(i int, j int) bool) bool
            sort.Ints func(x []int)
            sort.Strings func(x []string)
            sort.Float64s func(x []float64)
            sort.IntsAreSorted func(x []int) bool
            sort.StringsAreSorted func(x []string) bool
            sort.Search func(n int, f func(int) bool) int
            sort.Float64sAreSorted func(x []float64) bool
            sort.SearchFloat64s func(a []float64, x float64) int
            sort.SearchInts func(a []int, x int) int
            sort.SearchStrings func(a []string, x string) int
            sort.Reverse func(data sort.Interface) sort.Interface
            sort.IntSlice.Len func() int
            sort.IntSlice.Less func(i int, j int) bool
            sort.IntSlice.Swap func(i int, j int)
            sort.IntSlice.Sort func()
            sort.IntSlice.Search func(x int) int
            sort.StringSlice.Len func() int
            sort.StringSlice.Less func(i int, j int) bool
            sort.StringSlice.Swap func(i int, j int)
            sort.StringSlice.Sort func()
            sort.StringSlice.Search func(x string) int
            sort.Float64Slice.Len func() int
            sort.Float64Slice.Less func(i int, j int) bool
            sort.Float64Slice.Swap func(i int, j int)
            sort.Float64Slice.Sort func()
            sort.Float64Slice.Search func(x float64) int
            log.Print func(v ...interface {})
            log.Printf func(format string, v ...interface {})
            log.Println func(v ...interface {})
            log.Fatal func(v ...interface {})
            log.Fatalf func(format string, v ...interface {})
            log.Fatalln func(v ...interface {})
            log.Panic func(v ...interface {})
            log.Panicf func(format string, v ...interface {})
            log.Panicln func(v ...interface {})
            log.SetFlags func(flag int)
            log.Flags func() int
            log.SetPrefix func(prefix string)
            log.Prefix func() string
            log.New func(out io.Writer, prefix string, flag int) *log.Logger
            log.SetOutput func(w io.Writer)
            log.Writer func() io.Writer
            log.Default func() *log.Logger
            log.outputLine func(*log.Logger, string, int) (io.Writer, []byte)
            log.(*Logger).Print func(v ...interface {})
            log.(*Logger).Printf func(format string, v ...interface {})
            log.(*Logger).Println func(v ...interface {})
            log.(*Logger).Fatal func(v ...interface {})
            log.(*Logger).Fatalf func(format string, v ...interface {})
            log.(*Logger).Fatalln func(v ...interface {})
            log.(*Logger).Panic func(v ...interface {})
            log.(*Logger).Panicf func(format string, v ...interface {})
            log.(*Logger).Panicln func(v ...interface {})
            log.(*Logger).SetFlags func(flag int)
            log.(*Logger).Flags func() int
            log.(*Logger).SetPrefix func(prefix string)
            log.(*Logger).Prefix func() string
            log.(*Logger).SetOutput func(w io.Writer)
            log.(*Logger).Writer func() io.Writer
            math.Inf func(sign int) float64
            math.NaN func() float64
            math.IsNaN func(f float64) (is bool)
            math.IsInf func(f float64, sign int) bool
            math.Signbit func(x float64) bool
            math.Copysign func(f float64, sign float64) float64
            math.Abs func(x float64) float64
            math.Sqrt func(x float64) float64
            math.Floor func(x float64) float64
            math.Ceil func(x float64) float64
            math.Trunc func(x float64) float64
            math.Round func(x float64) float64
            math.Max func(x float64, y float64) float64
            math.Min func(x float64, y float64) float64
            math.Mod func(x float64, y float64) float64
            math.Pow func(x float64, y float64) float64
            math.Exp func(x float64) float64
            math.Log func(x float64) float64
            math.Log2 func(x float64) float64
            math.Log10 func(x float64) float64
            math.Float64bits func(f float64) uint64
            math.Float64frombits func(b uint64) float64
            math/rand.Seed func(seed int64)
            math/rand.Int func() int
            math/rand.Intn func(n int) int
            math/rand.Int63 func() int64
            math/rand.Int63n func(n int64) int64
            math/rand.Int31 func() int32
            math/rand.Int31n func(n int32) int32
            math/rand.Float64 func() float64
            math/rand.Uint32 func() uint32
            math/rand.Uint64 func() uint64
            math/rand.Float32 func() float32
            math/rand.Perm func(n int) []int
            math/rand.Shuffle func(n int, swap func(i int, j int))
            math/rand.int31n func() int
            math/rand.NewSource func(seed int64) math/rand.Source
            math/rand.New func(src math/rand.Source) *math/rand.Rand
            math/rand.(*Rand).Seed func(seed int64)
            math/rand.(*Rand).Int func() int
            math/rand.(*Rand).Intn func(n int) int
            math/rand.(*Rand).Int63 func() int64
            math/rand.(*Rand).Int63n func(n int64) int64
            math/rand.(*Rand).Int31 func() int32
            math/rand.(*Rand).Int31n func(n int32) int32
            math/rand.(*Rand).Float64 func() float64
            math/rand.(*Rand).Uint32 func() uint32
            math/rand.(*Rand).Uint64 func() uint64
            math/rand.(*Rand).Float32 func() float32
            math/rand.(*Rand).Perm func(n int) []int
            math/rand.(*Rand).Shuffle func(n int, swap func(i int, j int))
            math/rand.(*Rand).int31n func() int
            io.WriteString func(w io.Writer, s string) (n int, err error)
            io.Discard io.Writer
            io.discard.Write func([]byte) (int, error)
            io.discard.WriteString func(string) (int, error)
            io.EOF error
            os.ErrNotExist error
            os.(*File).Write func(b []byte) (n int, err error)
            os.(*File).WriteString func(s string) (n int, err error)
            os.Getenv func(key string) string
            os.LookupEnv func(key string) (string, bool)
            os.Setenv func(key string, value string) error
            os.Unsetenv func(key string) error
            testing.(*T).Setenv func()
            testing.(*common).Setenv.func1 func()
        "#]]
        .assert_eq(&lines.concat());
    }
}
