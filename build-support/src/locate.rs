//! Finding the line and column of a JSON pointer in JSON or YAML source text.
//!
//! Diagnostics carry JSON pointers only; [`fill_locations`] turns them into `line:column` at the
//! end. Neither scanner builds a value: the JSON one skips over what it does not need in one
//! forward pass, the YAML one reads block-style lines by indentation.

use crate::diagnostics::{Diagnostic, Location};
use crate::load::{Format, Source};

/// The position of the node at `pointer` in `text`, if it can be found: the key of an object
/// member, the start of an array element (the `-` of a YAML sequence item), `1:1` for the root.
/// In YAML flow style (`{…}`, `[…]`) the position of the deepest node found is given instead.
pub fn locate(text: &str, format: Format, pointer: &str) -> Option<Location> {
    let segments = pointer_segments(pointer.strip_prefix('#').unwrap_or(pointer))?;
    let offset = match format {
        Format::Json => json::find(text.as_bytes(), &segments)?,
        Format::Yaml => yaml::find(text, &segments)?,
    };
    Some(location_of(text, offset))
}

/// Fills in `location` and `source_line` of each diagnostic whose file is one of `sources` and
/// that has no location yet.
pub fn fill_locations(diagnostics: &mut [Diagnostic], sources: &[Source]) {
    for diagnostic in diagnostics {
        if diagnostic.location.is_some() {
            continue;
        }
        let Some(source) = sources.iter().find(|s| s.path == diagnostic.file) else {
            continue;
        };
        if let Some(location) = locate(&source.text, source.format, &diagnostic.pointer) {
            diagnostic.location = Some(location);
            diagnostic.source_line = source
                .text
                .lines()
                .nth(location.line - 1)
                .map(str::to_string);
        }
    }
}

/// The unescaped segments of a JSON pointer (RFC 6901: `~1` is `/`, `~0` is `~`); `None` when
/// a non-empty pointer does not start with `/`.
pub fn pointer_segments(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|segment| segment.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// `segment` escaped for use in a JSON pointer (`~` → `~0`, `/` → `~1`).
pub fn escape_segment(segment: &str) -> String {
    if segment.contains(['~', '/']) {
        segment.replace('~', "~0").replace('/', "~1")
    } else {
        segment.to_string()
    }
}

/// The 1-based line and character column of byte `offset` in `text`.
fn location_of(text: &str, offset: usize) -> Location {
    let offset = (0..=offset.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// A forward scanner over JSON bytes that walks to a pointer without building values.
mod json {
    /// The byte offset of the node at `segments`: an object member's key, an array element's
    /// first byte, `0` for the root.
    pub(super) fn find(text: &[u8], segments: &[String]) -> Option<usize> {
        let mut scanner = Scanner { text, pos: 0 };
        let mut found = 0;
        for segment in segments {
            scanner.skip_whitespace();
            found = match scanner.peek()? {
                b'{' => scanner.member(segment)?,
                b'[' => scanner.element(segment.parse().ok()?)?,
                _ => return None,
            };
        }
        Some(found)
    }

    struct Scanner<'a> {
        text: &'a [u8],
        pos: usize,
    }

    impl Scanner<'_> {
        fn peek(&self) -> Option<u8> {
            self.text.get(self.pos).copied()
        }

        fn skip_whitespace(&mut self) {
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                self.pos += 1;
            }
        }

        /// Expects `byte` (after whitespace) and steps over it.
        fn expect(&mut self, byte: u8) -> Option<()> {
            self.skip_whitespace();
            (self.peek()? == byte).then(|| self.pos += 1)
        }

        /// At `{`: finds member `key`, leaves the scanner at its value, returns the key's offset.
        fn member(&mut self, key: &str) -> Option<usize> {
            self.pos += 1;
            loop {
                self.skip_whitespace();
                let start = self.pos;
                if self.peek()? != b'"' {
                    return None;
                }
                let name = self.string()?;
                self.expect(b':')?;
                if name == key {
                    return Some(start);
                }
                self.skip_value()?;
                self.expect(b',')?;
            }
        }

        /// At `[`: finds element `index`, leaves the scanner at it, returns its offset.
        fn element(&mut self, index: usize) -> Option<usize> {
            self.pos += 1;
            for _ in 0..index {
                self.skip_whitespace();
                if self.peek()? == b']' {
                    return None;
                }
                self.skip_value()?;
                self.expect(b',')?;
            }
            self.skip_whitespace();
            (!matches!(self.peek()?, b']')).then_some(self.pos)
        }

        /// At `"`: steps over a string and returns its decoded text.
        fn string(&mut self) -> Option<String> {
            let start = self.pos + 1;
            self.skip_string()?;
            let raw = std::str::from_utf8(self.text.get(start..self.pos - 1)?).ok()?;
            if raw.contains('\\') {
                serde_json::from_str(std::str::from_utf8(&self.text[start - 1..self.pos]).ok()?)
                    .ok()
            } else {
                Some(raw.to_string())
            }
        }

        /// At `"`: steps past the closing quote.
        fn skip_string(&mut self) -> Option<()> {
            self.pos += 1;
            loop {
                match self.peek()? {
                    b'"' => {
                        self.pos += 1;
                        return Some(());
                    }
                    b'\\' => self.pos += 2,
                    _ => self.pos += 1,
                }
            }
        }

        /// Steps over one value (after whitespace): a string, a number or literal, or a whole
        /// object or array.
        fn skip_value(&mut self) -> Option<()> {
            self.skip_whitespace();
            match self.peek()? {
                b'"' => self.skip_string(),
                b'{' | b'[' => self.skip_container(),
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

        /// At `{` or `[`: steps past the matching close, skipping strings whole.
        fn skip_container(&mut self) -> Option<()> {
            let mut depth = 0usize;
            loop {
                match self.peek()? {
                    b'"' => {
                        self.skip_string()?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            self.pos += 1;
                            return Some(());
                        }
                    }
                    _ => {}
                }
                self.pos += 1;
            }
        }
    }
}

/// A line-oriented scanner for block-style YAML.
mod yaml {
    /// One line that holds content, with its indentation.
    #[derive(Clone, Copy)]
    struct Line<'a> {
        /// Byte offset of the content (after the indentation) in the text.
        start: usize,
        /// The content's column, 0-based: the spaces before it, or for the content after a
        /// `- ` on the same line, where that content starts.
        indent: usize,
        /// The content, without indentation and line break.
        content: &'a str,
    }

    /// The lines of one node's content: an optional first line that shares a line with its
    /// parent's `- `, then whole lines.
    #[derive(Clone, Copy)]
    struct Block<'s, 'a> {
        first: Option<Line<'a>>,
        rest: &'s [Line<'a>],
    }

    /// What a node found by one segment holds, as far as the next segment is concerned.
    enum Value<'s, 'a> {
        /// Block-style content to search on.
        Block(Block<'s, 'a>),
        /// `{…}` or `[…]`: not scanned; the node itself is as deep as we get.
        Flow,
        /// A scalar, alias or block scalar: nothing below it.
        Scalar,
    }

    impl<'s, 'a> Block<'s, 'a> {
        /// The lines with their index in `rest` (`None` for the first line).
        fn lines(self) -> impl Iterator<Item = (Option<usize>, Line<'a>)> + 's {
            let first = self.first.map(|line| (None, line));
            let rest = self.rest.iter().enumerate();
            first
                .into_iter()
                .chain(rest.map(|(i, line)| (Some(i), *line)))
        }

        /// The whole lines after line `index` (after the first line when `None`).
        fn after(self, index: Option<usize>) -> &'s [Line<'a>] {
            match index {
                Some(i) => &self.rest[i + 1..],
                None => self.rest,
            }
        }
    }

    /// The byte offset of the node at `segments`: an entry's key, a sequence item's `-`, `0`
    /// for the root; for a pointer into flow style, the offset of the deepest node found.
    pub(super) fn find(text: &str, segments: &[String]) -> Option<usize> {
        let lines = content_lines(text);
        let mut value = Value::Block(Block {
            first: None,
            rest: &lines,
        });
        let mut found = 0;
        for segment in segments {
            let block = match value {
                Value::Block(block) => block,
                Value::Flow => return Some(found),
                Value::Scalar => return None,
            };
            let (_, head) = block.lines().next()?;
            let (index, line) = if head.content.starts_with(['{', '[']) {
                return Some(found);
            } else if is_item(head.content) {
                let n: usize = segment.parse().ok()?;
                block
                    .lines()
                    .filter(|(_, line)| line.indent == head.indent && is_item(line.content))
                    .nth(n)?
            } else {
                block.lines().find(|(_, line)| {
                    line.indent == head.indent
                        && key_of(line.content).is_some_and(|(key, _)| key == *segment)
                })?
            };
            found = line.start;
            value = if is_item(line.content) {
                item_value(block.after(index), line)
            } else {
                member_value(block.after(index), line)
            };
        }
        Some(found)
    }

    /// The value of the mapping entry on `line`, whose following lines are `following`.
    fn member_value<'s, 'a>(following: &'s [Line<'a>], line: Line<'a>) -> Value<'s, 'a> {
        let Some((_, colon)) = key_of(line.content) else {
            return Value::Scalar;
        };
        let text = value_text(&line.content[colon..]);
        if text.is_empty() {
            // A sequence may sit at the same indentation as its key.
            let end = following
                .iter()
                .position(|next| {
                    next.indent < line.indent
                        || (next.indent == line.indent && !is_item(next.content))
                })
                .unwrap_or(following.len());
            Value::Block(Block {
                first: None,
                rest: &following[..end],
            })
        } else if text.starts_with(['{', '[']) {
            Value::Flow
        } else {
            Value::Scalar
        }
    }

    /// The value of the sequence item on `line` (`- …`), whose following lines are `following`.
    fn item_value<'s, 'a>(following: &'s [Line<'a>], line: Line<'a>) -> Value<'s, 'a> {
        let end = following
            .iter()
            .position(|next| next.indent <= line.indent)
            .unwrap_or(following.len());
        let rest = &following[..end];
        let text = value_text(&line.content[1..]);
        if text.is_empty() {
            return Value::Block(Block { first: None, rest });
        }
        if text.starts_with(['{', '[']) {
            return Value::Flow;
        }
        if !(is_item(text) || key_of(text).is_some()) {
            return Value::Scalar;
        }
        let offset = line.content.len() - text.len();
        Value::Block(Block {
            first: Some(Line {
                start: line.start + offset,
                indent: line.indent + offset,
                content: text,
            }),
            rest,
        })
    }

    /// The value written after a `:` or `-`, without anchors (`&a`), tags (`!t`) and leading
    /// space; empty when only a comment follows.
    fn value_text(text: &str) -> &str {
        let mut text = text.trim_start();
        while text.starts_with(['&', '!']) {
            text = text
                .split_once([' ', '\t'])
                .map_or("", |(_, rest)| rest.trim_start());
        }
        if text.starts_with('#') { "" } else { text }
    }

    /// Whether a line's content is a sequence item (`- x` or a lone `-`).
    fn is_item(content: &str) -> bool {
        content == "-" || content.starts_with("- ") || content.starts_with("-\t")
    }

    /// The key of a `key: value` line and the byte offset just after its `:`.
    fn key_of(content: &str) -> Option<(String, usize)> {
        if is_item(content) || content.starts_with(['?', '#', '{', '[']) {
            return None;
        }
        let (key, after) = match content.as_bytes().first()? {
            b'"' => double_quoted(content)?,
            b'\'' => single_quoted(content)?,
            _ => {
                let colon = plain_colon(content)?;
                (content[..colon].trim_end().to_string(), colon)
            }
        };
        let rest = &content[after..];
        let colon = after + rest.len() - rest.trim_start().len();
        let tail = content[colon..].strip_prefix(':')?;
        (tail.is_empty() || tail.starts_with([' ', '\t'])).then_some((key, colon + 1))
    }

    /// The offset of the `:` that ends a plain key: the first one followed by a space or the
    /// line end.
    fn plain_colon(content: &str) -> Option<usize> {
        let bytes = content.as_bytes();
        (0..bytes.len())
            .find(|&i| bytes[i] == b':' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t')))
    }

    /// A `"…"` key: its text and the offset after the closing quote.
    fn double_quoted(content: &str) -> Option<(String, usize)> {
        let mut key = String::new();
        let mut chars = content.char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((key, i + 1)),
                '\\' => {
                    let (_, escaped) = chars.next()?;
                    key.push(match escaped {
                        'n' => '\n',
                        't' => '\t',
                        other => other,
                    });
                }
                other => key.push(other),
            }
        }
        None
    }

    /// A `'…'` key (`''` stands for a quote): its text and the offset after the closing quote.
    fn single_quoted(content: &str) -> Option<(String, usize)> {
        let mut key = String::new();
        let mut chars = content.char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            if c != '\'' {
                key.push(c);
            } else if chars.next_if(|(_, next)| *next == '\'').is_some() {
                key.push('\'');
            } else {
                return Some((key, i + 1));
            }
        }
        None
    }

    /// Every line with content, skipping blank lines, comments and document markers.
    fn content_lines(text: &str) -> Vec<Line<'_>> {
        let mut lines = Vec::new();
        let mut start = 0;
        for raw in text.split_inclusive('\n') {
            let line = raw.trim_end_matches(['\n', '\r']);
            let content = line.trim_start_matches(' ');
            let indent = line.len() - content.len();
            let marker =
                indent == 0 && (content == "---" || content == "..." || content.starts_with('%'));
            if !(content.trim().is_empty() || content.starts_with('#') || marker) {
                lines.push(Line {
                    start: start + indent,
                    indent,
                    content: content.trim_end(),
                });
            }
            start += raw.len();
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    const JSON: &str = r#"{
  "openapi": "3.0.0",
  "info": {"title": "a \"quoted\" {brace} [x]", "description": "\\"},
  "paths": {
    "/users/{id}": {
      "get": {
        "parameters": [
          {"name": "id", "in": "path"},
          {"name": "q", "in": "query", "schema": {"type": "string"}}
        ]
      }
    }
  },
  "a/b": {"m~n": 1.5e3, "n": [true, false, null]}
}"#;

    #[test]
    fn json_root_is_first_line_first_column() {
        assert_eq!(locate(JSON, Format::Json, ""), at(1, 1));
    }

    #[test]
    fn json_nested_key_points_at_its_opening_quote() {
        assert_eq!(locate(JSON, Format::Json, "/info/title"), at(3, 12));
        assert_eq!(locate(JSON, Format::Json, "/paths"), at(4, 3));
    }

    #[test]
    fn json_tilde_one_unescapes_to_slash() {
        assert_eq!(
            locate(JSON, Format::Json, "/paths/~1users~1{id}/get"),
            at(6, 7)
        );
    }

    #[test]
    fn json_tilde_zero_and_escaped_slash_in_keys() {
        assert_eq!(locate(JSON, Format::Json, "/a~1b/m~0n"), at(14, 11));
        assert_eq!(locate(JSON, Format::Json, "/a~1b/n/2"), at(14, 44));
    }

    #[test]
    fn json_array_element_points_at_its_start() {
        let pointer = "/paths/~1users~1{id}/get/parameters/1";
        assert_eq!(locate(JSON, Format::Json, pointer), at(9, 11));
        assert_eq!(
            locate(
                JSON,
                Format::Json,
                "/paths/~1users~1{id}/get/parameters/1/schema/type"
            ),
            at(9, 51)
        );
    }

    #[test]
    fn json_strings_with_braces_and_escaped_quotes_before_the_target_are_skipped() {
        assert_eq!(locate(JSON, Format::Json, "/info/description"), at(3, 49));
        assert_eq!(locate(JSON, Format::Json, "/a~1b"), at(14, 3));
    }

    #[test]
    fn json_missing_nodes_have_no_location() {
        for pointer in [
            "/nope",
            "/info/title/x",
            "/paths/~1users~1{id}/get/parameters/2",
            "/a~1b/n/x",
            "x",
        ] {
            assert_eq!(locate(JSON, Format::Json, pointer), None, "{pointer}");
        }
    }

    #[test]
    fn json_escaped_keys_are_compared_decoded() {
        let text = r#"{"a\"b": 1, "\u0063": 2}"#;
        assert_eq!(locate(text, Format::Json, "/a\"b"), at(1, 2));
        assert_eq!(locate(text, Format::Json, "/c"), at(1, 13));
    }

    #[test]
    fn json_column_counts_characters_not_bytes() {
        let text = "{\"é\": 1, \"x\": 2}";
        assert_eq!(locate(text, Format::Json, "/x"), at(1, 10));
    }

    const YAML: &str = "openapi: 3.0.0
# a comment
info:
  title: Pets   # trailing
  description: |
    title: not a key
paths:
  /users/{id}:
    get:
      parameters:
        - name: id
          in: path
        -   name: q
            in: query
      responses:
        200:
          description: ok
        '404':
          description: missing
        \"default\":
          description: other
tags:
- name: a
- &t
  name: b
flow: {a: {b: 1}}
list: [1, 2]
";

    #[test]
    fn yaml_block_mapping_keys() {
        assert_eq!(locate(YAML, Format::Yaml, "/info"), at(3, 1));
        assert_eq!(locate(YAML, Format::Yaml, "/info/title"), at(4, 3));
        assert_eq!(locate(YAML, Format::Yaml, "/info/description"), at(5, 3));
        assert_eq!(
            locate(YAML, Format::Yaml, "/paths/~1users~1{id}/get"),
            at(9, 5)
        );
    }

    #[test]
    fn yaml_sequence_items_point_at_their_dash() {
        let base = "/paths/~1users~1{id}/get/parameters";
        assert_eq!(locate(YAML, Format::Yaml, &format!("{base}/0")), at(11, 9));
        assert_eq!(locate(YAML, Format::Yaml, &format!("{base}/1")), at(13, 9));
        assert_eq!(
            locate(YAML, Format::Yaml, &format!("{base}/1/in")),
            at(14, 13)
        );
        assert_eq!(
            locate(YAML, Format::Yaml, &format!("{base}/0/in")),
            at(12, 11)
        );
        assert_eq!(locate(YAML, Format::Yaml, &format!("{base}/2")), None);
    }

    #[test]
    fn yaml_sequence_at_the_same_indent_as_its_key() {
        assert_eq!(locate(YAML, Format::Yaml, "/tags/1"), at(24, 1));
        assert_eq!(locate(YAML, Format::Yaml, "/tags/1/name"), at(25, 3));
        assert_eq!(locate(YAML, Format::Yaml, "/tags/0/name"), at(23, 3));
        assert_eq!(locate(YAML, Format::Yaml, "/flow"), at(26, 1));
    }

    #[test]
    fn yaml_numeric_and_quoted_keys() {
        let base = "/paths/~1users~1{id}/get/responses";
        assert_eq!(
            locate(YAML, Format::Yaml, &format!("{base}/200")),
            at(16, 9)
        );
        assert_eq!(
            locate(YAML, Format::Yaml, &format!("{base}/200/description")),
            at(17, 11)
        );
        assert_eq!(
            locate(YAML, Format::Yaml, &format!("{base}/404/description")),
            at(19, 11)
        );
        assert_eq!(
            locate(YAML, Format::Yaml, &format!("{base}/default")),
            at(20, 9)
        );
    }

    #[test]
    fn yaml_flow_style_gives_the_deepest_block_node() {
        assert_eq!(locate(YAML, Format::Yaml, "/flow/a/b"), at(26, 1));
        assert_eq!(locate(YAML, Format::Yaml, "/list/1"), at(27, 1));
    }

    #[test]
    fn yaml_text_inside_block_scalars_and_missing_keys_is_not_found() {
        assert_eq!(locate(YAML, Format::Yaml, "/info/description/title"), None);
        assert_eq!(locate(YAML, Format::Yaml, "/title"), None);
        assert_eq!(locate(YAML, Format::Yaml, "/info/title/x"), None);
    }

    #[test]
    fn truncated_and_garbled_text_never_panics() {
        let pointers = [
            "",
            "/info/title",
            "/paths/~1users~1{id}/get/parameters/1/in",
            "/a~1b/n/2",
            "/tags/1/name",
            "/flow/a/b",
            "/paths/~1users~1{id}/get/responses/200/description",
        ];
        for text in [
            JSON,
            YAML,
            "{\"a\\",
            "- \"\\",
            "a: '",
            "\u{e9}: [",
            "{\"é\"",
            "-\n -\n  - x",
        ] {
            for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for format in [Format::Json, Format::Yaml] {
                    for pointer in pointers {
                        let _ = locate(&text[..end], format, pointer);
                    }
                }
            }
        }
    }

    #[test]
    fn pointer_segments_unescape_in_order() {
        assert_eq!(
            pointer_segments("/a~01/b~1c/"),
            Some(vec!["a~1".to_string(), "b/c".to_string(), String::new()])
        );
        assert_eq!(pointer_segments("a"), None);
        assert_eq!(escape_segment("a~/b"), "a~0~1b");
    }

    #[test]
    fn fill_locations_keeps_a_location_already_known() {
        use crate::diagnostics::Severity;
        use std::path::PathBuf;
        let source = Source {
            path: PathBuf::from("a.yaml"),
            text: YAML.to_string(),
            format: Format::Yaml,
        };
        let diagnostic = |pointer: &str, location| Diagnostic {
            severity: Severity::Warning,
            file: PathBuf::from("a.yaml"),
            pointer: pointer.to_string(),
            location,
            source_line: None,
            message: String::new(),
            help: None,
        };
        let mut diagnostics = [diagnostic("/info/title", None), diagnostic("", at(2, 2))];
        fill_locations(&mut diagnostics, &[source]);
        assert_eq!(diagnostics[0].location, at(4, 3));
        assert_eq!(
            diagnostics[0].source_line.as_deref(),
            Some("  title: Pets   # trailing")
        );
        assert_eq!(diagnostics[1].location, at(2, 2));
        assert_eq!(diagnostics[1].source_line, None);
    }
}
