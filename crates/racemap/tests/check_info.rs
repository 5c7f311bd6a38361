//! Expect-tests on the checker's `Info`: expression types after untyped conversion, implicit
//! interface conversions, escapes and loop variables, closure names and captures, selections and
//! call kinds. Each test dumps the facts lowering relies on in a readable form.

mod support;

use expect_test::{expect, Expect};
use racemap::lang::check::{self, CallKind, ObjectKind, Selection};
use racemap::lang::parser;
use std::collections::BTreeMap;

/// Each node's span by its id.
fn spans(file: &racemap::lang::ast::File) -> BTreeMap<u32, (u32, u32)> {
    let (nodes, _) = support::ast_nodes::nodes_and_spans(file);
    nodes
        .into_iter()
        .filter_map(|n| Some((n.id, n.span?)))
        .collect()
}

fn dump(src: &str) -> String {
    let (file, perr) = parser::parse(src);
    assert!(perr.is_empty(), "{perr:?}");
    let checked = match check::check(&file) {
        Ok(c) => c,
        Err(d) => panic!("{d:?}"),
    };
    let (info, types) = (&checked.info, &checked.types);
    let spans = spans(&file);
    let text = |id: u32| {
        spans
            .get(&id)
            .map(|(lo, hi)| src[*lo as usize..*hi as usize].to_string())
            .unwrap_or_default()
    };
    let mut out = String::new();
    for (key, f) in &info.funcs {
        let caps: Vec<&str> = f
            .captures
            .iter()
            .map(|o| info.object(*o).name.as_str())
            .collect();
        let _ = key;
        out.push_str(&format!(
            "func {} {} captures [{}]\n",
            f.name,
            types.display(f.sig, false),
            caps.join(", ")
        ));
    }
    for o in &info.objects {
        if let ObjectKind::Var(v) = &o.kind {
            let mut flags = String::new();
            if v.escapes {
                flags.push_str(" escapes");
            }
            if v.loop_var {
                flags.push_str(" loop_var");
            }
            out.push_str(&format!(
                "var {} {:?} {}{flags}\n",
                o.name,
                v.kind,
                types.display(v.ty, false)
            ));
        }
    }
    for (i, e) in info.exprs.iter().enumerate() {
        let Some(e) = e else { continue };
        if e.value.is_some() || e.implicit.is_some() {
            let mut line = format!("expr `{}`: {}", text(i as u32), types.display(e.ty, false));
            if let Some(v) = &e.value {
                line.push_str(&format!(" = {v:?}"));
            }
            if let Some(t) = e.implicit {
                line.push_str(&format!(" -> {}", types.display(t, false)));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    for (id, s) in &info.selections {
        let d = match s {
            Selection::Field { path } => format!(
                "field {:?}",
                path.iter().map(|p| (p.index, p.deref)).collect::<Vec<_>>()
            ),
            Selection::Method { method, adjust, .. } => {
                format!("method {} {:?}", info.object(*method).name, adjust)
            }
            Selection::LibMethod {
                func, path, adjust, ..
            } => format!(
                "lib {} via {:?} {:?}",
                func.go_name(),
                path.iter().map(|p| p.index).collect::<Vec<_>>(),
                adjust
            ),
            Selection::IfaceMethod {
                name, iface, path, ..
            } => format!(
                "interface method {}.{name} via {:?}",
                types.display(*iface, false),
                path.iter().map(|p| p.index).collect::<Vec<_>>()
            ),
            Selection::Qualified { object } => format!("pkg member {}", info.object(*object).name),
            Selection::MethodExpr { method } => {
                format!("method expression {}", info.object(*method).name)
            }
            Selection::LibMethodExpr { func } => {
                format!("method expression {}", func.go_name())
            }
            Selection::IfaceMethodExpr { name, iface, .. } => {
                format!("method expression {}.{name}", types.display(*iface, false))
            }
        };
        out.push_str(&format!("sel `{}`: {d}\n", text(id.0)));
    }
    for (id, c) in &info.calls {
        let k = match &c.kind {
            CallKind::Conversion { to } => format!("conversion to {}", types.display(*to, false)),
            CallKind::Builtin(b) => format!("builtin {}", b.name()),
            CallKind::Lib(f) | CallKind::LibMethod(f) => format!("lib {}", f.go_name()),
            CallKind::Method { method } => format!("method {}", info.object(*method).name),
            CallKind::IfaceMethod { name } => format!("interface method {name}"),
            CallKind::Func { func } => format!("func {}", info.object(*func).name),
            CallKind::Closure => "closure".to_string(),
        };
        let pack = c
            .pack_variadic
            .map(|(i, t)| format!(" pack from {i} as {}", types.display(t, false)))
            .unwrap_or_default();
        out.push_str(&format!("call `{}`: {k}{pack}\n", text(id.0)));
    }
    for (id, r) in &info.ranges {
        let t = text(id.0);
        out.push_str(&format!(
            "range `{}`: {:?}\n",
            t.lines().next().unwrap_or(""),
            r.kind
        ));
    }
    out
}

fn check(src: &str, expect: Expect) {
    expect.assert_eq(&dump(src));
}

#[test]
fn untyped_constants_take_the_type_of_their_context() {
    check(
        r#"package main

import "fmt"

func main() {
	var x int64 = 5
	y := x + 1
	fmt.Println(y, 2.5, "s")
}
"#,
        expect![[r#"
            func main.main func() captures []
            var x Local int64
            var y Local int64
            expr `5`: int64 = Int(5)
            expr `1`: int64 = Int(1)
            expr `y`: int64 -> interface {}
            expr `2.5`: float64 = Float(5/2) -> interface {}
            expr `"s"`: string = String("s") -> interface {}
            sel `fmt.Println`: pkg member Println
            call `fmt.Println(y, 2.5, "s")`: lib fmt.Println pack from 0 as []interface {}
        "#]],
    );
}

#[test]
fn closures_capture_and_escape_with_go_runtime_names() {
    check(
        r#"package main

import "sync"

func main() {
	var mu sync.Mutex
	m := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			m[i] = i
			mu.Unlock()
			func() { _ = m }()
		}()
	}
	wg.Wait()
	n := 0
	p := &n
	_ = p
}
"#,
        expect![[r#"
            func main.main func() captures []
            func main.main.func1 func() captures [wg, mu, m, i]
            func main.main.func1.1 func() captures [m]
            var mu Local sync.Mutex escapes
            var m Local map[int]int escapes
            var wg Local sync.WaitGroup escapes
            var i Local int escapes loop_var
            var n Local int escapes
            var p Local *int
            expr `0`: int = Int(0)
            expr `2`: int = Int(2)
            expr `1`: int = Int(1)
            expr `0`: int = Int(0)
            sel `sync.Mutex`: pkg member Mutex
            sel `sync.WaitGroup`: pkg member WaitGroup
            sel `wg.Add`: lib sync.(*WaitGroup).Add via [] AddrOf
            sel `wg.Done`: lib sync.(*WaitGroup).Done via [] AddrOf
            sel `mu.Lock`: lib sync.(*Mutex).Lock via [] AddrOf
            sel `mu.Unlock`: lib sync.(*Mutex).Unlock via [] AddrOf
            sel `wg.Wait`: lib sync.(*WaitGroup).Wait via [] AddrOf
            call `wg.Add(1)`: lib sync.(*WaitGroup).Add
            call `func() {
            			defer wg.Done()
            			mu.Lock()
            			m[i] = i
            			mu.Unlock()
            			func() { _ = m }()
            		}()`: closure
            call `wg.Done()`: lib sync.(*WaitGroup).Done
            call `mu.Lock()`: lib sync.(*Mutex).Lock
            call `mu.Unlock()`: lib sync.(*Mutex).Unlock
            call `func() { _ = m }()`: closure
            call `wg.Wait()`: lib sync.(*WaitGroup).Wait
        "#]],
    );
}

#[test]
fn methods_fields_and_receiver_adjustments() {
    check(
        r#"package main

import "sync"

type Inner struct{ v int }

type Cache struct {
	sync.RWMutex
	Inner
	data map[string]int
}

func (c *Cache) Get(k string) int {
	c.RLock()
	defer c.RUnlock()
	return c.data[k] + c.v
}

func (c Cache) Size() int { return len(c.data) }

func main() {
	var c Cache
	c.Get("a")
	p := &c
	p.Size()
	for k, v := range c.data {
		_, _ = k, v
	}
	for i := range 3 {
		_ = i
	}
}
"#,
        expect![[r#"
            func main.(*Cache).Get func(k string) int captures []
            func main.Cache.Size func() int captures []
            func main.main func() captures []
            var c Receiver *Cache
            var k Param string
            var _ Result int
            var c Receiver Cache
            var _ Result int
            var c Local Cache escapes
            var p Local *Cache
            var k Local string loop_var
            var v Local int loop_var
            var i Local int loop_var
            expr `"a"`: string = String("a")
            expr `3`: int = Int(3)
            sel `sync.RWMutex`: pkg member RWMutex
            sel `c.RLock`: lib sync.(*RWMutex).RLock via [0] AddrOf
            sel `c.RUnlock`: lib sync.(*RWMutex).RUnlock via [0] AddrOf
            sel `c.data`: field [(2, true)]
            sel `c.v`: field [(1, true), (0, false)]
            sel `c.data`: field [(2, false)]
            sel `c.Get`: method Get AddrOf
            sel `p.Size`: method Size Deref
            sel `c.data`: field [(2, false)]
            call `c.RLock()`: lib sync.(*RWMutex).RLock
            call `c.RUnlock()`: lib sync.(*RWMutex).RUnlock
            call `len(c.data)`: builtin len
            call `c.Get("a")`: method Get
            call `p.Size()`: method Size
            range `for k, v := range c.data {`: Map
            range `for i := range 3 {`: Int
        "#]],
    );
}

#[test]
fn comma_ok_tuples_type_switches_and_elided_pointers() {
    let src = r#"package main

import (
	"fmt"
	"sync"
)

type P struct{ X int }

func pair() (int, string) { return 1, "a" }

func main() {
	var m sync.Map
	v, ok := m.Load("k")
	var a any
	var n string
	a, n = pair()
	fmt.Println(pair())
	ps := []*P{{X: 1}}
	switch x := v.(type) {
	case int:
		fmt.Println(x + 1)
	case nil, string:
		fmt.Println(x, ok, a, n, ps)
	}
}
"#;
    let (file, perr) = parser::parse(src);
    assert!(perr.is_empty());
    let checked = check::check(&file).expect("valid program");
    let info = &checked.info;
    let types = &checked.types;
    let spans = spans(&file);
    let text = |id: u32| {
        spans
            .get(&id)
            .map(|(lo, hi)| src[*lo as usize..*hi as usize].to_string())
            .unwrap_or_default()
    };
    let mut out = String::new();
    for (id, conv) in &info.tuple_implicit {
        let c: Vec<String> = conv
            .iter()
            .map(|t| t.map(|t| types.display(t, false)).unwrap_or("-".into()))
            .collect();
        out.push_str(&format!(
            "tuple `{}` boxes [{}]\n",
            text(id.0),
            c.join(", ")
        ));
    }
    for (clause, obj) in &info.type_switch_vars {
        let ty = info
            .local(*obj)
            .map(|v| types.display(v.ty, false))
            .unwrap_or_default();
        out.push_str(&format!(
            "clause {} binds x: {ty}\n",
            text(clause.0).lines().next().unwrap_or("")
        ));
    }
    let lits: Vec<String> = info
        .exprs
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let e = e.as_ref()?;
            let t = text(i as u32);
            (t == "{X: 1}").then(|| format!("elided literal `{t}`: {}", types.display(e.ty, false)))
        })
        .collect();
    out.push_str(&lits.join("\n"));
    expect![[r#"
        tuple `pair()` boxes [interface {}, -]
        tuple `pair()` boxes [interface {}, interface {}]
        clause case int: binds x: int
        clause case nil, string: binds x: interface {}
        elided literal `{X: 1}`: *P"#]]
    .assert_eq(&out);
}

#[test]
fn non_constant_shifts_take_the_type_of_their_context() {
    let out = dump(
        r#"package main

func main() {
	n := 3
	var a int64 = 1 << n
	c := 1 << n
	_, _ = a, c
}
"#,
    );
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("expr `1`") || l.starts_with("var"))
        .collect();
    expect![[r#"
        var n Local int
        var a Local int64
        var c Local int
        expr `1`: int64 = Int(1)
        expr `1`: int = Int(1)"#]]
    .assert_eq(&lines.join("\n"));
}

#[test]
fn globals_initialize_in_dependency_order_through_functions() {
    let src = r#"package main

var cache = newCache()

type Cache struct{ m map[string]int }

func newCache() *Cache { return &Cache{m: defaults} }

var defaults = map[string]int{"a": 1}

var a, b = c + 1, 2

var c = 3

func main() { _ = cache }
"#;
    let (file, _) = parser::parse(src);
    let checked = check::check(&file).expect("valid program");
    let info = &checked.info;
    let order: Vec<String> = info
        .global_inits
        .iter()
        .map(|g| {
            g.lhs
                .iter()
                .map(|o| o.map(|o| info.object(o).name.clone()).unwrap_or("_".into()))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    expect!["defaults cache c a,b"].assert_eq(&order.join(" "));
}
