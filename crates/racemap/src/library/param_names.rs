//! Go 1.19's parameter and result names of the library's functions, which go/types prints in
//! a signature (`cannot use strings.ToUpper (value of type func(s string) string) as …`,
//! `… as type func(key any, value any) bool in argument to m.Range`): a table keyed by
//! [`LibFunc`], apart from the rows, whose types alone decide what a call does.
//!
//! The table is what `go doc` printed for each function's Go name with Go 1.19.8
//! ([`LibFunc::go_name`]; `tests::every_name_list_fits_its_signature` checks each entry
//! against its row). An entry lists the parameters' names separated by spaces (`-` for an
//! unnamed one), a parameter of function type followed by its own parameters' names (separated by commas) in
//! parentheses, then `|` and the results' names: `addr delta|new` for
//! `atomic.AddInt64(addr *int64, delta int64) (new int64)`, `x less(i,j)` for
//! `sort.Slice(x any, less func(i, j int) bool)`. A function Go declares without names has
//! no entry.

use super::LibFunc;

/// The names of a library function's parameters and results (see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParamNames {
    /// Each parameter's name (empty when unnamed) and, for one of function type, its own
    /// parameters' names (empty when Go names none).
    pub params: Vec<(&'static str, Vec<&'static str>)>,
    /// The results' names (empty when unnamed).
    pub results: Vec<&'static str>,
}

impl LibFunc {
    /// The names Go declares this function's parameters and results with; empty when Go names
    /// none (or racemap does not know them).
    pub fn param_names(self) -> ParamNames {
        let (params, results) = match names_entry(self).split_once('|') {
            Some((p, r)) => (p, r),
            None => (names_entry(self), ""),
        };
        let unnamed = |n: &'static str| if n == "-" { "" } else { n };
        ParamNames {
            params: params
                .split_whitespace()
                .map(|p| match p.split_once('(') {
                    Some((name, inner)) => (
                        unnamed(name),
                        inner
                            .trim_end_matches(')')
                            .split(',')
                            .map(unnamed)
                            .collect(),
                    ),
                    None => (unnamed(p), Vec::new()),
                })
                .collect(),
            results: results.split_whitespace().map(unnamed).collect(),
        }
    }
}

/// The names of `func`'s parameters and results, encoded as the module docs say; `""` when Go
/// names none. Each entry is what `go doc` printed (the declaration after it).
fn names_entry(func: LibFunc) -> &'static str {
    match func {
        // func AddInt32(addr *int32, delta int32) (new int32)
        LibFunc::AtomicAddInt32 => "addr delta|new",
        // func AddInt64(addr *int64, delta int64) (new int64)
        LibFunc::AtomicAddInt64 => "addr delta|new",
        // func LoadInt32(addr *int32) (val int32)
        LibFunc::AtomicLoadInt32 => "addr|val",
        // func LoadInt64(addr *int64) (val int64)
        LibFunc::AtomicLoadInt64 => "addr|val",
        // func StoreInt32(addr *int32, val int32)
        LibFunc::AtomicStoreInt32 => "addr val",
        // func StoreInt64(addr *int64, val int64)
        LibFunc::AtomicStoreInt64 => "addr val",
        // func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
        LibFunc::AtomicCompareAndSwapInt32 => "addr old new|swapped",
        // func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
        LibFunc::AtomicCompareAndSwapInt64 => "addr old new|swapped",
        // func AddUint32(addr *uint32, delta uint32) (new uint32)
        LibFunc::AtomicAddUint32 => "addr delta|new",
        // func LoadUint32(addr *uint32) (val uint32)
        LibFunc::AtomicLoadUint32 => "addr|val",
        // func StoreUint32(addr *uint32, val uint32)
        LibFunc::AtomicStoreUint32 => "addr val",
        // func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
        LibFunc::AtomicCompareAndSwapUint32 => "addr old new|swapped",
        // func AddUint64(addr *uint64, delta uint64) (new uint64)
        LibFunc::AtomicAddUint64 => "addr delta|new",
        // func LoadUint64(addr *uint64) (val uint64)
        LibFunc::AtomicLoadUint64 => "addr|val",
        // func StoreUint64(addr *uint64, val uint64)
        LibFunc::AtomicStoreUint64 => "addr val",
        // func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
        LibFunc::AtomicCompareAndSwapUint64 => "addr old new|swapped",
        // func SwapInt32(addr *int32, new int32) (old int32)
        LibFunc::AtomicSwapInt32 => "addr new|old",
        // func SwapInt64(addr *int64, new int64) (old int64)
        LibFunc::AtomicSwapInt64 => "addr new|old",
        // func SwapUint32(addr *uint32, new uint32) (old uint32)
        LibFunc::AtomicSwapUint32 => "addr new|old",
        // func SwapUint64(addr *uint64, new uint64) (old uint64)
        LibFunc::AtomicSwapUint64 => "addr new|old",
        // func (x *Int32) Add(delta int32) (new int32)
        LibFunc::AtomicInt32Add => "delta|new",
        // func (x *Int32) Store(val int32)
        LibFunc::AtomicInt32Store => "val",
        // func (x *Int32) Swap(new int32) (old int32)
        LibFunc::AtomicInt32Swap => "new|old",
        // func (x *Int32) CompareAndSwap(old, new int32) (swapped bool)
        LibFunc::AtomicInt32CompareAndSwap => "old new|swapped",
        // func (x *Int64) Add(delta int64) (new int64)
        LibFunc::AtomicInt64Add => "delta|new",
        // func (x *Int64) Store(val int64)
        LibFunc::AtomicInt64Store => "val",
        // func (x *Int64) Swap(new int64) (old int64)
        LibFunc::AtomicInt64Swap => "new|old",
        // func (x *Int64) CompareAndSwap(old, new int64) (swapped bool)
        LibFunc::AtomicInt64CompareAndSwap => "old new|swapped",
        // func (x *Bool) Store(val bool)
        LibFunc::AtomicBoolStore => "val",
        // func (x *Bool) Swap(new bool) (old bool)
        LibFunc::AtomicBoolSwap => "new|old",
        // func (x *Bool) CompareAndSwap(old, new bool) (swapped bool)
        LibFunc::AtomicBoolCompareAndSwap => "old new|swapped",
        // func (x *Uint32) Add(delta uint32) (new uint32)
        LibFunc::AtomicUint32Add => "delta|new",
        // func (x *Uint32) Store(val uint32)
        LibFunc::AtomicUint32Store => "val",
        // func (x *Uint32) Swap(new uint32) (old uint32)
        LibFunc::AtomicUint32Swap => "new|old",
        // func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool)
        LibFunc::AtomicUint32CompareAndSwap => "old new|swapped",
        // func (x *Uint64) Add(delta uint64) (new uint64)
        LibFunc::AtomicUint64Add => "delta|new",
        // func (x *Uint64) Store(val uint64)
        LibFunc::AtomicUint64Store => "val",
        // func (x *Uint64) Swap(new uint64) (old uint64)
        LibFunc::AtomicUint64Swap => "new|old",
        // func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool)
        LibFunc::AtomicUint64CompareAndSwap => "old new|swapped",
        // func (v *Value) Load() (val any)
        LibFunc::AtomicValueLoad => "|val",
        // func (v *Value) Store(val any)
        LibFunc::AtomicValueStore => "val",
        // func (v *Value) Swap(new any) (old any)
        LibFunc::AtomicValueSwap => "new|old",
        // func (v *Value) CompareAndSwap(old, new any) (swapped bool)
        LibFunc::AtomicValueCompareAndSwap => "old new|swapped",
        // func (x *Pointer[T]) Store(val *T)
        LibFunc::AtomicPointerStore => "val",
        // func (x *Pointer[T]) Swap(new *T) (old *T)
        LibFunc::AtomicPointerSwap => "new|old",
        // func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool)
        LibFunc::AtomicPointerCompareAndSwap => "old new|swapped",
        // func (b *Builder) WriteString(s string) (int, error)
        LibFunc::BuilderWriteString => "s",
        // func (b *Builder) Write(p []byte) (int, error)
        LibFunc::BuilderWrite => "p",
        // func (b *Builder) WriteByte(c byte) error
        LibFunc::BuilderWriteByte => "c",
        // func (b *Builder) WriteRune(r rune) (int, error)
        LibFunc::BuilderWriteRune => "r",
        // func (b *Builder) Grow(n int)
        LibFunc::BuilderGrow => "n",
        // func (b *Buffer) WriteString(s string) (n int, err error)
        LibFunc::BufferWriteString => "s|n err",
        // func (b *Buffer) Write(p []byte) (n int, err error)
        LibFunc::BufferWrite => "p|n err",
        // func (b *Buffer) WriteByte(c byte) error
        LibFunc::BufferWriteByte => "c",
        // func (b *Buffer) WriteRune(r rune) (n int, err error)
        LibFunc::BufferWriteRune => "r|n err",
        // func WithCancel(parent Context) (ctx Context, cancel CancelFunc)
        LibFunc::ContextWithCancel => "parent|ctx cancel",
        // func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)
        LibFunc::ContextWithTimeout => "parent timeout",
        // func WithDeadline(parent Context, d time.Time) (Context, CancelFunc)
        LibFunc::ContextWithDeadline => "parent d",
        // func WithValue(parent Context, key, val any) Context
        LibFunc::ContextWithValue => "parent key val",
        // func Getenv(key string) string
        LibFunc::OsGetenv => "key",
        // func LookupEnv(key string) (string, bool)
        LibFunc::OsLookupEnv => "key",
        // func Setenv(key, value string) error
        LibFunc::OsSetenv => "key value",
        // func Unsetenv(key string) error
        LibFunc::OsUnsetenv => "key",
        // func Errorf(format string, a ...any) error
        LibFunc::FmtErrorf => "format a",
        // func New(text string) error
        LibFunc::ErrorsNew => "text",
        // func Is(err, target error) bool
        LibFunc::ErrorsIs => "err target",
        // func Unwrap(err error) error
        LibFunc::ErrorsUnwrap => "err",
        // func As(err error, target any) bool
        LibFunc::ErrorsAs => "err target",
        // func Print(a ...any) (n int, err error)
        LibFunc::FmtPrint => "a|n err",
        // func Println(a ...any) (n int, err error)
        LibFunc::FmtPrintln => "a|n err",
        // func Printf(format string, a ...any) (n int, err error)
        LibFunc::FmtPrintf => "format a|n err",
        // func Sprint(a ...any) string
        LibFunc::FmtSprint => "a",
        // func Sprintln(a ...any) string
        LibFunc::FmtSprintln => "a",
        // func Sprintf(format string, a ...any) string
        LibFunc::FmtSprintf => "format a",
        // func Fprint(w io.Writer, a ...any) (n int, err error)
        LibFunc::FmtFprint => "w a|n err",
        // func Fprintln(w io.Writer, a ...any) (n int, err error)
        LibFunc::FmtFprintln => "w a|n err",
        // func Fprintf(w io.Writer, format string, a ...any) (n int, err error)
        LibFunc::FmtFprintf => "w format a|n err",
        // func Exit(code int)
        LibFunc::OsExit => "code",
        // func WriteString(w Writer, s string) (n int, err error)
        LibFunc::IoWriteString => "w s|n err",
        // func (f *File) Write(b []byte) (n int, err error)
        LibFunc::FileWrite => "b|n err",
        // func (f *File) WriteString(s string) (n int, err error)
        LibFunc::FileWriteString => "s|n err",
        // func Print(v ...any)
        LibFunc::LogPrint => "v",
        // func Printf(format string, v ...any)
        LibFunc::LogPrintf => "format v",
        // func Println(v ...any)
        LibFunc::LogPrintln => "v",
        // func Fatal(v ...any)
        LibFunc::LogFatal => "v",
        // func Fatalf(format string, v ...any)
        LibFunc::LogFatalf => "format v",
        // func Fatalln(v ...any)
        LibFunc::LogFatalln => "v",
        // func Panic(v ...any)
        LibFunc::LogPanic => "v",
        // func Panicf(format string, v ...any)
        LibFunc::LogPanicf => "format v",
        // func Panicln(v ...any)
        LibFunc::LogPanicln => "v",
        // func SetFlags(flag int)
        LibFunc::LogSetFlags => "flag",
        // func SetPrefix(prefix string)
        LibFunc::LogSetPrefix => "prefix",
        // func New(out io.Writer, prefix string, flag int) *Logger
        LibFunc::LogNew => "out prefix flag",
        // func SetOutput(w io.Writer)
        LibFunc::LogSetOutput => "w",
        // func (l *Logger) Print(v ...any)
        LibFunc::LoggerPrint => "v",
        // func (l *Logger) Printf(format string, v ...any)
        LibFunc::LoggerPrintf => "format v",
        // func (l *Logger) Println(v ...any)
        LibFunc::LoggerPrintln => "v",
        // func (l *Logger) Fatal(v ...any)
        LibFunc::LoggerFatal => "v",
        // func (l *Logger) Fatalf(format string, v ...any)
        LibFunc::LoggerFatalf => "format v",
        // func (l *Logger) Fatalln(v ...any)
        LibFunc::LoggerFatalln => "v",
        // func (l *Logger) Panic(v ...any)
        LibFunc::LoggerPanic => "v",
        // func (l *Logger) Panicf(format string, v ...any)
        LibFunc::LoggerPanicf => "format v",
        // func (l *Logger) Panicln(v ...any)
        LibFunc::LoggerPanicln => "v",
        // func (l *Logger) SetFlags(flag int)
        LibFunc::LoggerSetFlags => "flag",
        // func (l *Logger) SetPrefix(prefix string)
        LibFunc::LoggerSetPrefix => "prefix",
        // func (l *Logger) SetOutput(w io.Writer)
        LibFunc::LoggerSetOutput => "w",
        // func Inf(sign int) float64
        LibFunc::MathInf => "sign",
        // func IsNaN(f float64) (is bool)
        LibFunc::MathIsNaN => "f|is",
        // func IsInf(f float64, sign int) bool
        LibFunc::MathIsInf => "f sign",
        // func Signbit(x float64) bool
        LibFunc::MathSignbit => "x",
        // func Copysign(f, sign float64) float64
        LibFunc::MathCopysign => "f sign",
        // func Abs(x float64) float64
        LibFunc::MathAbs => "x",
        // func Sqrt(x float64) float64
        LibFunc::MathSqrt => "x",
        // func Floor(x float64) float64
        LibFunc::MathFloor => "x",
        // func Ceil(x float64) float64
        LibFunc::MathCeil => "x",
        // func Trunc(x float64) float64
        LibFunc::MathTrunc => "x",
        // func Round(x float64) float64
        LibFunc::MathRound => "x",
        // func Max(x, y float64) float64
        LibFunc::MathMax => "x y",
        // func Min(x, y float64) float64
        LibFunc::MathMin => "x y",
        // func Mod(x, y float64) float64
        LibFunc::MathMod => "x y",
        // func Pow(x, y float64) float64
        LibFunc::MathPow => "x y",
        // func Exp(x float64) float64
        LibFunc::MathExp => "x",
        // func Log(x float64) float64
        LibFunc::MathLog => "x",
        // func Log2(x float64) float64
        LibFunc::MathLog2 => "x",
        // func Log10(x float64) float64
        LibFunc::MathLog10 => "x",
        // func Float64bits(f float64) uint64
        LibFunc::MathFloat64bits => "f",
        // func Float64frombits(b uint64) float64
        LibFunc::MathFloat64frombits => "b",
        // func Seed(seed int64)
        LibFunc::RandSeed => "seed",
        // func Intn(n int) int
        LibFunc::RandIntn => "n",
        // func Int63n(n int64) int64
        LibFunc::RandInt63n => "n",
        // func Int31n(n int32) int32
        LibFunc::RandInt31n => "n",
        // func Perm(n int) []int
        LibFunc::RandPerm => "n",
        // func Shuffle(n int, swap func(i, j int))
        LibFunc::RandShuffle => "n swap(i,j)",
        // func NewSource(seed int64) Source
        LibFunc::RandNewSource => "seed",
        // func New(src Source) *Rand
        LibFunc::RandNew => "src",
        // func (r *Rand) Seed(seed int64)
        LibFunc::RandRandSeed => "seed",
        // func (r *Rand) Intn(n int) int
        LibFunc::RandRandIntn => "n",
        // func (r *Rand) Int63n(n int64) int64
        LibFunc::RandRandInt63n => "n",
        // func (r *Rand) Int31n(n int32) int32
        LibFunc::RandRandInt31n => "n",
        // func (r *Rand) Perm(n int) []int
        LibFunc::RandRandPerm => "n",
        // func (r *Rand) Shuffle(n int, swap func(i, j int))
        LibFunc::RandRandShuffle => "n swap(i,j)",
        // func GOMAXPROCS(n int) int
        LibFunc::RuntimeGomaxprocs => "n",
        // func Sort(data Interface)
        LibFunc::SortSort => "data",
        // func Stable(data Interface)
        LibFunc::SortStable => "data",
        // func IsSorted(data Interface) bool
        LibFunc::SortIsSorted => "data",
        // func Slice(x any, less func(i, j int) bool)
        LibFunc::SortSlice => "x less(i,j)",
        // func SliceStable(x any, less func(i, j int) bool)
        LibFunc::SortSliceStable => "x less(i,j)",
        // func SliceIsSorted(x any, less func(i, j int) bool) bool
        LibFunc::SortSliceIsSorted => "x less(i,j)",
        // func Ints(x []int)
        LibFunc::SortInts => "x",
        // func Strings(x []string)
        LibFunc::SortStrings => "x",
        // func Float64s(x []float64)
        LibFunc::SortFloat64s => "x",
        // func IntsAreSorted(x []int) bool
        LibFunc::SortIntsAreSorted => "x",
        // func StringsAreSorted(x []string) bool
        LibFunc::SortStringsAreSorted => "x",
        // func Search(n int, f func(int) bool) int
        LibFunc::SortSearch => "n f",
        // func Float64sAreSorted(x []float64) bool
        LibFunc::SortFloat64sAreSorted => "x",
        // func SearchFloat64s(a []float64, x float64) int
        LibFunc::SortSearchFloat64s => "a x",
        // func SearchInts(a []int, x int) int
        LibFunc::SortSearchInts => "a x",
        // func SearchStrings(a []string, x string) int
        LibFunc::SortSearchStrings => "a x",
        // func Reverse(data Interface) Interface
        LibFunc::SortReverse => "data",
        // func (x IntSlice) Less(i, j int) bool
        LibFunc::IntSliceLess => "i j",
        // func (x IntSlice) Swap(i, j int)
        LibFunc::IntSliceSwap => "i j",
        // func (p IntSlice) Search(x int) int
        LibFunc::IntSliceSearch => "x",
        // func (x StringSlice) Less(i, j int) bool
        LibFunc::StringSliceLess => "i j",
        // func (x StringSlice) Swap(i, j int)
        LibFunc::StringSliceSwap => "i j",
        // func (p StringSlice) Search(x string) int
        LibFunc::StringSliceSearch => "x",
        // func (x Float64Slice) Less(i, j int) bool
        LibFunc::Float64SliceLess => "i j",
        // func (x Float64Slice) Swap(i, j int)
        LibFunc::Float64SliceSwap => "i j",
        // func (p Float64Slice) Search(x float64) int
        LibFunc::Float64SliceSearch => "x",
        // func Itoa(i int) string
        LibFunc::StrconvItoa => "i",
        // func Atoi(s string) (int, error)
        LibFunc::StrconvAtoi => "s",
        // func FormatInt(i int64, base int) string
        LibFunc::StrconvFormatInt => "i base",
        // func FormatUint(i uint64, base int) string
        LibFunc::StrconvFormatUint => "i base",
        // func ParseInt(s string, base int, bitSize int) (i int64, err error)
        LibFunc::StrconvParseInt => "s base bitSize|i err",
        // func ParseUint(s string, base int, bitSize int) (uint64, error)
        LibFunc::StrconvParseUint => "s base bitSize",
        // func ParseBool(str string) (bool, error)
        LibFunc::StrconvParseBool => "str",
        // func FormatBool(b bool) string
        LibFunc::StrconvFormatBool => "b",
        // func Quote(s string) string
        LibFunc::StrconvQuote => "s",
        // func QuoteRune(r rune) string
        LibFunc::StrconvQuoteRune => "r",
        // func QuoteToASCII(s string) string
        LibFunc::StrconvQuoteToASCII => "s",
        // func QuoteRuneToASCII(r rune) string
        LibFunc::StrconvQuoteRuneToASCII => "r",
        // func Unquote(s string) (string, error)
        LibFunc::StrconvUnquote => "s",
        // func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error)
        LibFunc::StrconvUnquoteChar => "s quote|value multibyte tail err",
        // func ParseFloat(s string, bitSize int) (float64, error)
        LibFunc::StrconvParseFloat => "s bitSize",
        // func FormatFloat(f float64, fmt byte, prec, bitSize int) string
        LibFunc::StrconvFormatFloat => "f fmt prec bitSize",
        // func Contains(s, substr string) bool
        LibFunc::StringsContains => "s substr",
        // func HasPrefix(s, prefix string) bool
        LibFunc::StringsHasPrefix => "s prefix",
        // func HasSuffix(s, suffix string) bool
        LibFunc::StringsHasSuffix => "s suffix",
        // func Repeat(s string, count int) string
        LibFunc::StringsRepeat => "s count",
        // func ToUpper(s string) string
        LibFunc::StringsToUpper => "s",
        // func ToLower(s string) string
        LibFunc::StringsToLower => "s",
        // func Join(elems []string, sep string) string
        LibFunc::StringsJoin => "elems sep",
        // func Split(s, sep string) []string
        LibFunc::StringsSplit => "s sep",
        // func Fields(s string) []string
        LibFunc::StringsFields => "s",
        // func Title(s string) string
        LibFunc::StringsTitle => "s",
        // func Map(mapping func(rune) rune, s string) string
        LibFunc::StringsMap => "mapping s",
        // func IndexFunc(s string, f func(rune) bool) int
        LibFunc::StringsIndexFunc => "s f",
        // func LastIndexFunc(s string, f func(rune) bool) int
        LibFunc::StringsLastIndexFunc => "s f",
        // func TrimFunc(s string, f func(rune) bool) string
        LibFunc::StringsTrimFunc => "s f",
        // func TrimLeftFunc(s string, f func(rune) bool) string
        LibFunc::StringsTrimLeftFunc => "s f",
        // func TrimRightFunc(s string, f func(rune) bool) string
        LibFunc::StringsTrimRightFunc => "s f",
        // func FieldsFunc(s string, f func(rune) bool) []string
        LibFunc::StringsFieldsFunc => "s f",
        // func TrimSpace(s string) string
        LibFunc::StringsTrimSpace => "s",
        // func Trim(s, cutset string) string
        LibFunc::StringsTrim => "s cutset",
        // func TrimLeft(s, cutset string) string
        LibFunc::StringsTrimLeft => "s cutset",
        // func TrimRight(s, cutset string) string
        LibFunc::StringsTrimRight => "s cutset",
        // func TrimPrefix(s, prefix string) string
        LibFunc::StringsTrimPrefix => "s prefix",
        // func TrimSuffix(s, suffix string) string
        LibFunc::StringsTrimSuffix => "s suffix",
        // func Index(s, substr string) int
        LibFunc::StringsIndex => "s substr",
        // func LastIndex(s, substr string) int
        LibFunc::StringsLastIndex => "s substr",
        // func IndexByte(s string, c byte) int
        LibFunc::StringsIndexByte => "s c",
        // func IndexRune(s string, r rune) int
        LibFunc::StringsIndexRune => "s r",
        // func Replace(s, old, new string, n int) string
        LibFunc::StringsReplace => "s old new n",
        // func ReplaceAll(s, old, new string) string
        LibFunc::StringsReplaceAll => "s old new",
        // func Count(s, substr string) int
        LibFunc::StringsCount => "s substr",
        // func EqualFold(s, t string) bool
        LibFunc::StringsEqualFold => "s t",
        // func SplitN(s, sep string, n int) []string
        LibFunc::StringsSplitN => "s sep n",
        // func SplitAfter(s, sep string) []string
        LibFunc::StringsSplitAfter => "s sep",
        // func ContainsAny(s, chars string) bool
        LibFunc::StringsContainsAny => "s chars",
        // func ContainsRune(s string, r rune) bool
        LibFunc::StringsContainsRune => "s r",
        // func IndexAny(s, chars string) int
        LibFunc::StringsIndexAny => "s chars",
        // func LastIndexByte(s string, c byte) int
        LibFunc::StringsLastIndexByte => "s c",
        // func Cut(s, sep string) (before, after string, found bool)
        LibFunc::StringsCut => "s sep|before after found",
        // func Clone(s string) string
        LibFunc::StringsClone => "s",
        // func Compare(a, b string) int
        LibFunc::StringsCompare => "a b",
        // func NewReplacer(oldnew ...string) *Replacer
        LibFunc::StringsNewReplacer => "oldnew",
        // func (r *Replacer) Replace(s string) string
        LibFunc::ReplacerReplace => "s",
        // func (p *Pool) Put(x any)
        LibFunc::PoolPut => "x",
        // func (wg *WaitGroup) Add(delta int)
        LibFunc::WaitGroupAdd => "delta",
        // func (o *Once) Do(f func())
        LibFunc::OnceDo => "f",
        // func (m *Map) Load(key any) (value any, ok bool)
        LibFunc::SyncMapLoad => "key|value ok",
        // func (m *Map) Store(key, value any)
        LibFunc::SyncMapStore => "key value",
        // func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool)
        LibFunc::SyncMapLoadOrStore => "key value|actual loaded",
        // func (m *Map) LoadAndDelete(key any) (value any, loaded bool)
        LibFunc::SyncMapLoadAndDelete => "key|value loaded",
        // func (m *Map) Delete(key any)
        LibFunc::SyncMapDelete => "key",
        // func (m *Map) Range(f func(key, value any) bool)
        LibFunc::SyncMapRange => "f(key,value)",
        // func NewCond(l Locker) *Cond
        LibFunc::SyncNewCond => "l",
        // func (c *T) Log(args ...any)
        LibFunc::TestingLog => "args",
        // func (c *T) Logf(format string, args ...any)
        LibFunc::TestingLogf => "format args",
        // func (c *T) Error(args ...any)
        LibFunc::TestingError => "args",
        // func (c *T) Errorf(format string, args ...any)
        LibFunc::TestingErrorf => "format args",
        // func (c *T) Fatal(args ...any)
        LibFunc::TestingFatal => "args",
        // func (c *T) Fatalf(format string, args ...any)
        LibFunc::TestingFatalf => "format args",
        // func (c *T) Skip(args ...any)
        LibFunc::TestingSkip => "args",
        // func (c *T) Skipf(format string, args ...any)
        LibFunc::TestingSkipf => "format args",
        // func (t *T) Run(name string, f func(t *T)) bool
        LibFunc::TestingRun => "name f(t)",
        // func (c *T) Cleanup(f func())
        LibFunc::TestingCleanup => "f",
        // func (t *T) Setenv(key, value string)
        LibFunc::TestingSetenv => "key value",
        // func (t *T) Deadline() (deadline time.Time, ok bool)
        LibFunc::TestingDeadline => "|deadline ok",
        // func (m *M) Run() (code int)
        LibFunc::TestingMRun => "|code",
        // func (b *B) SetBytes(n int64)
        LibFunc::BenchSetBytes => "n",
        // func (b *B) SetParallelism(p int)
        LibFunc::BenchSetParallelism => "p",
        // func (b *B) ReportMetric(n float64, unit string)
        LibFunc::BenchReportMetric => "n unit",
        // func (b *B) Run(name string, f func(b *B)) bool
        LibFunc::BenchRun => "name f(b)",
        // func (b *B) RunParallel(body func(*PB))
        LibFunc::BenchRunParallel => "body",
        // func (c *B) Log(args ...any)
        LibFunc::BenchLog => "args",
        // func (c *B) Logf(format string, args ...any)
        LibFunc::BenchLogf => "format args",
        // func (c *B) Error(args ...any)
        LibFunc::BenchError => "args",
        // func (c *B) Errorf(format string, args ...any)
        LibFunc::BenchErrorf => "format args",
        // func (c *B) Fatal(args ...any)
        LibFunc::BenchFatal => "args",
        // func (c *B) Fatalf(format string, args ...any)
        LibFunc::BenchFatalf => "format args",
        // func (c *B) Skip(args ...any)
        LibFunc::BenchSkip => "args",
        // func (c *B) Skipf(format string, args ...any)
        LibFunc::BenchSkipf => "format args",
        // func (c *B) Cleanup(f func())
        LibFunc::BenchCleanup => "f",
        // func (c *B) Setenv(key, value string)
        LibFunc::BenchSetenv => "key value",
        // func Sleep(d Duration)
        LibFunc::TimeSleep => "d",
        // func Since(t Time) Duration
        LibFunc::TimeSince => "t",
        // func (t Time) Sub(u Time) Duration
        LibFunc::TimeSub => "u",
        // func (d Duration) Round(m Duration) Duration
        LibFunc::DurationRound => "m",
        // func (d Duration) Truncate(m Duration) Duration
        LibFunc::DurationTruncate => "m",
        // func ParseDuration(s string) (Duration, error)
        LibFunc::TimeParseDuration => "s",
        // func (t Time) Before(u Time) bool
        LibFunc::TimeBefore => "u",
        // func (t Time) After(u Time) bool
        LibFunc::TimeAfterMethod => "u",
        // func (t Time) Equal(u Time) bool
        LibFunc::TimeEqual => "u",
        // func (t Time) Add(d Duration) Time
        LibFunc::TimeAdd => "d",
        // func Until(t Time) Duration
        LibFunc::TimeUntil => "t",
        // func After(d Duration) <-chan Time
        LibFunc::TimeAfter => "d",
        // func Tick(d Duration) <-chan Time
        LibFunc::TimeTick => "d",
        // func NewTimer(d Duration) *Timer
        LibFunc::TimeNewTimer => "d",
        // func NewTicker(d Duration) *Ticker
        LibFunc::TimeNewTicker => "d",
        // func AfterFunc(d Duration, f func()) *Timer
        LibFunc::TimeAfterFunc => "d f",
        // func (t *Timer) Reset(d Duration) bool
        LibFunc::TimerReset => "d",
        // func (t *Ticker) Reset(d Duration)
        LibFunc::TickerReset => "d",
        // func DecodeLastRuneInString(s string) (r rune, size int)
        LibFunc::Utf8DecodeLastRune => "s|r size",
        // func DecodeRuneInString(s string) (r rune, size int)
        LibFunc::Utf8DecodeRune => "s|r size",
        // func RuneCountInString(s string) (n int)
        LibFunc::Utf8RuneCount => "s|n",
        // func ValidString(s string) bool
        LibFunc::Utf8ValidString => "s",
        // func RuneLen(r rune) int
        LibFunc::Utf8RuneLen => "r",
        // func ValidRune(r rune) bool
        LibFunc::Utf8ValidRune => "r",
        // func Valid(p []byte) bool
        LibFunc::Utf8Valid => "p",
        // func DecodeRune(p []byte) (r rune, size int)
        LibFunc::Utf8DecodeRuneBytes => "p|r size",
        // func DecodeLastRune(p []byte) (r rune, size int)
        LibFunc::Utf8DecodeLastRuneBytes => "p|r size",
        // func RuneCount(p []byte) int
        LibFunc::Utf8RuneCountBytes => "p",
        // func FullRune(p []byte) bool
        LibFunc::Utf8FullRune => "p",
        // func FullRuneInString(s string) bool
        LibFunc::Utf8FullRuneInString => "s",
        // func RuneStart(b byte) bool
        LibFunc::Utf8RuneStart => "b",
        // func EncodeRune(p []byte, r rune) int
        LibFunc::Utf8EncodeRune => "p r",
        // func AppendRune(p []byte, r rune) []byte
        LibFunc::Utf8AppendRune => "p r",
        // func IsLetter(r rune) bool
        LibFunc::UnicodeIsLetter => "r",
        // func IsUpper(r rune) bool
        LibFunc::UnicodeIsUpper => "r",
        // func IsLower(r rune) bool
        LibFunc::UnicodeIsLower => "r",
        // func IsTitle(r rune) bool
        LibFunc::UnicodeIsTitle => "r",
        // func IsDigit(r rune) bool
        LibFunc::UnicodeIsDigit => "r",
        // func IsNumber(r rune) bool
        LibFunc::UnicodeIsNumber => "r",
        // func IsMark(r rune) bool
        LibFunc::UnicodeIsMark => "r",
        // func IsPunct(r rune) bool
        LibFunc::UnicodeIsPunct => "r",
        // func IsSymbol(r rune) bool
        LibFunc::UnicodeIsSymbol => "r",
        // func IsSpace(r rune) bool
        LibFunc::UnicodeIsSpace => "r",
        // func IsControl(r rune) bool
        LibFunc::UnicodeIsControl => "r",
        // func IsGraphic(r rune) bool
        LibFunc::UnicodeIsGraphic => "r",
        // func IsPrint(r rune) bool
        LibFunc::UnicodeIsPrint => "r",
        // func ToUpper(r rune) rune
        LibFunc::UnicodeToUpper => "r",
        // func ToLower(r rune) rune
        LibFunc::UnicodeToLower => "r",
        // func ToTitle(r rune) rune
        LibFunc::UnicodeToTitle => "r",
        // func To(_case int, r rune) rune
        LibFunc::UnicodeTo => "_case r",
        // func Is(rangeTab *RangeTable, r rune) bool
        LibFunc::UnicodeIs => "rangeTab r",
        // func In(r rune, ranges ...*RangeTable) bool
        LibFunc::UnicodeIn => "r ranges",
        // func IsOneOf(ranges []*RangeTable, r rune) bool
        LibFunc::UnicodeIsOneOf => "ranges r",
        // func Fprint(w io.Writer, a ...any) (n int, err error)
        LibFunc::FmtFprintFile => "w a|n err",
        // func Fprintln(w io.Writer, a ...any) (n int, err error)
        LibFunc::FmtFprintlnFile => "w a|n err",
        // func Fprintf(w io.Writer, format string, a ...any) (n int, err error)
        LibFunc::FmtFprintfFile => "w format a|n err",
        // func Fprint(w io.Writer, a ...any) (n int, err error)
        LibFunc::FmtFprintBuilder => "w a|n err",
        // func Fprintln(w io.Writer, a ...any) (n int, err error)
        LibFunc::FmtFprintlnBuilder => "w a|n err",
        // func Fprintf(w io.Writer, format string, a ...any) (n int, err error)
        LibFunc::FmtFprintfBuilder => "w format a|n err",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::LibType;

    #[test]
    fn every_name_list_fits_its_signature() {
        for &func in LibFunc::ALL {
            let names = func.param_names();
            if names == ParamNames::default() {
                continue;
            }
            let spec = func.spec();
            assert_eq!(
                names.params.len(),
                spec.params.len(),
                "{func:?}'s parameters"
            );
            assert!(
                names.results.is_empty() || names.results.len() == spec.results.len(),
                "{func:?}'s results"
            );
            for ((_, inner), t) in names.params.iter().zip(spec.params) {
                if inner.is_empty() {
                    continue;
                }
                match t {
                    LibType::Func(params, _) => {
                        assert_eq!(inner.len(), params.len(), "{func:?}'s function parameter")
                    }
                    _ => panic!("{func:?}: names for a parameter that is no function"),
                }
            }
        }
    }

    #[test]
    fn names_decode_as_go_declares_them() {
        let slice = LibFunc::SortSlice.param_names();
        assert_eq!(slice.params, vec![("x", vec![]), ("less", vec!["i", "j"])]);
        assert!(slice.results.is_empty());
        let add = LibFunc::AtomicAddInt64.param_names();
        assert_eq!(add.params, vec![("addr", vec![]), ("delta", vec![])]);
        assert_eq!(add.results, vec!["new"]);
    }
}
