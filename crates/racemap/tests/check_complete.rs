//! The `Info` contract is complete: in every valid program, every expression node has an
//! `ExprInfo` with a non-untyped type (except struct-literal field keys, which have a
//! `Selection::Field`, and the `...` of `[...]T`), every call a `CallInfo`, every selector a
//! `Selection`, every function literal a `FuncInfo`.

use racemap::lang::check::{self, Mode};
use racemap::lang::parser;
use racemap::lang::types::{TypeKind, TypeTable};
use std::path::Path;

const EXPR_KINDS: &[&str] = &[
    "Ident",
    "IntLit",
    "FloatLit",
    "ImagLit",
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
                if EXPR_KINDS.contains(&variant.as_str()) {
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
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("check_ok");
    let mut files: Vec<_> = std::fs::read_dir(root)
        .expect("test directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut missing = Vec::new();
    for path in files {
        let src = std::fs::read_to_string(&path).expect("readable");
        let (file, perr) = parser::parse(&src);
        assert!(perr.is_empty(), "{}", path.display());
        let checked = check::check(&file).expect("valid program");
        let (info, types) = (&checked.info, &checked.types);
        let mut all = Vec::new();
        exprs(
            &serde_json::to_value(&file).expect("serializable"),
            &src,
            &mut all,
        );
        for (id, variant, text) in all {
            let nid = racemap::lang::ast::NodeId(id);
            if (info.selections.contains_key(&nid) || text == "_") && variant == "Ident" {
                continue; // struct literal key, blank identifier
            }
            let name = path
                .file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default();
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
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
