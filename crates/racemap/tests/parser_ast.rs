//! The parser builds the expected tree for realistic programs: precedence, composite literals
//! (elided inner types, keyed elements), the composite-literal ambiguity in statement headers,
//! select, type switches, closures, methods, parameter lists, constants with `iota`.
//!
//! Trees are compared as a compact S-expression dump (`expect_test`; `UPDATE_EXPECT=1` rewrites
//! the expectations). Every test also checks the node-id invariant: ids are unique and, for a
//! program without errors, exactly `0..node_count`.

use expect_test::{expect, Expect};
use racemap::lang::ast::*;
use racemap::lang::parser::parse;

// ---------------------------------------------------------------------------------------------
// A compact dump of the tree

struct Dump {
    out: String,
    ids: Vec<u32>,
}

impl Dump {
    fn ident(&mut self, i: &Ident) -> String {
        self.ids.push(i.id.0);
        i.name.clone()
    }

    fn exprs(&mut self, xs: &[Expr]) -> String {
        xs.iter()
            .map(|x| self.expr(x))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn params(&mut self, ps: &[Param]) -> String {
        let parts: Vec<String> = ps
            .iter()
            .map(|p| {
                let ty = self.expr(&p.ty);
                let dots = if p.variadic { "..." } else { "" };
                match &p.name {
                    Some(n) => format!("{} {dots}{ty}", self.ident(n)),
                    None => format!("{dots}{ty}"),
                }
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    /// Type parameters as `[T any, U comparable]` (empty when there are none).
    fn tparams(&mut self, ps: &[Param]) -> String {
        if ps.is_empty() {
            return String::new();
        }
        let p = self.params(ps);
        format!("[{}]", &p[1..p.len() - 1])
    }

    fn sig(&mut self, sig: &FuncType) -> String {
        let ps = self.params(&sig.params);
        let rs = self.params(&sig.results);
        format!("{ps} {rs}")
    }

    fn expr(&mut self, e: &Expr) -> String {
        self.ids.push(e.id.0);
        match &e.kind {
            ExprKind::Ident(i) => self.ident(i),
            ExprKind::IntLit(s) | ExprKind::FloatLit(s) | ExprKind::ImagLit(s) => s.clone(),
            ExprKind::RuneLit(c) => format!("{c:?}"),
            ExprKind::StringLit { value, raw } => {
                format!("{}{value:?}", if *raw { "raw" } else { "" })
            }
            ExprKind::CompositeLit { ty, elts, .. } => {
                let ty = match ty {
                    Some(t) => self.expr(t),
                    None => "_".to_string(),
                };
                let els: Vec<String> = elts
                    .iter()
                    .map(|el| {
                        let v = self.expr(&el.value);
                        match &el.key {
                            Some(k) => format!("{}: {v}", self.expr(k)),
                            None => v,
                        }
                    })
                    .collect();
                format!("(lit {ty} {})", els.join(", "))
            }
            ExprKind::FuncLit { sig, body } => {
                let sig = self.sig(sig);
                let body = self.block(body, 1);
                format!("(func {sig} {body})")
            }
            ExprKind::Paren(x) => format!("(paren {})", self.expr(x)),
            ExprKind::Selector { x, sel } => {
                let x = self.expr(x);
                format!("{x}.{}", self.ident(sel))
            }
            ExprKind::Index { x, indices } => {
                let x = self.expr(x);
                format!("(index {x} {})", self.exprs(indices))
            }
            ExprKind::Slice { x, lo, hi, max } => {
                let x = self.expr(x);
                let mut part = |b: &Option<Box<Expr>>| match b {
                    Some(b) => self.expr(b),
                    None => "_".to_string(),
                };
                let (lo, hi, max) = (part(lo), part(hi), part(max));
                format!("(slice {x} {lo} {hi} {max})")
            }
            ExprKind::TypeAssert { x, ty } => {
                let x = self.expr(x);
                let ty = match ty {
                    Some(t) => self.expr(t),
                    None => "type".to_string(),
                };
                format!("(assert {x} {ty})")
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => {
                let f = self.expr(func);
                let args = self.exprs(args);
                let dots = if ellipsis.is_some() { " ..." } else { "" };
                format!("(call {f} {args}{dots})")
            }
            ExprKind::Star(x) => format!("(* {})", self.expr(x)),
            ExprKind::Unary { op, x } => format!("({op:?} {})", self.expr(x)),
            ExprKind::Binary { op, x, y, .. } => {
                let x = self.expr(x);
                let y = self.expr(y);
                format!("({} {x} {y})", op.as_str())
            }
            ExprKind::ArrayType { len, elem } => {
                let len = match len {
                    Some(l) => self.expr(l),
                    None => String::new(),
                };
                format!("[{len}]{}", self.expr(elem))
            }
            ExprKind::MapType { key, value } => {
                let k = self.expr(key);
                format!("map[{k}]{}", self.expr(value))
            }
            ExprKind::ChanType { dir, elem } => format!("(chan{dir:?} {})", self.expr(elem)),
            ExprKind::FuncType(sig) => format!("(functype {})", self.sig(sig)),
            ExprKind::StructType(fields) => {
                let fs: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        let names: Vec<String> = f.names.iter().map(|n| self.ident(n)).collect();
                        let ty = self.expr(&f.ty);
                        let tag = f
                            .tag
                            .as_ref()
                            .map(|t| format!(" {t:?}"))
                            .unwrap_or_default();
                        format!(
                            "{}{ty}{tag}",
                            names.iter().map(|n| format!("{n} ")).collect::<String>()
                        )
                    })
                    .collect();
                format!("(struct {})", fs.join("; "))
            }
            ExprKind::InterfaceType(elems) => {
                let es: Vec<String> = elems
                    .iter()
                    .map(|el| match el {
                        InterfaceElem::Method { name, sig } => {
                            let n = self.ident(name);
                            format!("{n}{}", self.sig(sig))
                        }
                        InterfaceElem::Embedded(t) => self.expr(t),
                    })
                    .collect();
                format!("(interface {})", es.join("; "))
            }
            ExprKind::Ellipsis => "...".to_string(),
            ExprKind::Bad => "BAD".to_string(),
        }
    }

    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Blocks are dumped on their own lines; the returned marker stands in the parent line.
    fn block(&mut self, b: &Block, indent: usize) -> String {
        let saved = std::mem::take(&mut self.out);
        for s in &b.stmts {
            self.stmt(s, indent + 1);
        }
        let inner = std::mem::replace(&mut self.out, saved);
        format!("{{\n{inner}{}}}", "  ".repeat(indent))
    }

    fn simple(&mut self, s: &Stmt) -> String {
        let saved = std::mem::take(&mut self.out);
        self.stmt(s, 0);
        let text = std::mem::replace(&mut self.out, saved);
        text.trim_end().to_string()
    }

    fn decl(&mut self, d: &Decl, indent: usize) {
        match d {
            Decl::Var(specs) => {
                for sp in specs {
                    let names: Vec<String> = sp.names.iter().map(|n| self.ident(n)).collect();
                    let ty = sp.ty.as_ref().map(|t| self.expr(t)).unwrap_or_default();
                    let vals = self.exprs(&sp.values);
                    self.line(indent, &format!("var {} {ty} = {vals}", names.join(", ")));
                }
            }
            Decl::Const(specs) => {
                for sp in specs {
                    let names: Vec<String> = sp.names.iter().map(|n| self.ident(n)).collect();
                    let ty = sp.ty.as_ref().map(|t| self.expr(t)).unwrap_or_default();
                    let vals = self.exprs(&sp.values);
                    let text = format!(
                        "const {} {ty} = {vals} (iota {})",
                        names.join(", "),
                        sp.iota
                    );
                    self.line(indent, &text);
                }
            }
            Decl::Type(specs) => {
                for sp in specs {
                    let n = self.ident(&sp.name);
                    let tp = self.tparams(&sp.tparams);
                    let ty = self.expr(&sp.ty);
                    let eq = if sp.alias { "= " } else { "" };
                    self.line(indent, &format!("type {n}{tp} {eq}{ty}"));
                }
            }
            Decl::Func(f) => {
                let recv = match &f.recv {
                    Some(r) => format!("{} ", self.params(std::slice::from_ref(r))),
                    None => String::new(),
                };
                let n = self.ident(&f.name);
                let tp = self.tparams(&f.tparams);
                let n = format!("{n}{tp}");
                let sig = self.sig(&f.sig);
                let body = match &f.body {
                    Some(b) => self.block(b, indent),
                    None => "nobody".to_string(),
                };
                self.line(indent, &format!("func {recv}{n} {sig} {body}"));
            }
        }
    }

    fn stmt(&mut self, s: &Stmt, indent: usize) {
        self.ids.push(s.id.0);
        let text = match &s.kind {
            StmtKind::Decl(d) => return self.decl(d, indent),
            StmtKind::Expr(x) => self.expr(x),
            StmtKind::Send { ch, value } => {
                let c = self.expr(ch);
                format!("send {c} {}", self.expr(value))
            }
            StmtKind::IncDec { x, inc } => {
                format!("{}{}", self.expr(x), if *inc { "++" } else { "--" })
            }
            StmtKind::Assign { lhs, op, rhs, .. } => {
                let l = self.exprs(lhs);
                let r = self.exprs(rhs);
                let op = match op {
                    AssignOp::Assign => "=".to_string(),
                    AssignOp::Define => ":=".to_string(),
                    AssignOp::Op(b) => format!("{}=", b.as_str()),
                };
                format!("{l} {op} {r}")
            }
            StmtKind::Go(x) => format!("go {}", self.expr(x)),
            StmtKind::Defer(x) => format!("defer {}", self.expr(x)),
            StmtKind::Return(xs) => format!("return {}", self.exprs(xs)),
            StmtKind::Break(l) => format!(
                "break {}",
                l.as_ref().map(|l| self.ident(l)).unwrap_or_default()
            ),
            StmtKind::Continue(l) => format!(
                "continue {}",
                l.as_ref().map(|l| self.ident(l)).unwrap_or_default()
            ),
            StmtKind::Goto(l) => format!("goto {}", self.ident(l)),
            StmtKind::Fallthrough => "fallthrough".to_string(),
            StmtKind::Block(b) => self.block(b, indent),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                let init = init
                    .as_ref()
                    .map(|i| format!("{}; ", self.simple(i)))
                    .unwrap_or_default();
                let c = self.expr(cond);
                let t = self.block(then, indent);
                let e = match els {
                    Some(e) => format!(" else {}", self.simple_indented(e, indent)),
                    None => String::new(),
                };
                format!("if {init}{c} {t}{e}")
            }
            StmtKind::Switch { init, tag, cases } => {
                let init = init
                    .as_ref()
                    .map(|i| format!("{}; ", self.simple(i)))
                    .unwrap_or_default();
                let tag = tag.as_ref().map(|t| self.expr(t)).unwrap_or_default();
                self.line(indent, &format!("switch {init}{tag}"));
                for c in cases {
                    let head = if c.default {
                        "default".to_string()
                    } else {
                        format!("case {}", self.exprs(&c.exprs))
                    };
                    self.line(indent + 1, &head);
                    for st in &c.body {
                        self.stmt(st, indent + 2);
                    }
                }
                return;
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
            } => {
                let init = init
                    .as_ref()
                    .map(|i| format!("{}; ", self.simple(i)))
                    .unwrap_or_default();
                let bind = bind
                    .as_ref()
                    .map(|b| format!("{} := ", self.ident(b)))
                    .unwrap_or_default();
                let x = self.expr(x);
                self.line(indent, &format!("typeswitch {init}{bind}{x}"));
                for c in cases {
                    self.ids.push(c.id.0);
                    let head = if c.default {
                        "default".to_string()
                    } else {
                        format!("case {}", self.exprs(&c.types))
                    };
                    self.line(indent + 1, &head);
                    for st in &c.body {
                        self.stmt(st, indent + 2);
                    }
                }
                return;
            }
            StmtKind::Select(clauses) => {
                self.line(indent, "select");
                for c in clauses {
                    let head = match &c.comm {
                        Some(comm) => format!("case {}", self.simple(comm)),
                        None => "default".to_string(),
                    };
                    self.line(indent + 1, &head);
                    for st in &c.body {
                        self.stmt(st, indent + 2);
                    }
                }
                return;
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                let i = init.as_ref().map(|i| self.simple(i)).unwrap_or_default();
                let c = cond.as_ref().map(|c| self.expr(c)).unwrap_or_default();
                let p = post.as_ref().map(|p| self.simple(p)).unwrap_or_default();
                let b = self.block(body, indent);
                format!("for {i}; {c}; {p} {b}")
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                let k = key.as_ref().map(|k| self.expr(k)).unwrap_or("_".into());
                let v = value.as_ref().map(|v| self.expr(v)).unwrap_or("_".into());
                let x = self.expr(x);
                let b = self.block(body, indent);
                format!("range {k} {v} {} {x} {b}", if *define { ":=" } else { "=" })
            }
            StmtKind::Labeled { label, stmt } => {
                let l = self.ident(label);
                self.line(indent, &format!("{l}:"));
                return self.stmt(stmt, indent);
            }
            StmtKind::Empty => "empty".to_string(),
        };
        self.line(indent, &text);
    }

    fn simple_indented(&mut self, s: &Stmt, indent: usize) -> String {
        let saved = std::mem::take(&mut self.out);
        self.stmt(s, indent);
        let text = std::mem::replace(&mut self.out, saved);
        text.trim().to_string()
    }
}

/// Parse `src` (which must have no errors), check the id invariant and return the dump.
fn dump(src: &str) -> String {
    let (file, diags) = parse(src);
    assert!(diags.is_empty(), "unexpected diagnostics: {diags:?}");
    let mut d = Dump {
        out: String::new(),
        ids: vec![file.package.id.0],
    };
    for imp in &file.imports {
        let name = imp
            .name
            .as_ref()
            .map(|n| format!("{} ", d.ident(n)))
            .unwrap_or_default();
        d.line(0, &format!("import {name}{:?}", imp.path));
    }
    for decl in &file.decls {
        d.decl(decl, 0);
    }
    let mut ids = d.ids.clone();
    ids.sort_unstable();
    let expected: Vec<u32> = (0..file.node_count).collect();
    assert_eq!(ids, expected, "node ids must be exactly 0..node_count");
    d.out
}

fn check(src: &str, expected: Expect) {
    expected.assert_eq(&dump(src));
}

fn in_main(body: &str) -> String {
    format!("package main\n\nfunc main() {{\n{body}\n}}\n")
}

// ---------------------------------------------------------------------------------------------

#[test]
fn binary_operators_follow_go_precedence() {
    check(
        &in_main(
            "\tx := a || b && c == d+e*f<<g - -h\n\ty := *p * <-ch &^ ^m\n\t_ = !ok || x != y",
        ),
        expect![[r#"
            func main () () {
              x := (|| a (&& b (== c (- (+ d (<< (* e f) g)) (Neg h)))))
              y := (&^ (* (* p) (Recv ch)) (BitNot m))
              _ = (|| (Not ok) (!= x y))
            }
        "#]],
    );
}

#[test]
fn composite_literals_elide_inner_types_and_take_keys() {
    check(
        "package main\n\ntype Point struct{ X, Y int }\n\nvar ps = []Point{{1, 2}, {X: 3}}\nvar m = map[string]Point{\"a\": {1, 2}}\nvar grid = [...][2]int{{1, 2}, 1: {3}}\nvar pp = []*Point{{}, &Point{Y: 1}}\n",
        expect![[r#"
            type Point (struct X Y int)
            var ps  = (lit []Point (lit _ 1, 2), (lit _ X: 3))
            var m  = (lit map[string]Point "a": (lit _ 1, 2))
            var grid  = (lit [...][2]int (lit _ 1, 2), 1: (lit _ 3))
            var pp  = (lit [](* Point) (lit _ ), (Addr (lit Point Y: 1)))
        "#]],
    );
}

#[test]
fn braces_in_statement_headers_open_the_block_like_go() {
    // `T{}` is not a composite literal at the top level of an if/for/switch header, but it is
    // inside parentheses, calls and index expressions.
    check(
        &in_main("\tif x == T {\n\t}\n\tif x == (T{}) {\n\t}\n\tfor _, p := range []T{{}} {\n\t}\n\tswitch f(T{}) {\n\t}"),
        expect![[r#"
            func main () () {
              if (== x T) {
              }
              if (== x (paren (lit T ))) {
              }
              range _ p := (lit []T (lit _ )) {
              }
              switch (call f (lit T ))
            }
        "#]],
    );
}

#[test]
fn select_has_send_receive_assign_and_default_cases() {
    check(
        &in_main("\tselect {\n\tcase ch <- 1:\n\tcase v := <-in:\n\t\tuse(v)\n\tcase v, ok = <-in:\n\tcase <-done:\n\t\treturn\n\tdefault:\n\t}"),
        expect![[r#"
            func main () () {
              select
                case send ch 1
                case v := (Recv in)
                  (call use v)
                case v ok = (Recv in)
                case (Recv done)
                  return 
                default
            }
        "#]],
    );
}

#[test]
fn type_switches_bind_the_guard_and_list_types() {
    check(
        &in_main("\tswitch v := x.(type) {\n\tcase int, string:\n\t\t_ = v\n\tcase nil:\n\tcase *T, []byte, map[string]int, func():\n\tdefault:\n\t}\n\tswitch y := 1; x.(type) {\n\t}"),
        expect![[r#"
            func main () () {
              typeswitch v := x
                case int string
                  _ = v
                case nil
                case (* T) []byte map[string]int (functype () ())
                default
              typeswitch y := 1; x
            }
        "#]],
    );
}

#[test]
fn closures_goroutines_and_defers() {
    check(
        &in_main("\tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n\t\tgo func(n int) {\n\t\t\tdefer wg.Done()\n\t\t\tm[n] = n * n\n\t\t}(i)\n\t}\n\twg.Wait()"),
        expect![[r#"
            func main () () {
              var wg sync.WaitGroup = 
              for i := 0; (< i 3); i++ {
                (call wg.Add 1)
                go (call (func (n int) () {
                defer (call wg.Done )
                (index m n) = (* n n)
              }) i)
              }
              (call wg.Wait )
            }
        "#]],
    );
}

#[test]
fn methods_receivers_and_parameter_lists() {
    check(
        "package main\n\ntype Cache struct {\n\tsync.Mutex\n\tmu   sync.RWMutex `json:\"-\"`\n\tdata map[string]string\n\t*Inner\n}\n\nfunc (c *Cache) Get(key string) (string, bool) { return \"\", false }\nfunc (Cache) Set(a, b string, rest ...int) {}\nfunc f(int, string) (n int, err error) { return }\nfunc g(a, b int, c chan<- int, d <-chan []int) {}\n",
        expect![[r#"
            type Cache (struct sync.Mutex; mu sync.RWMutex "json:\"-\""; data map[string]string; (* Inner))
            func (c (* Cache)) Get (key string) (string, bool) {
              return "" false
            }
            func (Cache) Set (a string, b string, rest ...int) () {
            }
            func f (int, string) (n int, err error) {
              return 
            }
            func g (a int, b int, c (chanSend int), d (chanRecv []int)) () {
            }
        "#]],
    );
}

#[test]
fn declarations_groups_iota_and_aliases() {
    check(
        "package main\n\nimport (\n\t\"fmt\"\n\tat \"sync/atomic\"\n)\n\nconst (\n\tA = iota\n\tB\n\t_\n\tC, D int = iota, iota * 2\n)\n\ntype (\n\tID = int\n\tF func(int) error\n\tList[T any] []T\n)\n\nvar x, y = 1, 2.5\n",
        expect![[r#"
            import "fmt"
            import at "sync/atomic"
            const A  = iota (iota 0)
            const B  =  (iota 1)
            const _  =  (iota 2)
            const C, D int = iota (* iota 2) (iota 3)
            type ID = int
            type F (functype (int) (error))
            type List[T any] []T
            var x, y  = 1 2.5
        "#]],
    );
}

#[test]
fn loops_ranges_labels_and_branches() {
    check(
        &in_main("outer:\n\tfor i := range 10 {\n\t\tfor range ch {\n\t\t\tcontinue outer\n\t\t}\n\t\tfor k, v = range m {\n\t\t\tbreak outer\n\t\t}\n\t\tfor x < 3 {\n\t\t\tx += 2\n\t\t}\n\t\tfor {\n\t\t\tgoto end\n\t\t}\n\t}\nend:\n\tswitch x := f(); {\n\tcase x > 1, x < -1:\n\t\tfallthrough\n\tdefault:\n\t}"),
        expect![[r#"
            func main () () {
              outer:
              range i _ := 10 {
                range _ _ = ch {
                  continue outer
                }
                range k v = m {
                  break outer
                }
                for ; (< x 3);  {
                  x += 2
                }
                for ; ;  {
                  goto end
                }
              }
              end:
              switch x := (call f ); 
                case (> x 1) (< x (Neg 1))
                  fallthrough
                default
            }
        "#]],
    );
}

#[test]
fn primary_expressions_slices_assertions_conversions() {
    check(
        &in_main("\t_ = s[1:]\n\t_ = s[:n:cap(s)]\n\t_ = v.(string)\n\t_ = []byte(str)\n\t_ = append(a, b...)\n\t_ = (<-chan int)(c)\n\t_ = x.y.z[0](1)(2)\n\t_ = '\\n' + 'é'\n\t_ = `raw\\n` + \"\\t\\u00e9\"\n\t_ = 0x1F + 0o17 + 1_000 + 1.5e3 + .5\n\t_ = &T{}\n\tp.x, q[0] = q[0], p.x"),
        expect![[r#"
            func main () () {
              _ = (slice s 1 _ _)
              _ = (slice s _ n (call cap s))
              _ = (assert v string)
              _ = (call []byte str)
              _ = (call append a b ...)
              _ = (call (paren (chanRecv int)) c)
              _ = (call (call (index x.y.z 0) 1) 2)
              _ = (+ '\n' 'é')
              _ = (+ raw"raw\\n" "\té")
              _ = (+ (+ (+ (+ 0x1F 0o17) 1_000) 1.5e3) .5)
              _ = (Addr (lit T ))
              p.x (index q 0) = (index q 0) p.x
            }
        "#]],
    );
}

#[test]
fn a_block_comment_spanning_lines_ends_a_statement() {
    check(
        &in_main("\tx := 1 /* a\n\t*/ y := 2\n\t_, _ = x, y // trailing\n"),
        expect![[r#"
            func main () () {
              x := 1
              y := 2
              _ _ = x y
            }
        "#]],
    );
}

#[test]
fn spans_cover_whole_expressions() {
    let src = in_main("\tx := f(a, b)[1] + -y");
    let (file, diags) = parse(&src);
    assert!(diags.is_empty());
    let Some(Decl::Func(f)) = file.decls.first() else {
        panic!("no func")
    };
    let body = f.body.as_ref().expect("body");
    let StmtKind::Assign { rhs, .. } = &body.stmts[0].kind else {
        panic!("not an assignment")
    };
    let text = &src[rhs[0].span.lo as usize..rhs[0].span.hi as usize];
    assert_eq!(text, "f(a, b)[1] + -y");
    let stmt_text = &src[body.stmts[0].span.lo as usize..body.stmts[0].span.hi as usize];
    assert_eq!(stmt_text, "x := f(a, b)[1] + -y");
}

#[test]
fn generic_declarations_parse_and_record_their_type_parameter_spans() {
    // The parser records where type parameter lists are, and their parameters.
    let src = "package main\n\nfunc Map[T, U any](s []T, f func(T) U) []U { return nil }\n\nfunc Sum[N int | ~float64](xs ...N) (n N) { return }\n\ntype List[T any] struct{ next *List[T] }\n\ntype Num[T ~int | float64] []T\n";
    let (file, diags) = parse(src);
    assert!(diags.is_empty(), "{diags:?}");
    let spans: Vec<&str> = file
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Func(f) => f.type_params,
            Decl::Type(specs) => specs[0].type_params,
            _ => None,
        })
        .map(|s| &src[s.lo as usize..s.hi as usize])
        .collect();
    assert_eq!(
        spans,
        [
            "[T, U any]",
            "[N int | ~float64]",
            "[T any]",
            "[T ~int | float64]"
        ]
    );
    let names: Vec<Vec<&str>> = file
        .decls
        .iter()
        .map(|d| match d {
            Decl::Func(f) => &f.tparams,
            Decl::Type(specs) => &specs[0].tparams,
            _ => unreachable!(),
        })
        .map(|ps| {
            ps.iter()
                .map(|p| p.name.as_ref().map_or("", |n| n.name.as_str()))
                .collect()
        })
        .collect();
    assert_eq!(names, [vec!["T", "U"], vec!["N"], vec!["T"], vec!["T"]]);
}
