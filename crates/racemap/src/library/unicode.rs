//! The library table's rows for packages `unicode` and `unicode/utf8` (Go 1.19's Unicode 13 tables).
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! unicode_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `utf8.DecodeLastRuneInString(s string) (rune, int)`: the last rune of `s` and its width;
            /// (RuneError, 1) for an invalid encoding, (RuneError, 0) for "". Also the compiled
            /// `LastIndexFunc`/`TrimRightFunc` call it.
            Utf8DecodeLastRune => func("unicode/utf8", "DecodeLastRuneInString")
                .params(&[STRING])
                .results(&[RUNE, INT]),
            /// `utf8.DecodeRuneInString(s string) (rune, int)`: the first rune of `s` and its width;
            /// (RuneError, 1) for an invalid encoding, (RuneError, 0) for "".
            Utf8DecodeRune => func("unicode/utf8", "DecodeRuneInString")
                .params(&[STRING])
                .results(&[RUNE, INT]),
            /// `utf8.RuneCountInString(s string) int`: each invalid byte counts as one rune.
            Utf8RuneCount => func("unicode/utf8", "RuneCountInString").params(&[STRING]).results(&[INT]),
            /// `utf8.ValidString(s string) bool`
            Utf8ValidString => func("unicode/utf8", "ValidString").params(&[STRING]).results(&[BOOL]),
            /// `utf8.RuneLen(r rune) int`: bytes to encode `r`, -1 if it is not a valid rune.
            Utf8RuneLen => func("unicode/utf8", "RuneLen").params(&[RUNE]).results(&[INT]),
            /// `utf8.ValidRune(r rune) bool`: in range and not a surrogate half.
            Utf8ValidRune => func("unicode/utf8", "ValidRune").params(&[RUNE]).results(&[BOOL]),
            /// `utf8.Valid(p []byte) bool`
            Utf8Valid => func("unicode/utf8", "Valid").params(&[BYTES]).results(&[BOOL]),
            /// `utf8.DecodeRune(p []byte) (rune, int)`: as `DecodeRuneInString`.
            Utf8DecodeRuneBytes => func("unicode/utf8", "DecodeRune").params(&[BYTES]).results(&[RUNE, INT]),
            /// `utf8.DecodeLastRune(p []byte) (rune, int)`: as `DecodeLastRuneInString`.
            Utf8DecodeLastRuneBytes =>
                func("unicode/utf8", "DecodeLastRune").params(&[BYTES]).results(&[RUNE, INT]),
            /// `utf8.RuneCount(p []byte) int`
            Utf8RuneCountBytes => func("unicode/utf8", "RuneCount").params(&[BYTES]).results(&[INT]),
            /// `utf8.FullRune(p []byte) bool`: `p` is not a proper prefix of a rune's encoding.
            Utf8FullRune => func("unicode/utf8", "FullRune").params(&[BYTES]).results(&[BOOL]),
            /// `utf8.FullRuneInString(s string) bool`
            Utf8FullRuneInString =>
                func("unicode/utf8", "FullRuneInString").params(&[STRING]).results(&[BOOL]),
            /// `utf8.RuneStart(b byte) bool`: `b` is no continuation byte.
            Utf8RuneStart => func("unicode/utf8", "RuneStart").params(&[BYTE]).results(&[BOOL]),
            /// `utf8.EncodeRune(p []byte, r rune) int`: the native part checks `p`'s length (Go's
            /// bounds check) and pushes `p` and the encoding; lowering's `copy` writes it
            /// (`lang/lower/lib_tail.rs`).
            Utf8EncodeRune => func("unicode/utf8", "EncodeRune").params(&[BYTES, RUNE]).results(&[INT]),
            /// `utf8.AppendRune(p []byte, r rune) []byte`: the native part pushes `p` and the
            /// encoding; lowering's `append(p, enc...)` appends it.
            Utf8AppendRune =>
                func("unicode/utf8", "AppendRune").params(&[BYTES, RUNE]).results(&[BYTES]),
            /// `unicode.IsLetter(r rune) bool`: `r` is a letter (category L), by Go 1.19's Unicode 13 tables.
            UnicodeIsLetter => func("unicode", "IsLetter").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsUpper(r rune) bool`: `r` is an upper case letter, by Go 1.19's Unicode 13 tables.
            UnicodeIsUpper => func("unicode", "IsUpper").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsLower(r rune) bool`: `r` is a lower case letter, by Go 1.19's Unicode 13 tables.
            UnicodeIsLower => func("unicode", "IsLower").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsTitle(r rune) bool`: `r` is a title case letter, by Go 1.19's Unicode 13 tables.
            UnicodeIsTitle => func("unicode", "IsTitle").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsDigit(r rune) bool`: `r` is a decimal digit (Nd), by Go 1.19's Unicode 13 tables.
            UnicodeIsDigit => func("unicode", "IsDigit").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsNumber(r rune) bool`: `r` is a number (category N), by Go 1.19's Unicode 13 tables.
            UnicodeIsNumber => func("unicode", "IsNumber").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsMark(r rune) bool`: `r` is a mark (category M), by Go 1.19's Unicode 13 tables.
            UnicodeIsMark => func("unicode", "IsMark").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsPunct(r rune) bool`: `r` is punctuation (category P), by Go 1.19's Unicode 13 tables.
            UnicodeIsPunct => func("unicode", "IsPunct").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsSymbol(r rune) bool`: `r` is a symbol (category S), by Go 1.19's Unicode 13 tables.
            UnicodeIsSymbol => func("unicode", "IsSymbol").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsSpace(r rune) bool`: `r` is white space (Latin-1 spaces, then White_Space), by Go 1.19's Unicode 13 tables.
            UnicodeIsSpace => func("unicode", "IsSpace").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsControl(r rune) bool`: `r` is a Latin-1 control character, by Go 1.19's Unicode 13 tables.
            UnicodeIsControl => func("unicode", "IsControl").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsGraphic(r rune) bool`: `r` is graphic (L, M, N, P, S, Zs), by Go 1.19's Unicode 13 tables.
            UnicodeIsGraphic => func("unicode", "IsGraphic").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.IsPrint(r rune) bool`: `r` is printable (L, M, N, P, S and the ASCII space), by Go 1.19's Unicode 13 tables.
            UnicodeIsPrint => func("unicode", "IsPrint").params(&[RUNE]).results(&[BOOL]),
            /// `unicode.ToUpper(r rune) rune`: the simple upper case of `r` (itself when it has none).
            UnicodeToUpper => func("unicode", "ToUpper").params(&[RUNE]).results(&[RUNE]),
            /// `unicode.ToLower(r rune) rune`: the simple lower case of `r` (itself when it has none).
            UnicodeToLower => func("unicode", "ToLower").params(&[RUNE]).results(&[RUNE]),
            /// `unicode.ToTitle(r rune) rune`: the simple title case of `r` (itself when it has none).
            UnicodeToTitle => func("unicode", "ToTitle").params(&[RUNE]).results(&[RUNE]),
            /// `unicode.To(_case int, r rune) rune`: `r` in case `UpperCase`, `LowerCase` or `TitleCase`;
            /// `ReplacementChar` for another case number.
            UnicodeTo => func("unicode", "To").params(&[INT, RUNE]).results(&[RUNE]),
            /// `unicode.Is(rangeTab *RangeTable, r rune) bool`: `r` is in the table (the runes real Go
            /// 1.19 answered true for, `rt/unicode.rs`).
            UnicodeIs => func("unicode", "Is").params(&[RANGE_TABLE_PTR, RUNE]).results(&[BOOL]),
            /// `unicode.In(r rune, ranges ...*RangeTable) bool`: `r` is in one of the tables.
            UnicodeIn => func("unicode", "In")
                .params(&[RUNE, RANGE_TABLE_PTRS])
                .variadic()
                .results(&[BOOL]),
            /// `unicode.IsOneOf(ranges []*RangeTable, r rune) bool`
            UnicodeIsOneOf =>
                func("unicode", "IsOneOf").params(&[RANGE_TABLE_PTRS, RUNE]).results(&[BOOL]),
            // `unicode`'s range tables racemap offers (`cargo xtask go-unicode` lists the same names):
            // package variables of type `*unicode.RangeTable`; aliases (`L`, `Letter`) are one table.
            UnicodeTableL => unicode_table("L"),
            UnicodeTableLetter => unicode_table("Letter"),
            UnicodeTableLu => unicode_table("Lu"),
            UnicodeTableUpper => unicode_table("Upper"),
            UnicodeTableLl => unicode_table("Ll"),
            UnicodeTableLower => unicode_table("Lower"),
            UnicodeTableLt => unicode_table("Lt"),
            UnicodeTableTitle => unicode_table("Title"),
            UnicodeTableLm => unicode_table("Lm"),
            UnicodeTableM => unicode_table("M"),
            UnicodeTableMark => unicode_table("Mark"),
            UnicodeTableMn => unicode_table("Mn"),
            UnicodeTableMe => unicode_table("Me"),
            UnicodeTableN => unicode_table("N"),
            UnicodeTableNumber => unicode_table("Number"),
            UnicodeTableNd => unicode_table("Nd"),
            UnicodeTableDigit => unicode_table("Digit"),
            UnicodeTableNl => unicode_table("Nl"),
            UnicodeTableNo => unicode_table("No"),
            UnicodeTableP => unicode_table("P"),
            UnicodeTablePunct => unicode_table("Punct"),
            UnicodeTablePc => unicode_table("Pc"),
            UnicodeTablePd => unicode_table("Pd"),
            UnicodeTablePs => unicode_table("Ps"),
            UnicodeTablePe => unicode_table("Pe"),
            UnicodeTablePi => unicode_table("Pi"),
            UnicodeTablePf => unicode_table("Pf"),
            UnicodeTableS => unicode_table("S"),
            UnicodeTableSymbol => unicode_table("Symbol"),
            UnicodeTableSm => unicode_table("Sm"),
            UnicodeTableSc => unicode_table("Sc"),
            UnicodeTableSk => unicode_table("Sk"),
            UnicodeTableZ => unicode_table("Z"),
            UnicodeTableSpace => unicode_table("Space"),
            UnicodeTableZs => unicode_table("Zs"),
            UnicodeTableZl => unicode_table("Zl"),
            UnicodeTableZp => unicode_table("Zp"),
            UnicodeTableC => unicode_table("C"),
            UnicodeTableOther => unicode_table("Other"),
            UnicodeTableCc => unicode_table("Cc"),
            UnicodeTableCf => unicode_table("Cf"),
            UnicodeTableCo => unicode_table("Co"),
            UnicodeTableCs => unicode_table("Cs"),
            UnicodeTableLatin => unicode_table("Latin"),
            UnicodeTableGreek => unicode_table("Greek"),
            UnicodeTableCyrillic => unicode_table("Cyrillic"),
            UnicodeTableArmenian => unicode_table("Armenian"),
            UnicodeTableHebrew => unicode_table("Hebrew"),
            UnicodeTableArabic => unicode_table("Arabic"),
            UnicodeTableSyriac => unicode_table("Syriac"),
            UnicodeTableThaana => unicode_table("Thaana"),
            UnicodeTableDevanagari => unicode_table("Devanagari"),
            UnicodeTableBengali => unicode_table("Bengali"),
            UnicodeTableGurmukhi => unicode_table("Gurmukhi"),
            UnicodeTableGujarati => unicode_table("Gujarati"),
            UnicodeTableTamil => unicode_table("Tamil"),
            UnicodeTableTelugu => unicode_table("Telugu"),
            UnicodeTableKannada => unicode_table("Kannada"),
            UnicodeTableMalayalam => unicode_table("Malayalam"),
            UnicodeTableSinhala => unicode_table("Sinhala"),
            UnicodeTableThai => unicode_table("Thai"),
            UnicodeTableLao => unicode_table("Lao"),
            UnicodeTableTibetan => unicode_table("Tibetan"),
            UnicodeTableMyanmar => unicode_table("Myanmar"),
            UnicodeTableGeorgian => unicode_table("Georgian"),
            UnicodeTableHangul => unicode_table("Hangul"),
            UnicodeTableEthiopic => unicode_table("Ethiopic"),
            UnicodeTableCherokee => unicode_table("Cherokee"),
            UnicodeTableKhmer => unicode_table("Khmer"),
            UnicodeTableMongolian => unicode_table("Mongolian"),
            UnicodeTableHiragana => unicode_table("Hiragana"),
            UnicodeTableKatakana => unicode_table("Katakana"),
            UnicodeTableBopomofo => unicode_table("Bopomofo"),
            UnicodeTableHan => unicode_table("Han"),
            UnicodeTableCommon => unicode_table("Common"),
            UnicodeTableInherited => unicode_table("Inherited"),
            UnicodeTableWhiteSpace => unicode_table("White_Space"),
            UnicodeTableASCIIHexDigit => unicode_table("ASCII_Hex_Digit"),
            UnicodeTableHexDigit => unicode_table("Hex_Digit"),
            UnicodeTableDash => unicode_table("Dash"),
            UnicodeTableHyphen => unicode_table("Hyphen"),
            UnicodeTableQuotationMark => unicode_table("Quotation_Mark"),
            UnicodeTableIdeographic => unicode_table("Ideographic"),
            UnicodeTableUnifiedIdeograph => unicode_table("Unified_Ideograph"),
            UnicodeTablePatternWhiteSpace => unicode_table("Pattern_White_Space"),
            UnicodeTablePatternSyntax => unicode_table("Pattern_Syntax"),
            UnicodeTableNoncharacterCodePoint => unicode_table("Noncharacter_Code_Point"),
            UnicodeTableJoinControl => unicode_table("Join_Control"),
            UnicodeTableBidiControl => unicode_table("Bidi_Control"),
            UnicodeTableVariationSelector => unicode_table("Variation_Selector"),
            UnicodeTableRegionalIndicator => unicode_table("Regional_Indicator"),
        }
    };
}
