//! The library table's rows for `strings.Builder` and `bytes.Buffer` methods (`rt/interp/builder.rs`, `rt/interp/buffer.rs`).
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! builders_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            // `strings.Builder`'s methods: plain reads and writes of the Builder's buffer (Go's
            // Builder is not safe for concurrent use), `rt/interp/builder.rs`.
            /// `(*strings.Builder).WriteString(s string) (int, error)`
            BuilderWriteString => builder_method("WriteString").params(&[STRING]).results(&[INT, ERROR]),
            /// `(*strings.Builder).Write(p []byte) (int, error)`
            BuilderWrite => builder_method("Write").params(&[BYTES]).results(&[INT, ERROR]),
            /// `(*strings.Builder).WriteByte(c byte) error`
            BuilderWriteByte => builder_method("WriteByte").params(&[BYTE]).results(&[ERROR]),
            /// `(*strings.Builder).WriteRune(r rune) (int, error)`
            BuilderWriteRune => builder_method("WriteRune").params(&[RUNE]).results(&[INT, ERROR]),
            /// `(*strings.Builder).String() string`
            BuilderString => builder_method("String").results(&[STRING]),
            /// `(*strings.Builder).Len() int`
            BuilderLen => builder_method("Len").results(&[INT]),
            /// `(*strings.Builder).Reset()`
            BuilderReset => builder_method("Reset"),
            /// `(*strings.Builder).Grow(n int)`
            BuilderGrow => builder_method("Grow").params(&[INT]),
            /// `(*strings.Builder).Cap() int`
            BuilderCap => builder_method("Cap").results(&[INT]),
            // `bytes.Buffer`'s methods (`rt/interp/buffer.rs`): plain reads and writes of the
            // Buffer's slice header, `off` and `lastRead`, as Go 1.19's `bytes/buffer.go`.
            /// `(*bytes.Buffer).WriteString(s string) (n int, err error)`
            BufferWriteString => buffer_method("WriteString").params(&[STRING]).results(&[INT, ERROR]),
            /// `(*bytes.Buffer).Write(p []byte) (n int, err error)`
            BufferWrite => buffer_method("Write").params(&[BYTES]).results(&[INT, ERROR]),
            /// `(*bytes.Buffer).WriteByte(c byte) error`
            BufferWriteByte => buffer_method("WriteByte").params(&[BYTE]).results(&[ERROR]),
            /// `(*bytes.Buffer).WriteRune(r rune) (n int, err error)`
            BufferWriteRune => buffer_method("WriteRune").params(&[RUNE]).results(&[INT, ERROR]),
            /// `(*bytes.Buffer).String() string`
            BufferString => buffer_method("String").results(&[STRING]),
            /// `(*bytes.Buffer).Len() int`
            BufferLen => buffer_method("Len").results(&[INT]),
            /// `(*bytes.Buffer).Reset()`
            BufferReset => buffer_method("Reset"),
            /// `(*bytes.Buffer).Cap() int`: the capacity of its slice (a read of the header).
            BufferCap => buffer_method("Cap").results(&[INT]),
            /// The second step of a `strings.Builder` write (never found by name): `append`'s store
            /// of the header, `(b, bytes, read, method, outer, cap)` (`cap`: the capacity read).
            BuilderAppend => LibFuncSpec::new(Owner::Runtime("strings"), "builderAppend")
                .params(&[BUILDER_PTR, STRING, STRING, INT, INT, INT])
                .visibility(Object),
            /// The second step of a `bytes.Buffer` write: the header's stores and the copy,
            /// `(b, bytes, read, at, kind, cap, method, outer, called)`.
            BufferCopy => LibFuncSpec::new(Owner::Runtime("bytes"), "bufferCopy")
                .params(&[BUFFER_PTR, STRING, STRING, INT, INT, INT, INT, INT, INT])
                .visibility(Object),
        }
    };
}
