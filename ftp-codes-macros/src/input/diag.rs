//! Collected diagnostics, and byte offsets turned into `line:column`.

use std::ops::Range;

/// A byte range in the catalogue text.
pub(crate) type Span = Range<usize>;

/// One problem found in a catalogue.
pub(crate) struct Diag {
    pub(crate) span: Span,
    pub(crate) message: String,
}

/// Every problem of one catalogue, so that one build reports them all.
#[derive(Default)]
pub(crate) struct Diagnostics {
    diags: Vec<Diag>,
}

impl Diagnostics {
    pub(crate) fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diag {
            span,
            message: message.into(),
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.diags.is_empty()
    }

    /// The problems in file order, each formatted as `PATH:LINE:COLUMN: message`.
    pub(crate) fn render(mut self, path: &str, text: &str) -> Vec<String> {
        crate::sort::sort_by_key(&mut self.diags, |d| (d.span.start, d.span.end));
        self.diags
            .iter()
            .map(|d| format!("{}: {}", locate(path, text, d.span.start), d.message))
            .collect()
    }
}

/// `PATH:LINE:COLUMN` of a byte offset: lines and columns count from 1, columns in characters
/// (not bytes), and a CRLF line ending counts as one line break.
pub(crate) fn locate(path: &str, text: &str, offset: usize) -> String {
    let before = floor_char_boundary(text, offset);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before
        .get(line_start..)
        .map_or(1, |rest| rest.chars().count() + 1);
    format!("{path}:{line}:{column}")
}

/// The text before `offset`, cut back to a character boundary.
fn floor_char_boundary(text: &str, offset: usize) -> &str {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn counts_lines_and_characters_from_one() {
        let text = "a = 1\nbb = 2\n";
        assert_eq!(locate("f.toml", text, 0), "f.toml:1:1");
        assert_eq!(locate("f.toml", text, 6), "f.toml:2:1");
        assert_eq!(locate("f.toml", text, 11), "f.toml:2:6");
    }

    #[test]
    fn crlf_is_one_line_break() {
        let text = "a = 1\r\nb = 2\r\nc = x\r\n";
        let offset = text.find('x').unwrap_or_default();
        assert_eq!(locate("f.toml", text, offset), "f.toml:3:5");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "name = \"Ünïcødé\" bad";
        let offset = text.find("bad").unwrap_or_default();
        assert_eq!(locate("f.toml", text, offset), "f.toml:1:18");
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_do_not_panic() {
        assert_eq!(locate("f", "é", 1), "f:1:1");
        assert_eq!(locate("f", "ab", 99), "f:1:3");
    }
}
