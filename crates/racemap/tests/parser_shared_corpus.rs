//! The team's shared Go corpus (outside the repository) parses without errors. Ignored by
//! default because it reads `/work/shared/go-corpus` (or `$RACEMAP_GO_CORPUS`):
//! `cargo test -p racemap --test parser_shared_corpus -- --ignored`.

use racemap::diag::{render_all, SourceMap};
use racemap::lang::parser::parse;

#[test]
#[ignore = "reads the shared corpus outside the repository"]
fn every_shared_corpus_program_parses_without_errors() {
    let dir = std::env::var("RACEMAP_GO_CORPUS").unwrap_or("/work/shared/go-corpus".to_string());
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus directory") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "go") {
            let src = std::fs::read_to_string(&path).expect("readable program");
            let (_, diags) = parse(&src);
            let map = SourceMap::new(path.display().to_string(), &src);
            assert!(diags.is_empty(), "{}", render_all(&diags, &map));
            count += 1;
        }
    }
    assert!(count > 0, "no programs in {dir}");
}
