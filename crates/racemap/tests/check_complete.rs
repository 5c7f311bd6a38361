//! The `Info` contract is complete: in every valid program, every expression node has an
//! `ExprInfo` with a non-untyped type (except struct-literal field keys, which have a
//! `Selection::Field`, and the `...` of `[...]T`), every call a `CallInfo`, every selector a
//! `Selection`, every function literal a `FuncInfo`.

mod support;

use racemap::lang::check::{self, Mode};
use racemap::lang::parser;
use racemap::lang::types::{TypeKind, TypeTable};

/// `ExprKind` variants the checker must describe in a valid program.
const DESCRIBED_EXPR_KINDS: &[&str] = &[
    "Ident",
    "IntLit",
    "FloatLit",
    "RuneLit",
    "StringLit",
    "CompositeLit",
    "FuncLit",
    "Paren",
    "Selector",
    "Index",
    "Slice",
    "TypeAssert",
    "Call",
    "Star",
    "Unary",
    "Binary",
    "ArrayType",
    "MapType",
    "ChanType",
    "FuncType",
    "StructType",
    "InterfaceType",
];

/// The other AST nodes with an `id`, a `span` and a `kind`: the `ExprKind`s that need no
/// description (the `...` of `[...]T`; `ImagLit` and `Bad` exist only in rejected programs,
/// racemap rejecting complex numbers: `tests/diagnostics/unsupported_complex.go`) and every
/// `StmtKind`. A node of a kind in neither list fails the test, so a new AST variant cannot
/// slip through unchecked.
const UNDESCRIBED_KINDS: &[&str] = &[
    "Ellipsis",
    "ImagLit",
    "Bad",
    "Decl",
    "Expr",
    "Send",
    "IncDec",
    "Assign",
    "Go",
    "Defer",
    "Return",
    "Break",
    "Continue",
    "Goto",
    "Fallthrough",
    "Block",
    "If",
    "Switch",
    "TypeSwitch",
    "Select",
    "For",
    "Range",
    "Labeled",
    "Empty",
];

/// (id, variant, source text) of every expression node.
fn exprs(v: &serde_json::Value, src: &str, out: &mut Vec<(u32, String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(id), Some(span), Some(kind)) = (m.get("id"), m.get("span"), m.get("kind"))
            {
                let variant = match kind {
                    serde_json::Value::Object(k) => k.keys().next().cloned().unwrap_or_default(),
                    serde_json::Value::String(s) => s.clone(),
                    _ => String::new(),
                };
                if DESCRIBED_EXPR_KINDS.contains(&variant.as_str())
                    || !UNDESCRIBED_KINDS.contains(&variant.as_str())
                {
                    let lo = span["lo"].as_u64().unwrap_or(0) as usize;
                    let hi = span["hi"].as_u64().unwrap_or(0) as usize;
                    out.push((
                        id.as_u64().unwrap_or(0) as u32,
                        variant,
                        src[lo..hi].to_string(),
                    ));
                }
            }
            m.values().for_each(|x| exprs(x, src, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| exprs(x, src, out)),
        _ => {}
    }
}

#[test]
fn every_expression_of_a_valid_program_is_described() {
    let mut missing = Vec::new();
    let mut seen_kinds = std::collections::BTreeSet::new();
    for case in support::cases("check_ok") {
        let (src, name) = (&case.source, format!("{}.go", case.name));
        let (file, perr) = parser::parse(src);
        assert!(perr.is_empty(), "{name}");
        let checked = check::check(&file).expect("valid program");
        let (info, types) = (&checked.info, &checked.types);
        let mut all = Vec::new();
        exprs(
            &serde_json::to_value(&file).expect("serializable"),
            src,
            &mut all,
        );
        for (id, variant, text) in all {
            if !DESCRIBED_EXPR_KINDS.contains(&variant.as_str()) {
                missing.push(format!(
                    "{name}: `{text}` is a {variant}, a node kind check_complete.rs does not \
                     know: add it to DESCRIBED_EXPR_KINDS or UNDESCRIBED_KINDS"
                ));
                continue;
            }
            seen_kinds.insert(variant.clone());
            let nid = racemap::lang::ast::NodeId(id);
            if (info.selections.contains_key(&nid) || text == "_") && variant == "Ident" {
                continue; // struct literal key, blank identifier
            }
            match info.expr(nid) {
                None => missing.push(format!("{name}: no info for {variant} `{text}`")),
                Some(e) => {
                    let untyped = matches!(types.kind(e.ty), TypeKind::Basic(b) if b.is_untyped());
                    if untyped && e.mode != Mode::Nil {
                        missing.push(format!("{name}: untyped {variant} `{text}`"));
                    }
                    if e.ty == TypeTable::basic(racemap::lang::types::Basic::Invalid)
                        && !matches!(e.mode, Mode::Package | Mode::Builtin)
                    {
                        missing.push(format!("{name}: invalid type for {variant} `{text}`"));
                    }
                }
            }
            if variant == "Call" && !info.calls.contains_key(&nid) {
                missing.push(format!("{name}: no call info for `{text}`"));
            }
            if variant == "FuncLit" && !info.funcs.contains_key(&nid) {
                missing.push(format!("{name}: no func info for `{text}`"));
            }
        }
    }
    for kind in DESCRIBED_EXPR_KINDS {
        if !seen_kinds.contains(*kind) {
            missing.push(format!(
                "no program in tests/check_ok has a {kind} expression: add one"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
