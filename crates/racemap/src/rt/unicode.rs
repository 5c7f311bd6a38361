//! Go 1.19's `unicode` package on runes: the predicates (`IsLetter`, `IsUpper`, …) and the
//! simple case mappings (`ToUpper`, `ToLower`, `ToTitle`), answered from Go's own answers.
//!
//! `unicode_tables.rs` holds, for each function, the runs of runes it holds for (or changes)
//! as real Go computed them on every rune (`cargo xtask go-unicode`): Unicode 13.0.0, with Go's
//! Latin-1 special cases. A lookup is a binary search over a table's runs (sorted and disjoint).
//! A rune outside `0..=unicode.MaxRune` (a negative `rune` or a surrogate-free huge one) is in
//! no table, as in Go: the predicates say false and the mappings return it unchanged.

use crate::rt::unicode_tables as tables;

/// A predicate of the `unicode` package.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Letter,
    Upper,
    Lower,
    Title,
    Digit,
    Number,
    Mark,
    Punct,
    Symbol,
    Space,
    Control,
    Graphic,
    Print,
}

/// A case mapping of the `unicode` package (`unicode.UpperCase`, … as `unicode.To` numbers them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    Upper,
    Lower,
    Title,
}

impl Case {
    /// `unicode.To`'s case number: `UpperCase` 0, `LowerCase` 1, `TitleCase` 2.
    pub fn from_number(n: i64) -> Option<Case> {
        match n {
            0 => Some(Case::Upper),
            1 => Some(Case::Lower),
            2 => Some(Case::Title),
            _ => None,
        }
    }
}

/// `unicode.IsLetter(r)` and its siblings: whether `r` is in `class`.
pub fn is(class: Class, r: i64) -> bool {
    let Ok(r) = u32::try_from(r) else {
        return false;
    };
    match class {
        Class::Letter => in_runs(tables::IS_LETTER, r),
        Class::Upper => in_runs(tables::IS_UPPER, r),
        Class::Lower => in_runs(tables::IS_LOWER, r),
        Class::Title => in_runs(tables::IS_TITLE, r),
        Class::Digit => in_runs(tables::IS_DIGIT, r),
        Class::Number => in_runs(tables::IS_NUMBER, r),
        Class::Mark => in_runs(tables::IS_MARK, r),
        Class::Punct => in_runs(tables::IS_PUNCT, r),
        Class::Symbol => in_runs(tables::IS_SYMBOL, r),
        Class::Space => in_runs(tables::IS_SPACE, r),
        Class::Control => in_runs(tables::IS_CONTROL, r),
        Class::Graphic => in_runs(tables::IS_GRAPHIC, r),
        // Go's print set is the graphic set without the space separators other than ' ' (the
        // generator checks this on every rune).
        Class::Print => {
            in_runs(tables::IS_GRAPHIC, r) && (r == 0x20 || !in_runs(tables::IS_SPACE, r))
        }
    }
}

/// The number of `unicode`'s range table `name` (`Latin`, `L`), if racemap offers it.
/// Aliases (`L` and `Letter`) have one number.
pub fn range_table(name: &str) -> Option<usize> {
    let i = tables::RANGE_TABLES
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()?;
    Some(tables::RANGE_TABLES[i].1)
}

/// The first Go name (in byte order) of range table number `table`: the one name its
/// package variable is made under, so that the aliases are one pointer (`unicode.L ==
/// unicode.Letter`).
pub fn range_table_name(table: usize) -> Option<&'static str> {
    let (name, _) = tables::RANGE_TABLES.iter().find(|(_, t)| *t == table)?;
    Some(name)
}

/// `unicode.Is(table, r)` for range table number `table`: whether `r` is one of its runes.
pub fn in_table(table: usize, r: i64) -> bool {
    match (tables::RANGES.get(table), u32::try_from(r)) {
        (Some(runs), Ok(r)) => in_runs(runs, r),
        _ => false,
    }
}

/// `unicode.ToUpper(r)`, `ToLower`, `ToTitle`: Go's simple case mapping (one rune to one
/// rune: `ß` stays `ß`, `İ` lowers to `i`).
pub fn to(case: Case, r: i64) -> i64 {
    let table = match case {
        Case::Upper => tables::TO_UPPER,
        Case::Lower => tables::TO_LOWER,
        Case::Title => tables::TO_TITLE,
    };
    let Ok(rune) = i32::try_from(r) else {
        return r;
    };
    match find_run(table, 4, rune) {
        Some(run) if (rune - run[0]) % run[2].max(1) == 0 => r + i64::from(run[3]),
        _ => r,
    }
}

/// Whether `r` is one of the runes of the runs `lo, hi, stride` in `runs`.
fn in_runs(runs: &[u32], r: u32) -> bool {
    // A run's stride is at least 1 (its runes increase).
    find_run(runs, 3, r).is_some_and(|run| (r - run[0]).is_multiple_of(run[2].max(1)))
}

/// The run of `runs` (flat, `width` numbers each, the first two `lo` and `hi`, sorted and
/// disjoint) whose span holds `r`.
fn find_run<T: Copy + Ord>(runs: &[T], width: usize, r: T) -> Option<&[T]> {
    let count = runs.len() / width;
    // The first run whose `hi` is not below `r`.
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = (low + high) / 2;
        if runs[mid * width + 1] < r {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    let run = runs.get(low * width..low * width + width)?;
    (run[0] <= r).then_some(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers real Go 1.19 gave (`go run`), where Rust's `char` methods answer otherwise.
    #[test]
    fn answers_as_go_1_19() {
        assert!(is(Class::Letter, 'a' as i64) && is(Class::Letter, 0xAA));
        assert!(!is(Class::Letter, '_' as i64) && !is(Class::Letter, -1));
        // Unicode 14 letters are not letters to Go 1.19 (Unicode 13).
        for r in [0x2C2F, 0xA7C0, 0x10570, 0x1E030] {
            assert!(!is(Class::Letter, r) && to(Case::Lower, r) == r, "{r:#x}");
        }
        assert_eq!(
            to(Case::Lower, 0x130),
            'i' as i64,
            "İ lowers to i (simple mapping)"
        );
        assert_eq!(to(Case::Upper, 0xDF), 0xDF, "ß has no simple upper case");
        assert_eq!(
            to(Case::Upper, 0x1F80),
            0x1F88,
            "ᾀ uppers to ᾈ, not to two runes"
        );
        assert_eq!(to(Case::Title, 0x1C6), 0x1C5);
        assert_eq!(to(Case::Upper, 0x1C6), 0x1C4);
        assert_eq!(to(Case::Upper, 0xB5), 0x39C);
        assert_eq!(to(Case::Upper, 0x17F), 'S' as i64);
        assert!(is(Class::Graphic, 0xA0) && !is(Class::Print, 0xA0) && is(Class::Print, 0x20));
        assert!(is(Class::Space, 0x85) && is(Class::Space, 0x1680) && !is(Class::Space, 0x200B));
        assert!(is(Class::Control, 0x85) && !is(Class::Control, 0x2028));
        assert!(is(Class::Digit, 0x663) && is(Class::Number, 0xBD) && !is(Class::Digit, 0xBD));
        assert!(is(Class::Title, 0x1C5) && !is(Class::Upper, 0x1C5));
        assert!(!is(Class::Letter, 0x110000) && to(Case::Upper, 0x110000) == 0x110000);
        assert_eq!(to(Case::Upper, -1), -1);
    }

    /// Range tables as Go 1.19 answered `unicode.Is` (`go run`): `Space` is category Z, not
    /// `IsSpace`'s White_Space; aliases are one table.
    #[test]
    fn range_tables_answer_as_go_1_19() {
        let t = |name: &str| range_table(name).expect(name);
        assert_eq!(t("L"), t("Letter"));
        assert_ne!(t("L"), t("Lu"));
        assert_eq!(range_table_name(t("Letter")), Some("L"));
        assert!(range_table("Tamil_Extra").is_none() && range_table("").is_none());
        assert!(!in_table(t("Space"), 9) && in_table(t("White_Space"), 9));
        assert!(in_table(t("Space"), 0x3000) && in_table(t("Zs"), 0xA0));
        assert!(in_table(t("Latin"), 'é' as i64) && !in_table(t("Latin"), 'α' as i64));
        assert!(in_table(t("Greek"), 'α' as i64) && in_table(t("Cyrillic"), 'ж' as i64));
        assert!(in_table(t("Han"), '世' as i64) && !in_table(t("Han"), 'ひ' as i64));
        assert!(in_table(t("Hiragana"), 'ひ' as i64) && in_table(t("Katakana"), 'カ' as i64));
        assert!(in_table(t("Common"), ' ' as i64) && in_table(t("Common"), 'ー' as i64));
        assert!(in_table(t("Nd"), '٣' as i64) && in_table(t("Pd"), '-' as i64));
        assert!(!in_table(t("L"), -1) && !in_table(t("L"), 0x110000) && !in_table(99, 65));
    }

    /// The generated tables are what the lookups assume: runs sorted and disjoint, strides ≥ 1.
    #[test]
    fn tables_hold_sorted_disjoint_runs() {
        let preds: [&[u32]; 12] = [
            tables::IS_LETTER,
            tables::IS_UPPER,
            tables::IS_LOWER,
            tables::IS_TITLE,
            tables::IS_DIGIT,
            tables::IS_NUMBER,
            tables::IS_MARK,
            tables::IS_PUNCT,
            tables::IS_SYMBOL,
            tables::IS_SPACE,
            tables::IS_CONTROL,
            tables::IS_GRAPHIC,
        ];
        for table in preds {
            assert_eq!(table.len() % 3, 0);
            let runs: Vec<&[u32]> = table.chunks(3).collect();
            for run in &runs {
                assert!(run[0] <= run[1] && run[2] >= 1 && (run[1] - run[0]) % run[2] == 0);
            }
            assert!(runs.windows(2).all(|w| w[0][1] < w[1][0]));
        }
        for table in tables::RANGES {
            assert_eq!(table.len() % 3, 0);
            let runs: Vec<&[u32]> = table.chunks(3).collect();
            for run in &runs {
                assert!(run[0] <= run[1] && run[2] >= 1 && (run[1] - run[0]) % run[2] == 0);
            }
            assert!(runs.windows(2).all(|w| w[0][1] < w[1][0]));
        }
        let names = tables::RANGE_TABLES;
        assert!(names.windows(2).all(|w| w[0].0 < w[1].0), "names sorted");
        assert!(names.iter().all(|&(_, t)| t < tables::RANGES.len()));
        for table in [tables::TO_UPPER, tables::TO_LOWER, tables::TO_TITLE] {
            assert_eq!(table.len() % 4, 0);
            let runs: Vec<&[i32]> = table.chunks(4).collect();
            for run in &runs {
                assert!(run[0] <= run[1] && run[2] >= 1 && run[3] != 0);
            }
            assert!(runs.windows(2).all(|w| w[0][1] < w[1][0]));
        }
    }
}
