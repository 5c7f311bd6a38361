//! Go tokens, as `cmd/compile/internal/syntax` classifies them.
//!
//! The classification follows the Go compiler's scanner rather than the spec's token list: all
//! binary operators other than `*` are one [`TokenKind::Operator`] carrying an [`Operator`] and its
//! precedence, `op=` is [`TokenKind::AssignOp`], `++`/`--` is [`TokenKind::IncOp`], and `*` is
//! [`TokenKind::Star`] (it is a unary dereference, a pointer type and a binary operator). This
//! keeps the parser's error messages identical to Go's, which name tokens this way
//! (`unexpected name x`, `unexpected literal 1`, `unexpected newline`, `unexpected keyword func`).

use crate::diag::Span;

/// Go's operators (those that can appear in [`TokenKind::Operator`], [`TokenKind::AssignOp`],
/// [`TokenKind::IncOp`] and [`TokenKind::Star`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    /// `!`
    Not,
    /// `~` (type-set notation, unsupported)
    Tilde,
    /// `||`
    OrOr,
    /// `&&`
    AndAnd,
    /// `==`
    Eql,
    /// `!=`
    Neq,
    /// `<`
    Lss,
    /// `<=`
    Leq,
    /// `>`
    Gtr,
    /// `>=`
    Geq,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `&`
    And,
    /// `&^`
    AndNot,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
}

impl Operator {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        use Operator::*;
        match self {
            Not => "!",
            Tilde => "~",
            OrOr => "||",
            AndAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
        }
    }

    /// Binary precedence, 1 (`||`) to 5 (`*`); 0 for the unary-only `!` and `~`.
    pub fn precedence(self) -> u8 {
        use Operator::*;
        match self {
            Not | Tilde => 0,
            OrOr => 1,
            AndAnd => 2,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Div | Rem | And | AndNot | Shl | Shr => 5,
        }
    }
}

/// Go's 25 keywords.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyword {
    /// `break`
    Break,
    /// `case`
    Case,
    /// `chan`
    Chan,
    /// `const`
    Const,
    /// `continue`
    Continue,
    /// `default`
    Default,
    /// `defer`
    Defer,
    /// `else`
    Else,
    /// `fallthrough`
    Fallthrough,
    /// `for`
    For,
    /// `func`
    Func,
    /// `go`
    Go,
    /// `goto`
    Goto,
    /// `if`
    If,
    /// `import`
    Import,
    /// `interface`
    Interface,
    /// `map`
    Map,
    /// `package`
    Package,
    /// `range`
    Range,
    /// `return`
    Return,
    /// `select`
    Select,
    /// `struct`
    Struct,
    /// `switch`
    Switch,
    /// `type`
    Type,
    /// `var`
    Var,
}

impl Keyword {
    /// All keywords, for lookup.
    pub const ALL: [Keyword; 25] = [
        Keyword::Break,
        Keyword::Case,
        Keyword::Chan,
        Keyword::Const,
        Keyword::Continue,
        Keyword::Default,
        Keyword::Defer,
        Keyword::Else,
        Keyword::Fallthrough,
        Keyword::For,
        Keyword::Func,
        Keyword::Go,
        Keyword::Goto,
        Keyword::If,
        Keyword::Import,
        Keyword::Interface,
        Keyword::Map,
        Keyword::Package,
        Keyword::Range,
        Keyword::Return,
        Keyword::Select,
        Keyword::Struct,
        Keyword::Switch,
        Keyword::Type,
        Keyword::Var,
    ];

    /// The keyword as written.
    pub fn as_str(self) -> &'static str {
        use Keyword::*;
        match self {
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// The keyword spelled `word`, if any.
    pub fn lookup(word: &str) -> Option<Keyword> {
        Keyword::ALL.iter().copied().find(|k| k.as_str() == word)
    }
}

/// Kinds of basic literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    /// `42`, `0x2A`, `0o52`, `0b101010`, `052`, `1_000`.
    Int,
    /// `1.5`, `1e9`, `.5`, `0x1p-2`.
    Float,
    /// `2i`.
    Imag,
    /// `'a'`.
    Rune,
    /// `"a"` or `` `a` ``.
    String,
}

/// What a `;` token stands for; Go names it in messages (`unexpected newline`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    /// A `;` written in the source.
    Semicolon,
    /// Inserted at a newline (or a block comment spanning lines).
    Newline,
    /// Inserted at the end of the file.
    Eof,
}

impl SemiKind {
    /// Go's word for it: `semicolon`, `newline`, `EOF`.
    pub fn as_str(self) -> &'static str {
        match self {
            SemiKind::Semicolon => "semicolon",
            SemiKind::Newline => "newline",
            SemiKind::Eof => "EOF",
        }
    }
}

/// The decoded value of a string or rune literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LitValue {
    /// Numbers keep only their text.
    None,
    /// A string literal's bytes (escapes decoded, `\r` removed from raw strings).
    Bytes(Vec<u8>),
    /// A rune literal's value.
    Rune(char),
}

/// A basic literal token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Literal {
    /// Which kind.
    pub kind: LitKind,
    /// The source text, quotes included.
    pub text: String,
    /// The decoded value (strings and runes).
    pub value: LitValue,
    /// A lexical error was reported for this literal; its value is unreliable.
    pub bad: bool,
}

/// The kinds of token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// End of input (after the final inserted semicolon, if any).
    Eof,
    /// An identifier.
    Name(String),
    /// A basic literal.
    Literal(Literal),
    /// A binary or unary operator other than `*` and `<-`.
    Operator(Operator),
    /// `op=`, e.g. `+=` (`*=` included).
    AssignOp(Operator),
    /// `++` (`Add`) or `--` (`Sub`).
    IncOp(Operator),
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `<-`
    Arrow,
    /// `*`
    Star,
    /// `(`
    LParen,
    /// `[`
    LBrack,
    /// `{`
    LBrace,
    /// `)`
    RParen,
    /// `]`
    RBrack,
    /// `}`
    RBrace,
    /// `,`
    Comma,
    /// `;`, written or inserted.
    Semi(SemiKind),
    /// `:`
    Colon,
    /// `.`
    Dot,
    /// `...`
    DotDotDot,
    /// A keyword.
    Keyword(Keyword),
}

impl TokenKind {
    /// Go's name for this token in `unexpected X` messages: `name x`, `literal 1`, `newline`,
    /// `keyword func`, `comma`, `)`, `+=`, `++`.
    pub fn describe(&self) -> String {
        match self {
            TokenKind::Name(name) => format!("name {name}"),
            TokenKind::Semi(kind) => kind.as_str().to_string(),
            TokenKind::Literal(lit) => format!("literal {}", lit.text),
            TokenKind::Operator(op) => op.as_str().to_string(),
            TokenKind::AssignOp(op) => format!("{}=", op.as_str()),
            TokenKind::IncOp(op) => format!("{0}{0}", op.as_str()),
            TokenKind::Keyword(k) => keyword_string(*k).to_string(),
            other => other.token_string().to_string(),
        }
    }

    /// Go's `tokstring`: the word for a token class, as used in `expected X`.
    pub fn token_string(&self) -> &'static str {
        match self {
            TokenKind::Eof => "EOF",
            TokenKind::Name(_) => "name",
            TokenKind::Literal(_) => "literal",
            TokenKind::Operator(_) => "op",
            TokenKind::AssignOp(_) => "op=",
            TokenKind::IncOp(_) => "opop",
            TokenKind::Assign => "=",
            TokenKind::Define => ":=",
            TokenKind::Arrow => "<-",
            TokenKind::Star => "*",
            TokenKind::LParen => "(",
            TokenKind::LBrack => "[",
            TokenKind::LBrace => "{",
            TokenKind::RParen => ")",
            TokenKind::RBrack => "]",
            TokenKind::RBrace => "}",
            TokenKind::Comma => "comma",
            TokenKind::Semi(_) => "semicolon or newline",
            TokenKind::Colon => ":",
            TokenKind::Dot => ".",
            TokenKind::DotDotDot => "...",
            TokenKind::Keyword(k) => k.as_str(),
        }
    }
}

/// `keyword func` and so on.
fn keyword_string(k: Keyword) -> &'static str {
    use Keyword::*;
    match k {
        Break => "keyword break",
        Case => "keyword case",
        Chan => "keyword chan",
        Const => "keyword const",
        Continue => "keyword continue",
        Default => "keyword default",
        Defer => "keyword defer",
        Else => "keyword else",
        Fallthrough => "keyword fallthrough",
        For => "keyword for",
        Func => "keyword func",
        Go => "keyword go",
        Goto => "keyword goto",
        If => "keyword if",
        Import => "keyword import",
        Interface => "keyword interface",
        Map => "keyword map",
        Package => "keyword package",
        Range => "keyword range",
        Return => "keyword return",
        Select => "keyword select",
        Struct => "keyword struct",
        Switch => "keyword switch",
        Type => "keyword type",
        Var => "keyword var",
    }
}

/// One token with its source span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is. An inserted semicolon has an empty span at the newline (or at the start of
    /// the multi-line comment, or at the end of the file).
    pub span: Span,
}
