//! A forward-only scanner over JSON text that steps over values without building them.
//!
//! Two stages use it on text that already parsed as JSON: [`crate::locate`] walks to the nodes
//! diagnostics point at, and [`crate::load`] finds the members of a big document to parse them
//! on two threads. Every step returns `None` on text that is not what it expects, and nothing
//! here panics.

/// A place in JSON text, moving forward only.
pub struct Scanner<'a> {
    text: &'a [u8],
    /// The byte offset of the next byte to read.
    pub pos: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `text`.
    pub fn new(text: &'a [u8]) -> Self {
        Scanner { text, pos: 0 }
    }

    /// The next byte, if any.
    pub fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    /// Steps over spaces, tabs and line breaks.
    pub fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Expects `byte` (after whitespace) and steps over it.
    pub fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// After a member or element: steps over the `,` that follows, or stays at `close`.
    pub fn next_in(&mut self, close: u8) -> Option<()> {
        self.skip_whitespace();
        match self.peek()? {
            b',' => self.pos += 1,
            byte if byte == close => {}
            _ => return None,
        }
        Some(())
    }

    /// At `"`: steps over a string and returns its decoded text.
    pub fn string(&mut self) -> Option<String> {
        let start = self.pos + 1;
        self.skip_string()?;
        let raw = self.text.get(start..self.pos - 1)?;
        // JSON strings hold no raw control characters.
        if raw.iter().any(|&b| b < 0x20) {
            return None;
        }
        let raw = std::str::from_utf8(raw).ok()?;
        if raw.contains('\\') {
            serde_json::from_str(std::str::from_utf8(&self.text[start - 1..self.pos]).ok()?).ok()
        } else {
            Some(raw.to_string())
        }
    }

    /// At `"`: steps past the closing quote.
    pub fn skip_string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            let end = memchr::memchr2(b'"', b'\\', self.text.get(self.pos..)?)?;
            // Past the quote, or past the backslash and the byte it escapes.
            self.pos += end + 1;
            if self.text[self.pos - 1] == b'"' {
                return Some(());
            }
            self.pos += 1;
        }
    }

    /// Steps over one value (after whitespace): a string, a number or literal, or a whole
    /// object or array.
    pub fn skip_value(&mut self) -> Option<()> {
        self.skip_whitespace();
        match self.peek()? {
            b'"' => self.skip_string(),
            open @ (b'{' | b'[') => {
                self.pos += 1;
                self.skip_to_close(open)
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.pos += 1;
                }
                (self.pos > start).then_some(())
            }
        }
    }

    /// Inside an object or array opened by `open`: steps past its end, skipping strings whole.
    ///
    /// The text parsed as JSON, so braces and brackets each nest properly on their own: the end
    /// of an object is found counting braces only, the end of an array counting brackets only,
    /// which lets one `memchr3` jump over everything else.
    pub fn skip_to_close(&mut self, open: u8) -> Option<()> {
        let close = if open == b'{' { b'}' } else { b']' };
        let mut depth = 1usize;
        loop {
            let next = memchr::memchr3(b'"', open, close, self.text.get(self.pos..)?)?;
            self.pos += next;
            match self.text[self.pos] {
                b'"' => {
                    self.skip_string()?;
                    continue;
                }
                byte if byte == open => depth += 1,
                _ => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return Some(());
                    }
                }
            }
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(text: &str) -> Option<usize> {
        let mut scanner = Scanner::new(text.as_bytes());
        scanner.skip_value()?;
        Some(scanner.pos)
    }

    #[test]
    fn values_are_stepped_over_whole() {
        assert_eq!(
            skipped(r#"{"a": [1, {"b": "}"}], "c": "\"]"} tail"#),
            Some(34)
        );
        assert_eq!(skipped(r#"[[], {"x": ["[", "]"]}] tail"#), Some(23));
        assert_eq!(skipped(r#""a\\" tail"#), Some(5));
        assert_eq!(skipped("  -12.5e3, 1"), Some(9));
        assert_eq!(skipped("true}"), Some(4));
    }

    #[test]
    fn text_that_ends_early_gives_none() {
        assert_eq!(skipped(r#"{"a": [1, 2"#), None);
        assert_eq!(skipped(r#""open"#), None);
        assert_eq!(skipped(""), None);
    }

    #[test]
    fn strings_are_decoded() {
        let mut scanner = Scanner::new(br#""a\u00e9\n" "plain""#);
        assert_eq!(scanner.string().as_deref(), Some("a\u{e9}\n"));
        scanner.skip_whitespace();
        assert_eq!(scanner.string().as_deref(), Some("plain"));
    }
}
