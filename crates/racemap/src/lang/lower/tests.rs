//! Lowering tests: disassembly of small programs (what the VM will execute), checked with
//! `expect_test` (`UPDATE_EXPECT=1 cargo test -p racemap lower` to review changes).

use crate::compile::compile;
use expect_test::{expect, Expect};

/// Compile `src` and compare the disassembly of the functions named in `funcs`.
fn check(src: &str, funcs: &[&str], want: Expect) {
    let prog = match compile(src) {
        Ok(p) => p,
        Err(d) => panic!("does not compile: {d:?}"),
    };
    let mut out = String::new();
    for (i, f) in prog.funcs.iter().enumerate() {
        if funcs.contains(&&*f.name) {
            out.push_str(&prog.disassemble_func(crate::bytecode::FuncId(i as u32)));
        }
    }
    want.assert_eq(&out);
}

#[test]
fn closure_captures_per_iteration_loop_variable() {
    // `i` escapes (captured), so it lives in a cell; each iteration gets a fresh cell
    // (`Rebox` before the post statement), as Go 1.22 specifies.
    check(
        r#"package main

import "fmt"

func main() {
	fs := []func(){}
	for i := 0; i < 2; i++ {
		fs = append(fs, func() { fmt.Println(i) })
	}
	for _, f := range fs {
		f()
	}
}
"#,
        &["main.main", "main.main.func1"],
        expect![[r#"
            func main.main () () locals=9 captures=0
                0 L6   SliceLit func() 0
                1 L6   StoreLocal 0
                2 L7   PushInt 0
                3 L7   Box int
                4 L7   InitWrites
                5 L7   StoreLocal 1
                6 L7   LoadLocal 1
                7 L7   Load
                8 L7   PushInt 2
                9 L7   Binary < int
               10 L7   JumpIfNot 30
               11 L8   LoadLocal 0
               12 L8   LoadLocal 1
               13 L8   MakeClosure main.main.func1 1
               14 L8   Append func() 1
               15 L8   StoreLocal 0
               16 L7   LoadLocal 1
               17 L7   Rebox
               18 L7   StoreLocal 1
               19 L7   LoadLocal 1
               20 L7   StoreLocal 2
               21 L7   LoadLocal 2
               22 L7   Load
               23 L7   PushInt 1
               24 L7   Binary + int
               25 L7   StoreLocal 3
               26 L7   LoadLocal 2
               27 L7   LoadLocal 3
               28 L7   Store
               29 L7   Jump 6
               30 L10  LoadLocal 0
               31 L10  StoreLocal 4
               32 L10  LoadLocal 4
               33 L10  Len
               34 L10  StoreLocal 5
               35 L10  PushInt 0
               36 L10  StoreLocal 6
               37 L10  LoadLocal 6
               38 L10  LoadLocal 5
               39 L10  Binary < int
               40 L10  JumpIfNot 55
               41 L10  LoadLocal 4
               42 L10  LoadLocal 6
               43 L10  SliceElemPtr
               44 L10  Load
               45 L10  StoreLocal 7
               46 L10  LoadLocal 7
               47 L10  StoreLocal 8
               48 L11  LoadLocal 8
               49 L11  CallValue argc=0 results=0
               50 L10  LoadLocal 6
               51 L10  PushInt 1
               52 L10  Binary + int
               53 L10  StoreLocal 6
               54 L10  Jump 37
               55 L13  Return
            func main.main.func1 () () locals=0 captures=1
                0 L8   Capture 0
                1 L8   Load
                2 L8   ToIface int
                3 L8   CallLib fmt.Println 1
                4 L8   Pop
                5 L8   Pop
                6 L8   Return
        "#]],
    );
}

#[test]
fn map_increment_and_pointer_method_with_auto_address() {
    // `c.Inc("a")` takes `&c` (c escapes: Alloc); `c.m[k]++` is a map read then a map write
    // (`MapGet`, `MapSet`), as Go's race builds compile it.
    check(
        r#"package main

import "sync"

type Counter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	c.m[k]++
	c.mu.Unlock()
}

func main() {
	var c Counter
	c.m = map[string]int{}
	c.Inc("a")
}
"#,
        &["main.main", "main.(*Counter).Inc"],
        expect![[r#"
            func main.(*Counter).Inc (*Counter, string) () locals=5 captures=0
                0 L11  LoadLocal 0
                1 L11  FieldPtr 0
                2 L11  CallLib sync.(*Mutex).Lock 1
                3 L12  LoadLocal 0
                4 L12  FieldPtr 1
                5 L12  Load
                6 L12  StoreLocal 2
                7 L12  LoadLocal 1
                8 L12  StoreLocal 3
                9 L12  LoadLocal 2
               10 L12  LoadLocal 3
               11 L12  MapGet int
               12 L12  PushInt 1
               13 L12  Binary + int
               14 L12  StoreLocal 4
               15 L12  LoadLocal 2
               16 L12  LoadLocal 3
               17 L12  LoadLocal 4
               18 L12  MapSet
               19 L13  LoadLocal 0
               20 L13  FieldPtr 0
               21 L13  CallLib sync.(*Mutex).Unlock 1
               22 L14  Return
            func main.main () () locals=3 captures=0
                0 L17  Alloc Counter
                1 L17  InitWrites
                2 L17  StoreLocal 0
                3 L18  LoadLocal 0
                4 L18  FieldPtr 1
                5 L18  StoreLocal 1
                6 L18  MapLit map[string]int 0
                7 L18  StoreLocal 2
                8 L18  LoadLocal 1
                9 L18  LoadLocal 2
               10 L18  Store
               11 L19  LoadLocal 0
               12 L19  PushStr "a"
               13 L19  Call main.(*Counter).Inc 2
               14 L20  Return
        "#]],
    );
}

#[test]
fn defer_evaluates_arguments_and_named_result_lives_in_a_cell() {
    check(
        r#"package main

import "fmt"

func f() (n int) {
	defer func() { n *= 2 }()
	defer fmt.Println("deferred", n)
	n = 3
	return n + 1
}

func main() {
	fmt.Println(f())
}
"#,
        &["main.f", "main.f.func1"],
        expect![[r#"
            func main.f () (int) locals=4 captures=0
                0 L5   Alloc int
                1 L5   StoreLocal 0
                2 L6   LoadLocal 0
                3 L6   MakeClosure main.f.func1 1
                4 L6   Defer argc=0
                5 L7   PushStr "deferred"
                6 L7   ToIface string
                7 L7   LoadLocal 0
                8 L7   Load
                9 L7   ToIface int
               10 L7   DeferLib fmt.Println 2
               11 L8   LoadLocal 0
               12 L8   StoreLocal 1
               13 L8   PushInt 3
               14 L8   StoreLocal 2
               15 L8   LoadLocal 1
               16 L8   LoadLocal 2
               17 L8   Store
               18 L9   LoadLocal 0
               19 L9   Load
               20 L9   PushInt 1
               21 L9   Binary + int
               22 L9   StoreLocal 3
               23 L9   LoadLocal 0
               24 L9   LoadLocal 3
               25 L9   Store
               26 L9   Return
               27 L10  Return
            func main.f.func1 () () locals=2 captures=1
                0 L6   Capture 0
                1 L6   StoreLocal 0
                2 L6   LoadLocal 0
                3 L6   Load
                4 L6   PushInt 2
                5 L6   Binary * int
                6 L6   StoreLocal 1
                7 L6   LoadLocal 0
                8 L6   LoadLocal 1
                9 L6   Store
               10 L6   Return
        "#]],
    );
}

#[test]
fn select_with_send_receive_and_default() {
    check(
        r#"package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan string)
	select {
	case a <- 1:
		fmt.Println("sent")
	case s, ok := <-b:
		fmt.Println(s, ok)
	default:
		fmt.Println("none")
	}
}
"#,
        &["main.main"],
        expect![[r#"
            func main.main () () locals=8 captures=0
                0 L6   PushInt 1
                1 L6   MakeChan int
                2 L6   StoreLocal 0
                3 L7   PushInt 0
                4 L7   MakeChan string
                5 L7   StoreLocal 1
                6 L9   LoadLocal 0
                7 L9   PushInt 1
                8 L11  LoadLocal 1
                9 L8   Select 0 [send, recv, default]
               10 L8   StoreLocal 2
               11 L8   StoreLocal 3
               12 L8   StoreLocal 4
               13 L8   LoadLocal 2
               14 L8   PushInt 0
               15 L8   Eq
               16 L8   JumpIf 26
               17 L8   LoadLocal 2
               18 L8   PushInt 1
               19 L8   Eq
               20 L8   JumpIf 32
               21 L8   LoadLocal 2
               22 L8   PushInt 2
               23 L8   Eq
               24 L8   JumpIf 46
               25 L8   Jump 52
               26 L10  PushStr "sent"
               27 L10  ToIface string
               28 L10  CallLib fmt.Println 1
               29 L10  Pop
               30 L10  Pop
               31 L10  Jump 52
               32 L11  LoadLocal 4
               33 L11  StoreLocal 5
               34 L11  LoadLocal 3
               35 L11  StoreLocal 6
               36 L12  LoadLocal 6
               37 L12  StoreLocal 7
               38 L12  LoadLocal 5
               39 L12  ToIface string
               40 L12  LoadLocal 7
               41 L12  ToIface bool
               42 L12  CallLib fmt.Println 2
               43 L12  Pop
               44 L12  Pop
               45 L12  Jump 52
               46 L14  PushStr "none"
               47 L14  ToIface string
               48 L14  CallLib fmt.Println 1
               49 L14  Pop
               50 L14  Pop
               51 L14  Jump 52
               52 L16  Return
        "#]],
    );
}

#[test]
fn value_receiver_copies_and_struct_field_assignment() {
    check(
        r#"package main

type P struct{ X, Y int }

func (p P) Moved() P {
	p.X++
	return p
}

func main() {
	a := P{Y: 2}
	b := a.Moved()
	_ = b
}
"#,
        &["main.P.Moved", "main.main"],
        expect![[r#"
            func main.P.Moved (P) (P) locals=4 captures=0
                0 L6   LoadLocal 0
                1 L6   Field 0
                2 L6   PushInt 1
                3 L6   Binary + int
                4 L6   StoreLocal 2
                5 L6   PushInt 0
                6 L6   LoadLocal 2
                7 L6   StoreLocalPath slot=0 depth=1
                8 L7   LoadLocal 0
                9 L7   StoreLocal 3
               10 L7   LoadLocal 3
               11 L7   StoreLocal 1
               12 L7   Return
               13 L8   Return
            func main.main () () locals=3 captures=0
                0 L11  PushInt 2
                1 L11  StoreLocal 0
                2 L11  Zero int
                3 L11  LoadLocal 0
                4 L11  MakeStruct 2
                5 L11  StoreLocal 1
                6 L12  LoadLocal 1
                7 L12  Call main.P.Moved 1
                8 L12  StoreLocal 2
                9 L13  LoadLocal 2
               10 L13  Pop
               11 L14  Return
        "#]],
    );
}

/// Constructs the checker accepts but racemap cannot run are reported, at their position, in
/// the `racemap does not support X` form.
#[test]
fn unsupported_constructs_are_diagnosed() {
    let cases = [
        (
            "package main\n\nfunc main() {\n\ts := []int{1}\n\tdefer copy(s, s)\n}\n",
            "prog.go:5:8: racemap does not support go/defer of copy\n",
        ),
        (
            "package main\n\nimport \"sort\"\n\nfunc main() {\n\tvar x any = []int{2, 1}\n\tsort.Slice(x, func(i, j int) bool { return i < j })\n}\n",
            "prog.go:7:2: racemap does not support sort.Slice of a value whose static type is not a slice\n",
        ),
        (
            "package main\n\ntype T struct{}\n\nfunc (T) M() {}\n\nfunc main() {\n\t_ = (*T).M\n}\n",
            "prog.go:8:6: racemap does not support method expressions (*T).M of value methods\n",
        ),
        (
            "package main\n\nimport (\n\t\"sort\"\n\t\"strings\"\n)\n\nfunc main() {\n\tup := strings.ToUpper\n\t_ = up\n\t_, _ = strings.Map, sort.Ints\n}\n",
            "prog.go:11:9: racemap does not support strings.Map as a value\nprog.go:11:22: racemap does not support sort.Ints as a value\n",
        ),
        (
            "package main\n\nimport \"strings\"\n\nfunc main() {\n\tpairs := []string{\"a\", \"b\"}\n\t_ = strings.NewReplacer(pairs...)\n}\n",
            "prog.go:7:6: racemap does not support strings.NewReplacer(xs...) with a spread slice\n",
        ),
    ];
    for (src, want) in cases {
        let got = match compile(src) {
            Ok(_) => String::new(),
            Err(d) => crate::diag::render_all(&d, &crate::diag::SourceMap::new("prog.go", src)),
        };
        assert_eq!(got, want, "{src}");
    }
}

/// `go`/`defer` calls with arguments run through a wrapper closure named as Go 1.19 names it
/// (numbered after the function literals, in source order), so goroutine stacks in race reports
/// show the same frames as `go run -race` (`main.work()` above `main.main.func3()`).
#[test]
fn go_statement_wrappers_are_named_like_go() {
    let src = r#"package main

import "fmt"

func work(n int) {}

func main() {
	f := func() {}
	go work(1)
	go f()
	defer fmt.Println("x")
	go func(n int) {}(2)
}
"#;
    let prog = compile(src).expect("compiles");
    let names: Vec<&str> = prog.funcs.iter().map(|f| &*f.name).collect();
    assert_eq!(
        names,
        [
            "main.work",
            "main.main",
            "main.init",
            "main.main.func1",
            "main.main.func3",
            "main.main.func2",
            "main.main.func5",
        ]
    );
    check(
        src,
        &["main.main.func3", "main.main.func5"],
        expect![[r#"
            func main.main.func3 (invalid type) () locals=1 captures=0 wrapper
                0 L9   LoadLocal 0
                1 L9   Call main.work 1
                2 L9   Return
            func main.main.func5 (invalid type, invalid type) () locals=2 captures=0 wrapper
                0 L12  LoadLocal 0
                1 L12  LoadLocal 1
                2 L12  CallValue argc=1 results=0
                3 L12  Return
        "#]],
    );
}

/// `for i := range arr` does not read the array (Go evaluates it only when its length is not
/// constant), so it cannot race with writers of the array.
#[test]
fn range_over_array_index_only_does_not_read_the_array() {
    let src = "package main\n\nvar shards [4]int\n\nfunc main() {\n\tn := 0\n\tfor i := range shards {\n\t\tn += i\n\t}\n\tfor _, v := range shards {\n\t\tn += v\n\t}\n\tprintln(n)\n}\n";
    let prog = compile(src).expect("compiles");
    let main = prog
        .funcs
        .iter()
        .find(|f| &*f.name == "main.main")
        .expect("main.main");
    let loads: Vec<u32> = main
        .code
        .iter()
        .zip(&main.spans)
        .filter(|(i, _)| matches!(i, crate::bytecode::Instr::Load))
        .map(|(_, s)| prog.source_map.line(s.lo))
        .collect();
    // Only the second loop (which uses the values) reads `shards`, once, on line 10.
    assert_eq!(loads, vec![10]);
}

/// A checker output without the type of an expression lowering needs is racemap's own fault:
/// debug builds stop at the `debug_assert!`, release builds report `racemap internal error`
/// instead of compiling a program with a guessed type.
#[test]
#[cfg_attr(debug_assertions, should_panic(expected = "racemap internal error"))]
fn a_missing_expression_type_is_an_internal_error() {
    let src = "package main\n\nfunc main() {\n\tx := 1\n\tx = -x\n\t_ = x\n}\n";
    let (file, diags) = crate::lang::parser::parse(src);
    assert!(diags.is_empty());
    let mut checked = crate::lang::check::check(&file).expect("valid program");
    for e in checked.info.exprs.iter_mut() {
        *e = None;
    }
    let diags = crate::lang::lower::lower(&checked, src, "prog.go").expect_err("no types");
    assert!(
        diags[0].message.starts_with("racemap internal error: "),
        "{diags:?}"
    );
}
