//! What Go racemap understands, as data for front ends (the page's "What Go racemap
//! understands" panel): each entry names a construct and carries a program that uses it. The
//! tests compile every example, so the list cannot claim what the front end rejects, nor call
//! unsupported what it accepts. The library's functions are listed by [`crate::library`].

/// A construct of Go, with an example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Construct {
    /// What it is, in a few words (`goroutines and go statements`).
    pub name: &'static str,
    /// Statements of `func main` that use it (tab-indented, newline-separated).
    pub body: &'static str,
    /// Package-level declarations the body needs (may be empty).
    pub decls: &'static str,
    /// Packages the example imports.
    pub imports: &'static [&'static str],
}

const fn construct(name: &'static str, body: &'static str) -> Construct {
    Construct {
        name,
        body,
        decls: "",
        imports: &[],
    }
}

/// Constructs racemap runs as Go does.
pub const SUPPORTED: &[Construct] = &[
    Construct {
        name: "goroutines, sync and the go statement",
        body: "\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done() }()\n\twg.Wait()",
        decls: "",
        imports: &["sync"],
    },
    construct(
        "channels: buffered and unbuffered, close, range, select with default",
        "\tch := make(chan int, 1)\n\tselect {\n\tcase ch <- 1:\n\tdefault:\n\t}\n\tclose(ch)\n\tfor v := range ch {\n\t\t_ = v\n\t}",
    ),
    construct(
        "maps, slices, arrays, strings, append, copy, delete, len, cap",
        "\tm := map[string][]int{\"a\": {1}}\n\tm[\"a\"] = append(m[\"a\"], 2)\n\tdelete(m, \"b\")\n\tvar a [3]int\n\tn := copy(a[:], m[\"a\"])\n\t_ = n + len(\"go\") + cap(a[:])",
    ),
    Construct {
        name: "structs, methods on values and pointers",
        body: "\tc := &Counter{}\n\tc.Inc()\n\t_ = c.n",
        decls: "type Counter struct{ n int }\n\nfunc (c *Counter) Inc() { c.n++ }",
        imports: &[],
    },
    construct(
        "closures, variadic functions, multiple results, defer, panic and recover",
        "\tdefer func() { _ = recover() }()\n\tsum := func(xs ...int) (int, bool) { return len(xs), true }\n\tif n, ok := sum(1, 2); ok && n == 2 {\n\t\tpanic(\"two\")\n\t}",
    ),
    construct(
        "goto (within its block or out of blocks, never over a declaration or into a block)",
        "\ti := 0\nloop:\n\tif i < 3 {\n\t\ti++\n\t\tgoto loop\n\t}",
    ),
    Construct {
        name: "method expressions T.M, (*T).M of pointer methods, I.M of interfaces",
        body: "\tget := Counter.Get\n\tinc := (*Counter).Inc\n\tc := Counter{}\n\tinc(&c)\n\t_ = get(c)",
        decls: "type Counter struct{ n int }\n\nfunc (c Counter) Get() int { return c.n }\n\nfunc (c *Counter) Inc() { c.n++ }",
        imports: &[],
    },
    construct(
        "exact untyped constants as Go's (0.1+0.2 is 0.3, 1<<100>>98, hexadecimal floats)",
        "\tconst huge = 1 << 100\n\t_ = huge >> 98\n\t_ = 0.1 + 0.2 + 0x1p-2",
    ),
    construct(
        "constants and iota, labelled break and continue, switch and type switches on any",
        "\tconst (\n\t\tA = iota\n\t\tB\n\t)\nouter:\n\tfor i := 0; i < B; i++ {\n\t\tswitch v := any(i).(type) {\n\t\tcase int:\n\t\t\t_ = v\n\t\t\tcontinue outer\n\t\t}\n\t}",
    ),
    Construct {
        name: "interfaces with methods, embedding, type assertions and switches, fmt.Stringer",
        body: "\tvar s Shape = Square{2}\n\tif sq, ok := s.(Square); ok {\n\t\tfmt.Println(sq.Area(), s)\n\t}",
        decls: "type Shape interface{ Area() int }\n\ntype Square struct{ side int }\n\nfunc (q Square) Area() int { return q.side * q.side }\n\nfunc (q Square) String() string { return \"square\" }",
        imports: &["fmt"],
    },
    Construct {
        name: "sync.Cond, sync.Locker, runtime.Gosched and NumGoroutine",
        body: "\tvar mu sync.Mutex\n\tc := sync.NewCond(&mu)\n\tc.Broadcast()\n\truntime.Gosched()\n\t_ = runtime.NumGoroutine()",
        decls: "",
        imports: &["runtime", "sync"],
    },
    Construct {
        name: "errors: errors.New, Is, As, Unwrap, fmt.Errorf with %w",
        body: "\tbase := errors.New(\"base\")\n\terr := fmt.Errorf(\"wrapped: %w\", base)\n\tfmt.Println(errors.Is(err, base))",
        decls: "",
        imports: &["errors", "fmt"],
    },
    Construct {
        name: "timers: time.After, NewTimer (C, Stop, Reset), NewTicker, Tick, AfterFunc, Now, Since; time.ParseDuration and Duration's methods",
        body: "\tstart := time.Now()\n\tt := time.NewTimer(time.Second)\n\tif !t.Stop() {\n\t\t<-t.C\n\t}\n\ttime.AfterFunc(time.Millisecond, func() {})\n\tselect {\n\tcase <-time.After(time.Millisecond):\n\t}\n\t_ = time.Since(start)\n\td, err := time.ParseDuration(\"1h30m\")\n\t_, _ = d.Round(time.Minute).String(), err",
        decls: "",
        imports: &["time"],
    },
    Construct {
        name: "context: Background, WithCancel, WithTimeout, WithDeadline, WithValue, Done, Err",
        body: "\tctx, cancel := context.WithTimeout(context.Background(), time.Second)\n\tdefer cancel()\n\tselect {\n\tcase <-ctx.Done():\n\t\t_ = ctx.Err() == context.DeadlineExceeded\n\tdefault:\n\t}",
        decls: "",
        imports: &["context", "time"],
    },
    Construct {
        name: "sort: Ints, Strings, Float64s, Slice, SliceStable, Sort and Stable (your Less and Swap), Reverse, IntSlice, StringSlice, Float64Slice, Search",
        body: "\txs := []int{3, 1, 2}\n\tsort.Ints(xs)\n\tsort.Slice(xs, func(i, j int) bool { return xs[i] > xs[j] })\n\tsort.Sort(sort.Reverse(sort.IntSlice(xs)))\n\t_ = sort.SearchInts(xs, 2)",
        decls: "",
        imports: &["sort"],
    },
    Construct {
        name: "strings (Fields, Trim, Index, Replace, Count, EqualFold, Builder, …) and strconv (ParseInt, FormatInt, ParseFloat, FormatFloat, ParseBool, Quote, QuoteToASCII, Unquote, UnquoteChar, NumError, …)",
        body: "\tn, err := strconv.ParseInt(strings.TrimSpace(\" 42 \"), 10, 64)\n\tvar b strings.Builder\n\tb.WriteString(strconv.FormatInt(n, 2))\n\t_, _ = b.String(), err",
        decls: "",
        imports: &["strconv", "strings"],
    },
    Construct {
        name: "math/rand: top-level functions and rand.New(rand.NewSource(n)) (seeded and deterministic: Go 1.19's numbers)",
        body: "\trand.Seed(42)\n\t_ = rand.Intn(6) + len(rand.Perm(3))\n\trand.Shuffle(3, func(i, j int) {})\n\tr := rand.New(rand.NewSource(7))\n\t_ = r.Intn(10)",
        decls: "",
        imports: &["math/rand"],
    },
    Construct {
        name: "math: MaxInt64, MinInt64, MaxFloat64, Pi, … (exact constants), Inf, NaN, IsNaN, IsInf, Abs, Sqrt, Floor, Ceil, Trunc, Round, Max, Min, Pow, Mod, Exp, Log, Log2, Log10, Float64bits",
        body: "\tx := math.Sqrt(2) * math.Pi\n\t_ = math.Max(math.Floor(x), math.Pow(2, 10)) + math.Mod(x, 1)\n\t_ = math.IsNaN(math.NaN()) && math.IsInf(math.Inf(1), 1)\n\t_ = int64(math.MaxInt64)",
        decls: "",
        imports: &["math"],
    },
    Construct {
        name: "log: Print, Printf, Println, Fatal*, Panic*, SetFlags, SetPrefix, Flags, Prefix (the standard logger; timestamps from the virtual clock, which starts at 2009/11/10 23:00:00 UTC)",
        body: "\tlog.SetFlags(0)\n\tlog.SetPrefix(\"app: \")\n\tlog.Printf(\"%d items\", 3)\n\t_ = log.Flags() == log.LstdFlags",
        decls: "",
        imports: &["log"],
    },
    Construct {
        name: "sync/atomic.Value (Load, Store, Swap, CompareAndSwap) and method values of library types",
        body: "\tvar v atomic.Value\n\tv.Store(\"config\")\n\t_ = v.Load().(string)\n\tvar mu sync.Mutex\n\tlock, unlock := mu.Lock, mu.Unlock\n\tlock()\n\tunlock()",
        decls: "",
        imports: &["sync", "sync/atomic"],
    },
    Construct {
        name: "fmt.Fprint, Fprintln, Fprintf to os.Stdout, os.Stderr, a *strings.Builder and a *bytes.Buffer; os.Exit",
        body: "\tfmt.Fprintln(os.Stderr, \"warning\")\n\tvar b strings.Builder\n\tfmt.Fprintf(&b, \"%d\\n\", 42)\n\tfmt.Fprint(os.Stdout, b.String())\n\tos.Exit(0)",
        decls: "",
        imports: &["fmt", "os", "strings"],
    },
    Construct {
        name: "generics: generic functions and types with methods, explicit instantiation, argument type inference, constraints any, comparable, methods and type sets (~int | ~string)",
        body: "\ts := &Stack[int]{}\n\ts.Push(Sum(1, 2))\n\t_ = Sum[float64](1.5, 2)  > 3 && Max(\"a\", \"b\") == \"b\" && Index([]string{\"x\"}, \"x\") == 0",
        decls: "type Number interface{ ~int | ~int64 | ~float64 }\n\nfunc Sum[T Number](xs ...T) T {\n\tvar s T\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}\n\nfunc Max[T ~int | ~string](a, b T) T {\n\tif a < b {\n\t\treturn b\n\t}\n\treturn a\n}\n\nfunc Index[T comparable](xs []T, x T) int {\n\tfor i, v := range xs {\n\t\tif v == x {\n\t\t\treturn i\n\t\t}\n\t}\n\treturn -1\n}\n\ntype Stack[T any] struct{ items []T }\n\nfunc (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }",
        imports: &[],
    },
    Construct {
        name: "unicode/utf8: RuneCountInString, ValidString, DecodeRuneInString, DecodeLastRuneInString, FullRuneInString, their []byte forms (RuneCount, Valid, DecodeRune, DecodeLastRune, FullRune), EncodeRune, AppendRune, RuneStart, RuneLen, ValidRune, RuneError, UTFMax, RuneSelf, MaxRune",
        body: "\ts := \"héllo\"\n\tr, n := utf8.DecodeRuneInString(s)\n\t_ = utf8.RuneCountInString(s) == 5 && utf8.ValidString(s) && r != utf8.RuneError && n <= utf8.UTFMax\n\t_ = utf8.RuneLen('é') + len(s)",
        decls: "",
        imports: &["unicode/utf8"],
    },
    Construct {
        name: "unicode: IsLetter, IsDigit, IsNumber, IsSpace, IsUpper, IsLower, IsTitle, IsPunct, IsSymbol, IsMark, IsControl, IsGraphic, IsPrint, ToUpper, ToLower, ToTitle, To, MaxRune, ReplacementChar, MaxASCII, MaxLatin1, UpperCase, LowerCase, TitleCase, MaxCase (Go 1.19's Unicode 13 answers)",
        body: "	r := unicode.ToUpper('é')
	_ = unicode.IsLetter(r) && unicode.IsUpper(r) && !unicode.IsDigit('x') && unicode.IsSpace(' ')
	_ = unicode.To(unicode.LowerCase, r) != unicode.ReplacementChar && r <= unicode.MaxRune",
        decls: "",
        imports: &["unicode"],
    },
    Construct {
        name: "unicode range tables: Is, In, IsOneOf with the categories (L/Letter, Lu/Upper, Ll, Lt, Lm, M, Mn, Me, N, Nd/Digit, Nl, No, P/Punct, Pc, Pd, Ps, Pe, Pi, Pf, S/Symbol, Sm, Sc, Sk, Z/Space, Zs, Zl, Zp, C/Other, Cc, Cf, Co, Cs), the main scripts (Latin, Greek, Cyrillic, Han, Hiragana, Katakana, Hangul, Arabic, Hebrew, Devanagari, Thai, Common, Inherited, …) and White_Space, Hex_Digit, ASCII_Hex_Digit, Dash, Hyphen, Quotation_Mark, Ideographic, …",
        body: "\tr := '世'\n\t_ = unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Latin, unicode.Greek)\n\t_ = unicode.IsOneOf([]*unicode.RangeTable{unicode.Hiragana, unicode.Katakana}, r)",
        decls: "",
        imports: &["unicode"],
    },
    Construct {
        name: "bytes.Buffer: WriteString, Write, WriteByte, WriteRune, String, Len, Reset (not safe for concurrent use, as in Go)",
        body: "\tvar buf bytes.Buffer\n\tbuf.WriteString(\"a\")\n\tbuf.WriteByte('b')\n\tbuf.Write([]byte(\"c\"))\n\t_, _ = buf.String(), buf.Len()\n\tbuf.Reset()",
        decls: "",
        imports: &["bytes"],
    },
];

/// Constructs racemap rejects with `racemap does not support …` at their position.
pub const UNSUPPORTED: &[Construct] = &[
    Construct {
        name: "generic types declared inside a function",
        body: "\ttype Box[T any] struct{ v T }\n\t_ = Box[int]{}",
        decls: "",
        imports: &[],
    },
    Construct {
        name: "packages beyond fmt, sync, sync/atomic, time, context, errors, strings, strconv, runtime, testing, sort, math, math/rand, log, bytes, unicode, unicode/utf8 (and of os, all but Stdout, Stderr, Args and Exit)",
        body: "\t_, _ = os.Getwd()",
        decls: "",
        imports: &["os"],
    },
];

impl Construct {
    /// The example as a whole Go program.
    pub fn program(&self) -> String {
        let mut text = String::from("package main\n\n");
        for import in self.imports {
            text.push_str(&format!("import \"{import}\"\n"));
        }
        if !self.imports.is_empty() {
            text.push('\n');
        }
        if !self.decls.is_empty() {
            text.push_str(self.decls);
            text.push_str("\n\n");
        }
        text.push_str("func main() {\n");
        text.push_str(self.body);
        text.push_str("\n}\n");
        text
    }
}
