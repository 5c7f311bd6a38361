//! Go lexer with automatic semicolon insertion (to be written).
