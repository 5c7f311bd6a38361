//! `unicode`'s range tables: the package variables (`unicode.Latin`: a `*unicode.RangeTable`
//! pointing at `struct { table int }`, the table's number in the generated tables, made once
//! per table so that aliases such as `unicode.L` and `unicode.Letter` are one pointer) and the
//! functions that take them, `unicode.Is`, `In` and `IsOneOf` (a nil table panics as Go's
//! nil dereference). Local computation: they push their results.

use super::*;
use crate::library::Owner;
use crate::rt::unicode;

/// Whether `f` is one of `unicode`'s range table variables.
pub(super) fn is_range_table(f: LibFunc) -> bool {
    f.spec().owner == Owner::PackageVar("unicode")
}

impl Machine {
    /// The value of range table variable `func`: the one pointer of its table.
    pub(super) fn range_table_var(&mut self, func: LibFunc) -> R<Value> {
        let table = unicode::range_table(func.spec().name)
            .ok_or_else(|| InternalError::new(format!("no range table {}", func.go_name())))?;
        let first = unicode::range_table_name(table)
            .and_then(|name| LibFunc::package_var("unicode", name))
            .unwrap_or(func);
        if let Some(v) = self.lib_vars.get(&first) {
            return Ok(v.clone());
        }
        let cell = Value::Struct(Box::new([Value::Int(table as i64)]));
        let obj = self.heap.alloc(&self.config, cell, None)?;
        let v = Value::Ptr(Some(Pointer::root(obj)));
        self.lib_vars.insert(first, v.clone());
        Ok(v)
    }

    /// The table number a `*unicode.RangeTable` points at.
    fn table_of(&self, v: &Value) -> R<usize> {
        let Value::Ptr(Some(p)) = v else {
            return Err(RtError::nil_deref().into());
        };
        match self.heap.load(p)? {
            Value::Struct(fields) => match fields.first() {
                Some(Value::Int(t)) => Ok(*t as usize),
                other => Err(wrong_kind(
                    "a unicode.RangeTable",
                    other.unwrap_or(&Value::Unit),
                )),
            },
            other => Err(wrong_kind("a unicode.RangeTable", &other)),
        }
    }

    /// `unicode.Is`, `In` or `IsOneOf`, `None` when `func` is not one.
    pub(super) fn range_table_call(
        &mut self,
        func: LibFunc,
        args: &[Value],
    ) -> R<Option<Vec<Value>>> {
        let (r, tables) = match func {
            LibFunc::UnicodeIs => (int(arg(args, 1)?)?, vec![arg(args, 0)?.clone()]),
            LibFunc::UnicodeIn => (int(arg(args, 0)?)?, args.get(1..).unwrap_or(&[]).to_vec()),
            LibFunc::UnicodeIsOneOf => (int(arg(args, 1)?)?, self.elements_of(arg(args, 0)?)?),
            _ => return Ok(None),
        };
        // Go's loops return at the first table holding `r`; a nil table before it panics.
        for t in &tables {
            if unicode::in_table(self.table_of(t)?, r) {
                return Ok(Some(vec![Value::Bool(true)]));
            }
        }
        Ok(Some(vec![Value::Bool(false)]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The library's table variables are exactly the generated tables' names (`cargo xtask
    /// go-unicode` lists them in `tables.go`).
    #[test]
    fn every_table_variable_has_its_generated_table() {
        let mut rows: Vec<&str> = LibFunc::ALL
            .iter()
            .filter(|f| is_range_table(**f))
            .map(|f| f.spec().name)
            .collect();
        rows.sort_unstable();
        let generated: Vec<&str> = crate::rt::unicode_tables::RANGE_TABLES
            .iter()
            .map(|(name, _)| *name)
            .collect();
        assert_eq!(rows, generated);
    }
}
