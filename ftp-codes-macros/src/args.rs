//! The macro's own input: `CRATE; #[attrs] VIS enum NAME from "PATH"`, where `CRATE` is the
//! path to ftp-codes that `ftp_codes::catalog!` passes on (`$crate`).
//!
//! Read from the tokens by hand: this grammar is all the crate parsed with syn, and waiting for
//! syn to compile put about a second on every clean build of ftp-codes (BENCHMARKS.md, "Build
//! cost").

use proc_macro2::{Delimiter, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use std::iter::Peekable;
use std::vec::IntoIter;

const EXPECTED_CODES: &str = "expected `codes from \"PATH\"` after the comma: the reply catalogue the commands' codes are checked against";
const EXPECTED_FROM: &str =
    "expected `from \"PATH\"` after the enum name, as in `pub enum Code from \"codes.toml\"`";

/// What the caller wrote inside `catalog! { ... }`.
pub(crate) struct Args {
    /// The path to the ftp-codes crate, as the caller's crate names it (`$crate` from the
    /// `macro_rules!` wrapper, so that a renamed dependency works).
    pub(crate) krate: TokenStream,
    /// Attributes and doc comments for the generated enum (minus our own `#[catalog(...)]`),
    /// each `#` and its brackets.
    pub(crate) attrs: Vec<TokenStream>,
    /// `pub`, `pub(crate)`, ..., or nothing.
    pub(crate) vis: TokenStream,
    pub(crate) name: Ident,
    /// The catalogue path exactly as written; errors are attached to it.
    pub(crate) path: StrLit,
    /// `command_catalog!` only: the reply catalogue the commands' codes are checked against
    /// (`, codes from "site-codes.toml"`); the standard one when absent.
    pub(crate) codes: Option<StrLit>,
    /// Set by the hidden `#[catalog(standard)]`: this catalogue defines the digit rules
    /// (`[categories]`, `[groups]`) and the `Category` and `Group` types. Only `ftp-codes` uses it.
    pub(crate) standard: bool,
}

/// A string literal's value and where it was written.
pub(crate) struct StrLit {
    value: String,
    span: Span,
}

impl StrLit {
    pub(crate) fn value(&self) -> String {
        self.value.clone()
    }

    pub(crate) const fn span(&self) -> Span {
        self.span
    }
}

/// A compile error at a place in the macro's input.
pub(crate) struct Error {
    span: Span,
    message: String,
}

impl Error {
    pub(crate) fn new(span: Span, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
        }
    }

    /// `::core::compile_error! { "message" }`, every token at the error's place, so that the
    /// compiler points there.
    pub(crate) fn to_compile_error(&self) -> TokenStream {
        let span = self.span;
        let punct = |c, spacing| {
            let mut punct = Punct::new(c, spacing);
            punct.set_span(span);
            TokenTree::Punct(punct)
        };
        let mut message = proc_macro2::Literal::string(&self.message);
        message.set_span(span);
        let mut body = proc_macro2::Group::new(
            Delimiter::Brace,
            TokenStream::from(TokenTree::Literal(message)),
        );
        body.set_span(span);
        TokenStream::from_iter([
            punct(':', Spacing::Joint),
            punct(':', Spacing::Alone),
            TokenTree::Ident(Ident::new("core", span)),
            punct(':', Spacing::Joint),
            punct(':', Spacing::Alone),
            TokenTree::Ident(Ident::new("compile_error", span)),
            punct('!', Spacing::Alone),
            TokenTree::Group(body),
        ])
    }
}

/// The input's tokens, with the invisible groups that `macro_rules!` fragments arrive in
/// (`$vis:vis`, `$name:ident`) opened.
struct Tokens {
    tokens: Peekable<IntoIter<TokenTree>>,
    /// Where a message about a missing token points: the last token read.
    last: Span,
}

impl Tokens {
    fn new(input: TokenStream) -> Self {
        fn flatten(input: TokenStream, out: &mut Vec<TokenTree>) {
            for token in input {
                match token {
                    TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                        flatten(group.stream(), out);
                    }
                    token => out.push(token),
                }
            }
        }
        let mut tokens = Vec::new();
        flatten(input, &mut tokens);
        Self {
            tokens: tokens.into_iter().peekable(),
            last: Span::call_site(),
        }
    }

    fn next(&mut self) -> Option<TokenTree> {
        let token = self.tokens.next();
        if let Some(token) = &token {
            self.last = token.span();
        }
        token
    }

    fn peek_punct(&mut self, c: char) -> bool {
        matches!(self.tokens.peek(), Some(TokenTree::Punct(p)) if p.as_char() == c)
    }

    fn peek_ident(&mut self, word: &str) -> bool {
        matches!(self.tokens.peek(), Some(TokenTree::Ident(i)) if i == word)
    }

    /// The next token if it is the identifier `word`, else `message` at it.
    fn keyword(&mut self, word: &str, message: &str) -> Result<(), Error> {
        let ident = self.ident(message)?;
        if ident == word {
            Ok(())
        } else {
            Err(Error::new(ident.span(), message))
        }
    }

    fn ident(&mut self, message: &str) -> Result<Ident, Error> {
        match self.next() {
            Some(TokenTree::Ident(ident)) => Ok(ident),
            Some(other) => Err(Error::new(other.span(), message)),
            None => Err(Error::new(self.last, message)),
        }
    }

    fn string(&mut self) -> Result<StrLit, Error> {
        const MESSAGE: &str = "expected a string literal: the catalogue's path";
        match self.next() {
            Some(TokenTree::Literal(literal)) => match unquote(&literal.to_string()) {
                Some(value) => Ok(StrLit {
                    value,
                    span: literal.span(),
                }),
                None => Err(Error::new(literal.span(), MESSAGE)),
            },
            Some(other) => Err(Error::new(other.span(), MESSAGE)),
            None => Err(Error::new(self.last, MESSAGE)),
        }
    }
}

impl Args {
    pub(crate) fn parse(input: TokenStream) -> Result<Self, Error> {
        let mut input = Tokens::new(input);
        let mut krate = TokenStream::new();
        loop {
            match input.next() {
                Some(TokenTree::Punct(semi)) if semi.as_char() == ';' => break,
                Some(token) => krate.extend([token]),
                None => {
                    return Err(Error::new(
                        input.last,
                        "expected the path to ftp-codes, then `;`",
                    ));
                }
            }
        }
        let mut attrs = Vec::new();
        let mut standard = false;
        while input.peek_punct('#') {
            let hash = input.next();
            let body = match input.next() {
                Some(TokenTree::Group(body)) if body.delimiter() == Delimiter::Bracket => body,
                _ => return Err(Error::new(input.last, "expected `[` after `#`")),
            };
            match catalog_options(&body)? {
                Some(is_standard) => standard |= is_standard,
                None => attrs.push(hash.into_iter().chain([TokenTree::Group(body)]).collect()),
            }
        }
        let mut vis = TokenStream::new();
        if input.peek_ident("pub") {
            vis.extend(input.next());
            if matches!(input.tokens.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
            {
                vis.extend(input.next());
            }
        }
        input.keyword("enum", "expected `enum`, then the enum's name")?;
        let name = input.ident("expected the enum's name")?;
        // Any token here, keyword or not, so that `in "x"` gets this message.
        input.keyword("from", EXPECTED_FROM)?;
        let path = input.string()?;
        let codes = if input.peek_punct(',') {
            input.next();
            input.keyword("codes", EXPECTED_CODES)?;
            input.keyword("from", EXPECTED_CODES)?;
            Some(input.string()?)
        } else {
            None
        };
        if input.peek_punct(';') {
            input.next();
        }
        if let Some(token) = input.next() {
            return Err(Error::new(
                token.span(),
                "unexpected tokens after the catalogue path",
            ));
        }
        Ok(Self {
            krate,
            attrs,
            vis,
            name,
            path,
            codes,
            standard,
        })
    }
}

/// `catalog(...)`'s options, if the attribute is ours (then it is not passed on): whether it
/// said `standard`.
fn catalog_options(body: &proc_macro2::Group) -> Result<Option<bool>, Error> {
    let mut tokens = body.stream().into_iter();
    match tokens.next() {
        Some(TokenTree::Ident(ident)) if ident == "catalog" => {}
        _ => return Ok(None),
    }
    let options = match (tokens.next(), tokens.next()) {
        (Some(TokenTree::Group(options)), None)
            if options.delimiter() == Delimiter::Parenthesis =>
        {
            options
        }
        _ => return Err(Error::new(body.span(), "expected `catalog(standard)`")),
    };
    let mut standard = false;
    for option in options.stream() {
        match option {
            TokenTree::Ident(ident) if ident == "standard" => standard = true,
            TokenTree::Punct(comma) if comma.as_char() == ',' => {}
            other => return Err(Error::new(other.span(), "unknown `catalog` option")),
        }
    }
    Ok(Some(standard))
}

/// A string literal's value from its source text (`"a\\b"`, `r#"a"#`); `None` for anything
/// else (a byte or C string, a suffix, a malformed escape).
fn unquote(text: &str) -> Option<String> {
    if let Some(raw) = text.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let fence = "#".repeat(hashes);
        let inner = raw
            .strip_prefix(fence.as_str())?
            .strip_prefix('"')?
            .strip_suffix(fence.as_str())?
            .strip_suffix('"')?;
        return Some(inner.to_owned());
    }
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    let mut value = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        match chars.next()? {
            'n' => value.push('\n'),
            'r' => value.push('\r'),
            't' => value.push('\t'),
            '0' => value.push('\0'),
            '\\' => value.push('\\'),
            '"' => value.push('"'),
            '\'' => value.push('\''),
            'x' => {
                let digits: String = [chars.next()?, chars.next()?].iter().collect();
                let byte = u8::from_str_radix(&digits, 16).ok().filter(u8::is_ascii)?;
                value.push(char::from(byte));
            }
            'u' => {
                (chars.next()? == '{').then_some(())?;
                let mut digits = String::new();
                loop {
                    match chars.next()? {
                        '}' => break,
                        '_' => {}
                        digit => digits.push(digit),
                    }
                }
                value.push(char::from_u32(u32::from_str_radix(&digits, 16).ok()?)?);
            }
            // A line continuation: the newline and the whitespace after it are dropped.
            '\n' | '\r' => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            _ => return None,
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::{Args, unquote};
    use proc_macro2::TokenStream;

    fn parse(input: &str) -> Result<Args, String> {
        let tokens: TokenStream = input.parse().map_err(|e| format!("{e}"))?;
        Args::parse(tokens).map_err(|e| e.message)
    }

    #[test]
    fn reads_what_the_wrappers_pass() {
        let args = parse(
            r#"::ftp_codes; /// Doc.
            #[derive(Hash)] #[catalog(standard)] pub(crate) enum Code from "codes.toml""#,
        )
        .unwrap();
        assert_eq!(args.krate.to_string(), ":: ftp_codes");
        assert_eq!(args.attrs.len(), 2);
        assert_eq!(args.vis.to_string(), "pub (crate)");
        assert_eq!(args.name.to_string(), "Code");
        assert_eq!(args.path.value(), "codes.toml");
        assert!(args.standard && args.codes.is_none());

        let args = parse(r#"x; enum C from r"a.toml", codes from "b\x2etoml";"#).unwrap();
        assert!(args.vis.is_empty() && !args.standard);
        assert_eq!(args.path.value(), "a.toml");
        assert_eq!(args.codes.map(|c| c.value()).as_deref(), Some("b.toml"));
    }

    /// A wrapper's `$vis:vis` and `$name:ident` arrive in invisible groups.
    #[test]
    fn opens_the_groups_macro_rules_fragments_arrive_in() {
        use proc_macro2::{Delimiter, Group, TokenTree};
        let invisible =
            |text: &str| TokenTree::Group(Group::new(Delimiter::None, text.parse().unwrap()));
        let mut input: TokenStream = "x;".parse().unwrap();
        input.extend([invisible("pub(in crate::a)"), invisible("enum")]);
        input.extend([invisible("Name")]);
        input.extend("from \"a.toml\"".parse::<TokenStream>().unwrap());
        let args = Args::parse(input).unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(args.vis.to_string(), "pub (in crate :: a)");
        assert_eq!(args.name.to_string(), "Name");
    }

    #[test]
    fn says_what_was_expected() {
        let cases = [
            (
                "x enum C from \"a\"",
                "expected the path to ftp-codes, then `;`",
            ),
            (
                "x; pub enum C in \"a\"",
                "expected `from \"PATH\"` after the enum name",
            ),
            ("x; pub struct C from \"a\"", "expected `enum`"),
            ("x; enum C from b\"a\"", "expected a string literal"),
            (
                "x; enum C from \"a\", code from \"b\"",
                "expected `codes from \"PATH\"`",
            ),
            ("x; enum C from \"a\" extra", "unexpected tokens"),
            (
                "x; #[catalog(other)] enum C from \"a\"",
                "unknown `catalog` option",
            ),
        ];
        for (input, expected) in cases {
            let error = parse(input).err().unwrap_or_default();
            assert!(error.starts_with(expected), "{input}: {error}");
        }
    }

    #[test]
    fn unquotes_as_rust_does() {
        for (text, value) in [
            (r#""a/b.toml""#, Some("a/b.toml")),
            (r#""a\\b\"c\n\t\u{e9}""#, Some("a\\b\"c\n\t\u{e9}")),
            (r##"r#"a"b"#"##, Some("a\"b")),
            (r#"b"a""#, None),
            (r#""a"x"#, None),
            (r#""\q""#, None),
        ] {
            assert_eq!(unquote(text).as_deref(), value, "{text}");
        }
    }
}
