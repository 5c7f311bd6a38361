//! The library table's rows for package `io` (`io.Writer` is a library interface, declared by
//! the checker's universe) and `*os.File`'s writes, so that an `io.Writer` holding `os.Stdout`
//! writes to it. Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! io_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `io.WriteString(w io.Writer, s string) (n int, err error)`: compiled by lowering
            /// from Go's `io.go` (`w.(io.StringWriter)`'s `WriteString`, else `w.Write`).
            IoWriteString => func("io", "WriteString").params(&[IO_WRITER, STRING]).results(&[INT, ERROR]),
            /// `io.Discard`: an `io.Writer` on which every write succeeds and does nothing (a
            /// package variable holding `io.discard{}`; lowering boxes the value itself, so the
            /// program's method sets list `discard`'s methods).
            IoDiscard => LibFuncSpec::new(Owner::PackageVar("io"), "Discard").results(&[IO_WRITER]),
            /// `(io.discard).Write(p []byte) (int, error)`: `len(p), nil`.
            DiscardWrite => LibFuncSpec::new(Owner::Struct("io", "discard"), "Write")
                .params(&[BYTES])
                .results(&[INT, ERROR]),
            /// `(io.discard).WriteString(s string) (int, error)`: `len(s), nil`.
            DiscardWriteString => LibFuncSpec::new(Owner::Struct("io", "discard"), "WriteString")
                .params(&[STRING])
                .results(&[INT, ERROR]),
            /// `io.EOF`: the error `Read` returns at the end of its input (a package variable).
            IoEof => LibFuncSpec::new(Owner::PackageVar("io"), "EOF").results(&[ERROR]),
            /// `os.ErrNotExist`: "file does not exist" (a package variable).
            OsErrNotExist => LibFuncSpec::new(Owner::PackageVar("os"), "ErrNotExist").results(&[ERROR]),
            /// `(*os.File).Write(b []byte) (n int, err error)`: a write under the file's lock, as
            /// fmt's (`rt/interp/file.rs`).
            FileWrite => LibFuncSpec::new(Owner::Struct("os", "File"), "Write")
                .params(&[BYTES])
                .results(&[INT, ERROR])
                .visibility(Output),
            /// `(*os.File).WriteString(s string) (n int, err error)`
            FileWriteString => LibFuncSpec::new(Owner::Struct("os", "File"), "WriteString")
                .params(&[STRING])
                .results(&[INT, ERROR])
                .visibility(Output),
        }
    };
}
