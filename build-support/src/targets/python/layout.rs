//! Line splitting as ruff's formatter splits (its defaults, black's style: 88 columns): the
//! generated modules pass `ruff format --check` without running ruff at generation time.
//!
//! The templates write each statement on one line, or already broken the way ruff breaks it
//! (one element a line, ending in a magic trailing comma). [`format_module`] leaves every
//! logical line that fits alone, and lays out again each one with a physical line over
//! [`WIDTH`] columns, by the rules black documents and ruff follows:
//!
//! - the statement breaks at its last bracket pair whose opening line fits (the right-hand
//!   split); the parts that hold an expression (a value, an annotation, a return annotation, a
//!   condition) are wrapped in optional parentheses, which are written only when breaking
//!   inside the expression itself does not fit;
//! - a broken bracket holds its content on one indented line when it fits there (call
//!   arguments, subscripts, bases) and no magic trailing comma asks otherwise, else one element
//!   a line, each followed by a comma; a literal collection and an import are always one
//!   element a line;
//! - one element that still does not fit breaks before its operators of lowest precedence
//!   (a comprehension's `for` and `if`, a conditional expression's `if` and `else`, `or` and
//!   `and`, implicitly joined strings, comparisons, `|`, `+` and `-`), one operand a line;
//! - optional parentheses that do not make the line fit are left out, the way ruff chooses:
//!   around an atom that cannot break (`= None`) they are written only when everything then
//!   fits, and after `=` only when the line they open fits too.
//! - each line made is laid out again by the same rules.
//!
//! Strings and comments are never split: a logical line holding a comment is left as written,
//! and a string literal is one token.

use unicode_width::UnicodeWidthChar;

/// The column ruff wraps at.
pub const WIDTH: usize = 88;

/// The indent of one level.
const INDENT: usize = 4;

/// `source` (one Python module) with every logical line that does not fit laid out again.
pub fn format_module(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    for logical in logical_lines(source) {
        match relayout(logical) {
            Some(lines) => {
                for line in lines {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            None => out.push_str(logical),
        }
    }
    out
}

/// `markdown` with the code of each of its ```` ```python ```` blocks laid out by
/// [`format_module`] (ruff formats those too).
pub fn format_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find("```python\n") {
        let code_start = start + "```python\n".len();
        let Some(length) = rest[code_start..].find("```") else {
            break;
        };
        out.push_str(&rest[..code_start]);
        out.push_str(&format_module(&rest[code_start..code_start + length]));
        rest = &rest[code_start + length..];
    }
    out.push_str(rest);
    out
}

/// Splits `source` into logical lines, each with its final newline: physical lines joined while
/// a bracket is open or a string literal is.
fn logical_lines(source: &str) -> Vec<&str> {
    let bytes = source.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut index, mut depth) = (0usize, 0usize, 0usize);
    while index < bytes.len() {
        match bytes[index] {
            b'#' => {
                while index < bytes.len() && bytes[index] != b'\n' {
                    index += 1;
                }
                continue;
            }
            b'"' | b'\'' => {
                index = string_end(bytes, index);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'\\' => index += 1,
            b'\n' if depth == 0 => {
                lines.push(&source[start..=index]);
                start = index + 1;
            }
            _ => {}
        }
        index += 1;
    }
    if start < bytes.len() {
        lines.push(&source[start..]);
    }
    lines
}

/// The index just past the string literal whose opening quote is at `open`.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let quote = bytes[open];
    let triple = bytes.get(open..open + 3) == Some(&[quote; 3][..]);
    let mut index = open + if triple { 3 } else { 1 };
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 1,
            b'\n' if !triple => return index,
            byte if byte == quote => {
                if !triple {
                    return index + 1;
                }
                if bytes.get(index..index + 3) == Some(&[quote; 3][..]) {
                    return index + 3;
                }
            }
            _ => {}
        }
        index += 1;
    }
    bytes.len()
}

/// The lines `logical` becomes, or `None` when it stays as written: it fits, or it holds a
/// comment, a multi-line string or a backslash continuation.
fn relayout(logical: &str) -> Option<Vec<String>> {
    let body = logical.strip_suffix('\n').unwrap_or(logical);
    if body.lines().all(|line| width(line) <= WIDTH) {
        return None;
    }
    let indent = body.len() - body.trim_start_matches(' ').len();
    let tokens = tokenize(&body[indent..])?;
    let nodes = statement(nest(tokens)?);
    let mut lines = Vec::new();
    lay(&nodes, indent, &mut lines);
    Some(lines)
}

/// The width of `line` in columns, as ruff measures it: each character's Unicode width (East
/// Asian wide and fullwidth characters take two, combining marks none).
fn width(line: &str) -> usize {
    line.chars()
        .map(|c| UnicodeWidthChar::width(c).unwrap_or(0))
        .sum()
}

/// One token of a logical line.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    text: String,
    /// Whether a space separates it from the token before it on one line.
    space_before: bool,
}

/// The tokens of `code`, or `None` when it holds what is left as written (a comment, a newline
/// inside a string, a backslash continuation).
fn tokenize(code: &str) -> Option<Vec<Token>> {
    let bytes = code.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut index = 0;
    // Whether whitespace came before the next token, and whether it held a newline.
    let (mut spaced, mut newline) = (false, false);
    while index < bytes.len() {
        let byte = bytes[index];
        let start = index;
        match byte {
            b' ' | b'\t' => {
                spaced = true;
                index += 1;
                continue;
            }
            b'\n' | b'\r' => {
                newline = true;
                index += 1;
                continue;
            }
            b'#' | b'\\' => return None,
            b'"' | b'\'' => {
                index = string_end(bytes, index);
                if code[start..index].contains('\n') {
                    return None;
                }
            }
            _ if byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80 => {
                while index < bytes.len()
                    && (bytes[index].is_ascii_alphanumeric()
                        || bytes[index] == b'_'
                        || bytes[index] >= 0x80
                        || (bytes[index] == b'.' && byte.is_ascii_digit()))
                {
                    index += 1;
                }
                // A number's exponent sign belongs to the number (`1e-07`).
                let exponent = byte.is_ascii_digit()
                    && matches!(bytes[index - 1], b'e' | b'E')
                    && matches!(bytes.get(index), Some(b'+' | b'-'));
                if exponent {
                    index += 1;
                    while index < bytes.len() && bytes[index].is_ascii_alphanumeric() {
                        index += 1;
                    }
                }
                // A string prefix (`f"…"`, `rb'…'`) belongs to the string.
                if index < bytes.len()
                    && matches!(bytes[index], b'"' | b'\'')
                    && index - start <= 2
                    && code[start..index].bytes().all(|b| b"rRbBfFuU".contains(&b))
                {
                    index = string_end(bytes, index);
                    if code[start..index].contains('\n') {
                        return None;
                    }
                }
            }
            _ => {
                let three = code.get(index..index + 3).unwrap_or("");
                let two = code.get(index..index + 2).unwrap_or("");
                index += if ["**=", "//=", "...", ">>=", "<<="].contains(&three) {
                    3
                } else if [
                    "->", "==", "!=", "<=", ">=", "**", "//", "+=", "-=", "*=", "|=", ":=",
                ]
                .contains(&two)
                {
                    2
                } else {
                    1
                };
            }
        }
        let text = code[start..index].to_owned();
        let after_open = tokens
            .last()
            .is_some_and(|last| matches!(last.text.as_str(), "(" | "[" | "{"));
        let space_before = if newline {
            !after_open && !matches!(text.as_str(), ")" | "]" | "}")
        } else {
            spaced
        };
        tokens.push(Token { text, space_before });
        (spaced, newline) = (false, false);
    }
    Some(tokens)
}

/// What a bracket pair holds, which decides how its content breaks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Call arguments, parameters, a subscript, class bases: the content stays on one indented
    /// line when it fits there.
    Arguments,
    /// A literal list, tuple, set or dict: one element a line.
    Collection,
    /// An import's names: one a line, each followed by a comma.
    Import,
    /// Optional parentheses around an expression, written only when the split is taken there.
    Optional,
}

/// A token, or a bracket pair with what it holds.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Leaf(Token),
    Group(Group),
}

#[derive(Debug, Clone, PartialEq)]
struct Group {
    open: Token,
    /// The closing bracket (`)` for optional parentheses).
    close: String,
    body: Vec<Node>,
    kind: Kind,
}

impl Node {
    fn leaf(text: &str) -> Node {
        Node::Leaf(Token {
            text: text.to_owned(),
            space_before: false,
        })
    }

    fn text(&self) -> Option<&str> {
        match self {
            Node::Leaf(token) => Some(&token.text),
            Node::Group(_) => None,
        }
    }

    fn space_before(&self) -> bool {
        match self {
            Node::Leaf(token) => token.space_before,
            Node::Group(group) => group.open.space_before,
        }
    }
}

/// Python's keywords that can stand before an opening bracket that is not a call's.
const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "del", "elif", "else", "for", "from", "if", "import",
    "in", "is", "lambda", "not", "or", "return", "while", "with", "yield", "raise", "case",
    "match",
];

/// `tokens` with bracket pairs nested, or `None` when the brackets do not pair.
fn nest(tokens: Vec<Token>) -> Option<Vec<Node>> {
    let mut stack: Vec<(Token, Kind, Vec<Node>)> = Vec::new();
    let mut current: Vec<Node> = Vec::new();
    for token in tokens {
        match token.text.as_str() {
            "(" | "[" | "{" => {
                // A bracket right after a name or a closing bracket is a call or a subscript.
                let trailer = token.text != "{"
                    && !token.space_before
                    && current.last().is_some_and(|last| match last {
                        Node::Group(group) => group.kind != Kind::Optional,
                        Node::Leaf(leaf) => {
                            let first = leaf.text.as_bytes()[0];
                            (first.is_ascii_alphanumeric() || first == b'_' || first >= 0x80)
                                && !KEYWORDS.contains(&leaf.text.as_str())
                        }
                    });
                let kind = if trailer {
                    Kind::Arguments
                } else {
                    Kind::Collection
                };
                stack.push((token, kind, std::mem::take(&mut current)));
            }
            ")" | "]" | "}" => {
                let (open, kind, outer) = stack.pop()?;
                let close = token.text;
                let pairs = matches!(
                    (open.text.as_str(), close.as_str()),
                    ("(", ")") | ("[", "]") | ("{", "}")
                );
                if !pairs {
                    return None;
                }
                let body = std::mem::replace(&mut current, outer);
                current.push(Node::Group(Group {
                    open,
                    close,
                    body,
                    kind,
                }));
            }
            _ => current.push(Node::Leaf(token)),
        }
    }
    stack.is_empty().then_some(current)
}

/// `nodes` wrapped in optional parentheses, unless they are one bracket pair already.
fn optional(nodes: Vec<Node>) -> Vec<Node> {
    match nodes.as_slice() {
        [] | [Node::Group(_)] => nodes,
        [first, ..] => {
            let space_before = first.space_before();
            let mut body = nodes;
            if let Some(Node::Leaf(token)) = body.first_mut() {
                token.space_before = false;
            }
            vec![Node::Group(Group {
                open: Token {
                    text: String::new(),
                    space_before,
                },
                close: String::new(),
                body,
                kind: Kind::Optional,
            })]
        }
    }
}

/// A statement's nodes with its expressions in optional parentheses: the value of an
/// assignment or `return`, an annotation, a return annotation, a condition; an import's names
/// become a collection.
fn statement(mut nodes: Vec<Node>) -> Vec<Node> {
    let position = |nodes: &[Node], text: &str| nodes.iter().position(|n| n.text() == Some(text));
    let first = nodes.first().and_then(Node::text).unwrap_or("").to_owned();
    match first.as_str() {
        "from" => {
            if let Some(import) = position(&nodes, "import") {
                let names = nodes.split_off(import + 1);
                let names = match names.as_slice() {
                    [] | [Node::Group(_)] => names,
                    _ => {
                        let Node::Group(mut group) = optional(names).remove(0) else {
                            unreachable!("optional() wraps several nodes in a group")
                        };
                        group.kind = Kind::Import;
                        vec![Node::Group(group)]
                    }
                };
                nodes.extend(names);
            }
            nodes
        }
        "return" | "await" | "if" | "elif" | "while" | "assert" | "raise" | "del" => {
            let colon = (first != "return" && nodes.last().and_then(Node::text) == Some(":"))
                .then(|| nodes.pop())
                .flatten();
            let rest = nodes.split_off(1);
            nodes.extend(optional(rest));
            nodes.extend(colon);
            nodes
        }
        "def" | "async" | "class" | "import" | "with" | "for" | "lambda" => {
            if let Some(arrow) = position(&nodes, "->") {
                let colon = nodes.pop();
                let annotation = nodes.split_off(arrow + 1);
                nodes.extend(optional(annotation));
                nodes.extend(colon);
            }
            nodes
        }
        _ => {
            let equals = position(&nodes, "=");
            let colon = position(&nodes, ":").filter(|&c| equals.is_none_or(|e| c < e));
            let mut value = match equals {
                Some(equals) => optional(nodes.split_off(equals + 1)),
                None => Vec::new(),
            };
            if let Some(colon) = colon {
                let end = equals.unwrap_or(nodes.len());
                let mut rest = nodes.split_off(colon + 1);
                let after = rest.split_off(end - colon - 1);
                // An annotation that cannot break is not parenthesized before a value.
                let annotation = optional(rest);
                match annotation.as_slice() {
                    [node] if equals.is_some() && around_one_token(node) => {
                        let Node::Group(group) = &annotation[0] else {
                            unreachable!("around_one_token is a group")
                        };
                        let mut body = group.body.clone();
                        if let Some(Node::Leaf(token)) = body.first_mut() {
                            token.space_before = true;
                        }
                        nodes.extend(body);
                    }
                    _ => nodes.extend(annotation),
                }
                nodes.extend(after);
            }
            nodes.append(&mut value);
            nodes
        }
    }
}

/// `nodes` on one line (the first node's leading space dropped).
fn flat(nodes: &[Node]) -> String {
    let mut out = String::new();
    push_flat(&mut out, nodes);
    out
}

fn push_flat(out: &mut String, nodes: &[Node]) {
    for (index, node) in nodes.iter().enumerate() {
        if index > 0 && node.space_before() {
            out.push(' ');
        }
        match node {
            Node::Leaf(token) => out.push_str(&token.text),
            Node::Group(group) => {
                out.push_str(&group.open.text);
                push_flat(out, &group.body);
                out.push_str(&group.close);
            }
        }
    }
}

/// Whether the group ends with a comma that keeps it broken (a one-element tuple's does not).
fn magic_comma(group: &Group) -> bool {
    if group.body.last().and_then(Node::text) != Some(",") {
        return false;
    }
    let commas = group.body.iter().filter(|n| n.text() == Some(",")).count();
    !(group.open.text == "(" && group.kind == Kind::Collection && commas == 1)
}

/// Whether some group in `nodes` has a magic trailing comma.
fn any_magic(nodes: &[Node]) -> bool {
    nodes.iter().any(|node| match node {
        Node::Leaf(_) => false,
        Node::Group(group) => magic_comma(group) || any_magic(&group.body),
    })
}

/// Whether `nodes` fit on one line at `indent`.
fn fits(nodes: &[Node], indent: usize) -> bool {
    !any_magic(nodes) && indent + width(&flat(nodes)) <= WIDTH
}

/// Lays `nodes` out as lines at `indent` and appends them to `out`.
fn lay(nodes: &[Node], indent: usize, out: &mut Vec<String>) {
    if fits(nodes, indent) || !right_hand_split(nodes, indent, out) {
        out.push(format!("{:indent$}{}", "", flat(nodes)));
    }
}

/// The top-level groups of `nodes` that a split can open, last first.
fn candidates(nodes: &[Node]) -> Vec<usize> {
    (0..nodes.len())
        .rev()
        .filter(|&index| matches!(&nodes[index], Node::Group(g) if !g.body.is_empty()))
        .collect()
}

/// Whether `node` is optional parentheses around an atom that cannot break (`= None`,
/// `= "a long string"`, `schemas.Name`, `f().parsed`): written only when they make the lines
/// fit.
fn around_one_token(node: &Node) -> bool {
    matches!(node, Node::Group(g) if g.kind == Kind::Optional
        && last_group(&g.body).is_none()
        && delimiters(&g.body).iter().all(Option::is_none))
}

/// Splits `nodes` at the last bracket pair whose opening line fits (at the last one when none
/// does) and appends the lines to `out`; `false` when there is no bracket to split at.
fn right_hand_split(nodes: &[Node], indent: usize, out: &mut Vec<String>) -> bool {
    // A function breaks at its parameters first (black's left-hand split).
    let def = nodes.iter().take(2).any(|node| node.text() == Some("def"));
    let parameters = nodes.iter().position(
        |node| matches!(node, Node::Group(g) if g.kind == Kind::Arguments && !g.body.is_empty()),
    );
    if let (true, Some(index)) = (def, parameters) {
        return split_at(nodes, index, indent, out);
    }
    let candidates = candidates(nodes);
    let head_fits = |index: usize| {
        !any_magic(&nodes[..index]) && indent + width(&head_line(nodes, index)) <= WIDTH
    };
    let usable = |index: usize| {
        head_fits(index)
            && (!around_one_token(&nodes[index]) || {
                let mut lines = Vec::new();
                split_at(nodes, index, indent, &mut lines);
                lines.iter().all(|line| width(line) <= WIDTH)
            })
    };
    let chosen = candidates
        .iter()
        .copied()
        .find(|&index| usable(index))
        .or(candidates.iter().copied().find(|&index| {
            // A return annotation is parenthesized even when the line opening it is too long.
            let returns = index > 0 && nodes[index - 1].text() == Some("->");
            returns || !around_one_token(&nodes[index])
        }));
    let Some(index) = chosen else {
        return false;
    };
    let Node::Group(group) = &nodes[index] else {
        unreachable!("candidates are groups")
    };
    let mut omitted = Vec::new();
    if group.kind == Kind::Optional && can_omit(&group.body) {
        // Try the split inside the expression first, without the parentheses.
        let mut inlined: Vec<Node> = nodes[..index].to_vec();
        let mut body = group.body.clone();
        if let Some(Node::Leaf(token)) = body.first_mut() {
            token.space_before = group.open.space_before;
        }
        let offset = inlined.len();
        inlined.extend(body);
        inlined.extend(nodes[index + 1..].iter().cloned());
        let last = offset + last_group(&group.body).unwrap_or(0);
        split_at(&inlined, last, indent, &mut omitted);
        if omitted.first().is_some_and(|line| width(line) <= WIDTH) {
            out.append(&mut omitted);
            return true;
        }
    }
    let mut parenthesized = Vec::new();
    split_at(nodes, index, indent, &mut parenthesized);
    // Parentheses that do not make the expression's first line fit are left out; after `=`,
    // also when the line they open does not fit (ruff's choices).
    let fits_line = |line: &String| width(line) <= WIDTH;
    let helps = match index.checked_sub(1).and_then(|before| nodes[before].text()) {
        Some("=") => parenthesized.iter().take(2).all(fits_line),
        _ => parenthesized.get(1).is_none_or(fits_line),
    };
    if helps {
        out.append(&mut parenthesized);
    } else if !omitted.is_empty() {
        out.append(&mut omitted);
    } else if around_one_token(&nodes[index]) {
        return false;
    } else {
        out.append(&mut parenthesized);
    }
    true
}

/// The index in `body` of its last top-level group with something inside.
fn last_group(body: &[Node]) -> Option<usize> {
    body.iter()
        .rposition(|node| matches!(node, Node::Group(g) if !g.body.is_empty()))
}

/// Whether the optional parentheses around `body` can be left out, the split taken at its own
/// last bracket: it ends with a bracket pair, perhaps followed by attributes
/// (`call(…).parsed`), and holds no operator outside brackets, or one operator right before
/// that bracket's expression when it is no subscript (`isinstance(a, A) and isinstance(b, B)`,
/// not `list[A] | list[B]`).
fn can_omit(body: &[Node]) -> bool {
    let Some(last) = last_group(body) else {
        return false;
    };
    let attributes_after = body[last + 1..].iter().all(|node| match node {
        Node::Leaf(token) => token.text == "." || is_name(&token.text),
        Node::Group(_) => false,
    });
    let priorities: Vec<u8> = delimiters(body).into_iter().flatten().collect();
    let operators = match priorities.iter().max() {
        None => true,
        Some(&max) => max < 18 && priorities.iter().filter(|&&p| p == max).count() == 1,
    };
    // Beside an operator, the last operand must end with parentheses or a collection's
    // brackets: ruff does not break a subscript there.
    let ends_with_bracket = last + 1 == body.len()
        && matches!(&body[last], Node::Group(g) if !(g.open.text == "[" && g.kind == Kind::Arguments));
    attributes_after && operators && (priorities.is_empty() || ends_with_bracket)
}

fn is_name(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        && !KEYWORDS.contains(&text)
}

/// The priority of each of `nodes` as an operator a line breaks before (higher breaks first,
/// black's order): commas, a comprehension's `for` and `if`, a conditional expression's `if`
/// and `else`, `or` and `and`, comparisons, `|`, binary `+` and `-`.
fn delimiters(nodes: &[Node]) -> Vec<Option<u8>> {
    let comprehension = nodes.iter().any(|node| node.text() == Some("for"));
    let mut priorities: Vec<Option<u8>> = Vec::with_capacity(nodes.len());
    for (index, node) in nodes.iter().enumerate() {
        // `+` and `-` are binary after an operand: not first, not after another operator.
        let after_operand = index > 0
            && priorities[index - 1].is_none()
            && nodes[index - 1]
                .text()
                .is_none_or(|text| !KEYWORDS.contains(&text) && !is_operator(text));
        let strings = index > 0 && node.text().is_some_and(is_string) && {
            nodes[index - 1].text().is_some_and(is_string)
        };
        let priority = match node.text() {
            // A trailing comma ends the line rather than splitting it.
            Some(",") if index + 1 == nodes.len() => None,
            Some(",") => Some(18),
            _ if strings => Some(12),
            Some("for" | "if") if comprehension => Some(20),
            Some("if" | "else") if index > 0 => Some(16),
            Some("or" | "and") => Some(14),
            Some("==" | "!=" | "<" | ">" | "<=" | ">=") => Some(10),
            Some("|") => Some(9),
            Some("+" | "-") if after_operand => Some(5),
            _ => None,
        };
        priorities.push(priority);
    }
    priorities
}

/// Whether `text` is a string literal token.
fn is_string(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .starts_with(['"', '\''])
}

/// Whether `text` is an operator or punctuation token (no name, number or string).
fn is_operator(text: &str) -> bool {
    text.bytes().next().is_some_and(|b| {
        !(b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 || b == b'"' || b == b'\'')
    })
}

/// Splits `nodes` at the group at `index`: the line up to its opening bracket, its content
/// indented, the closing bracket and what follows. `false` when `index` is no group.
fn split_at(nodes: &[Node], index: usize, indent: usize, out: &mut Vec<String>) -> bool {
    let Some(Node::Group(group)) = nodes.get(index) else {
        return false;
    };
    out.push(format!("{:indent$}{}", "", head_line(nodes, index)));
    lay_body(group, indent + INDENT, out);
    let close = match group.close.as_str() {
        "" => ")",
        close => close,
    };
    let mut tail = vec![Node::leaf(close)];
    tail.extend(nodes[index + 1..].iter().cloned());
    lay(&tail, indent, out);
    true
}

/// The line that opens the group at `index` of `nodes` when it breaks: what comes before it and
/// its opening bracket.
fn head_line(nodes: &[Node], index: usize) -> String {
    let Some(Node::Group(group)) = nodes.get(index) else {
        unreachable!("head_line is asked about groups only")
    };
    let mut head = flat(&nodes[..index]);
    if index > 0 && group.open.space_before {
        head.push(' ');
    }
    head.push_str(match group.open.text.as_str() {
        "" => "(",
        open => open,
    });
    head
}

/// Lays out the content of a broken `group` at `indent`.
fn lay_body(group: &Group, indent: usize, out: &mut Vec<String>) {
    let body = &group.body;
    let elements: Vec<&[Node]> = body
        .split(|node| node.text() == Some(","))
        .filter(|element| !element.is_empty())
        .collect();
    let commas = body.len() > elements.iter().map(|e| e.len()).sum::<usize>();
    let magic = magic_comma(group);
    let one_line = !magic
        && fits(body, indent)
        && match group.kind {
            Kind::Arguments | Kind::Optional => true,
            Kind::Collection => !commas || elements.len() < 2,
            Kind::Import => false,
        };
    if one_line {
        out.push(format!("{:indent$}{}", "", flat(body)));
    } else if commas || group.kind == Kind::Import {
        for element in elements {
            let mut line = element.to_vec();
            line.push(Node::leaf(","));
            lay_operands(&line, indent, out);
        }
    } else {
        lay_operands(body, indent, out);
    }
}

/// Lays out one expression at `indent`, broken before its operators of lowest precedence when
/// it has some, else at its last bracket.
fn lay_operands(nodes: &[Node], indent: usize, out: &mut Vec<String>) {
    let priorities = delimiters(nodes);
    let Some(priority) = priorities.iter().flatten().max().copied() else {
        lay(nodes, indent, out);
        return;
    };
    if fits(nodes, indent) {
        out.push(format!("{:indent$}{}", "", flat(nodes)));
        return;
    }
    let mut start = 0;
    for index in 1..=nodes.len() {
        let at_operator = priorities.get(index) == Some(&Some(priority));
        if index == nodes.len() || at_operator {
            lay(&nodes[start..index], indent, out);
            start = index;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(source: &str) -> String {
        format_module(source)
    }

    #[test]
    fn short_lines_are_left_as_written() {
        let source = "def f(\n    a: int,\n) -> int:\n    return a\n";
        assert_eq!(format(source), source);
    }

    #[test]
    fn long_call_breaks_its_arguments_one_a_line() {
        let source = "    request = _http.Request(\n        method=\"POST\",\n        path=_http.path(\"/orgs/{org}/actions/runners/{runner_id}/labels\", {\"org\": org, \"runner_id\": runner_id}),\n    )\n";
        assert_eq!(
            format(source),
            "    request = _http.Request(\n        method=\"POST\",\n        path=_http.path(\n            \"/orgs/{org}/actions/runners/{runner_id}/labels\",\n            {\"org\": org, \"runner_id\": runner_id},\n        ),\n    )\n"
        );
    }

    #[test]
    fn arguments_that_fit_stay_on_one_indented_line() {
        let source = "IssuesUpdateBodyLabelsItem: _t.TypeAlias = _t.Union[str, IssuesUpdateBodyLabelsItemObject]\n";
        assert_eq!(
            format(source),
            "IssuesUpdateBodyLabelsItem: _t.TypeAlias = _t.Union[\n    str, IssuesUpdateBodyLabelsItemObject\n]\n"
        );
    }

    #[test]
    fn long_return_union_is_parenthesized_one_member_a_line() {
        let source = "def _parse(\n    response: httpx.Response,\n) -> models.EnterpriseAdminListLabelsForSelfHostedRunner | models.BasicError | models.ValidationErrorSimple:\n";
        assert_eq!(
            format(source),
            "def _parse(\n    response: httpx.Response,\n) -> (\n    models.EnterpriseAdminListLabelsForSelfHostedRunner\n    | models.BasicError\n    | models.ValidationErrorSimple\n):\n"
        );
    }

    #[test]
    fn long_subscript_return_breaks_inside_the_brackets() {
        let source = "def users_get_authenticated_detailed() -> _http.Response[schemas.UsersGetAuthenticatedResponse | schemas.BasicError]:\n";
        assert_eq!(
            format(source),
            "def users_get_authenticated_detailed() -> _http.Response[\n    schemas.UsersGetAuthenticatedResponse | schemas.BasicError\n]:\n"
        );
    }

    #[test]
    fn annotation_without_value_is_parenthesized() {
        let source = "    parsed: models.EnterpriseAdminListLabelsForSelfHostedRunnerForEnterpriseResponse | models.BasicError\n";
        assert_eq!(
            format(source),
            "    parsed: (\n        models.EnterpriseAdminListLabelsForSelfHostedRunnerForEnterpriseResponse\n        | models.BasicError\n    )\n"
        );
    }

    #[test]
    fn annotation_breaks_before_a_short_value() {
        let source = "    visibility: EnterpriseAdminCreateSelfHostedRunnerGroupForEnterpriseBodyVisibility | None = None\n";
        assert_eq!(
            format(source),
            "    visibility: (\n        EnterpriseAdminCreateSelfHostedRunnerGroupForEnterpriseBodyVisibility | None\n    ) = None\n"
        );
    }

    #[test]
    fn long_import_takes_parentheses_and_a_trailing_comma() {
        let source = "    from ._actions_cache_usage_by_repository import ActionsCacheUsageByRepository as ActionsCacheUsageByRepository\n";
        assert_eq!(
            format(source),
            "    from ._actions_cache_usage_by_repository import (\n        ActionsCacheUsageByRepository as ActionsCacheUsageByRepository,\n    )\n"
        );
    }

    #[test]
    fn return_whose_call_head_does_not_fit_is_parenthesized() {
        let source = "    return actions_list_selected_repositories_enabled_github_actions_organization_detailed(\n        org=org,\n    ).parsed\n";
        assert_eq!(
            format(source),
            "    return (\n        actions_list_selected_repositories_enabled_github_actions_organization_detailed(\n            org=org,\n        ).parsed\n    )\n"
        );
    }

    #[test]
    fn long_condition_breaks_before_each_or() {
        let source = "    elif response.status_code == 401 or response.status_code == 403 or response.status_code == 404:\n";
        assert_eq!(
            format(source),
            "    elif (\n        response.status_code == 401\n        or response.status_code == 403\n        or response.status_code == 404\n    ):\n"
        );
    }

    #[test]
    fn magic_trailing_comma_keeps_elements_a_line_and_long_ones_break() {
        let source = "_DEPENDENCIES = {\n    \"._actions_enterprise_permissions\": (\"._allowed_actions\", \"._enabled_organizations\", \"._selected_actions_url\"),\n    \"._a\": (\"._b\",),\n}\n";
        assert_eq!(
            format(source),
            "_DEPENDENCIES = {\n    \"._actions_enterprise_permissions\": (\n        \"._allowed_actions\",\n        \"._enabled_organizations\",\n        \"._selected_actions_url\",\n    ),\n    \"._a\": (\"._b\",),\n}\n"
        );
    }

    #[test]
    fn class_bases_break_onto_their_own_line() {
        let source = "class ActionsListSelectedRepositoriesEnabledGithubActionsOrganizationResponse(_pd.BaseModel):\n";
        assert_eq!(
            format(source),
            "class ActionsListSelectedRepositoriesEnabledGithubActionsOrganizationResponse(\n    _pd.BaseModel\n):\n"
        );
    }

    #[test]
    fn a_union_ending_in_a_subscript_is_parenthesized() {
        let source = "ActivityListReposStarredByUserResponse: _t.TypeAlias = list[StarredRepository] | list[Repository]\n";
        assert_eq!(
            format(source),
            "ActivityListReposStarredByUserResponse: _t.TypeAlias = (\n    list[StarredRepository] | list[Repository]\n)\n"
        );
    }

    #[test]
    fn one_operator_before_a_call_breaks_the_call() {
        let source = "                if isinstance(SECURITY_SCHEMES[name], Bearer) and isinstance(credential, str):\n";
        assert_eq!(
            format(source),
            "                if isinstance(SECURITY_SCHEMES[name], Bearer) and isinstance(\n                    credential, str\n                ):\n"
        );
    }

    #[test]
    fn an_exponent_sign_is_no_operator() {
        let source = "    limit: float = _pd.Field(default=1e-07, ge=1e-07, le=1e100, validation_alias=\"limitValue\")\n";
        assert_eq!(
            format(source),
            "    limit: float = _pd.Field(\n        default=1e-07, ge=1e-07, le=1e100, validation_alias=\"limitValue\"\n    )\n"
        );
    }

    #[test]
    fn layout_is_deterministic_and_stable() {
        let source = "    return actions_list_selected_repositories_enabled_github_actions_organization_detailed(org=org, per_page=per_page).parsed\n";
        let once = format(source);
        assert_eq!(format(&once), once);
        assert_eq!(format(source), once);
    }

    #[test]
    fn strings_comments_and_docstrings_are_never_split() {
        let long = "x".repeat(100);
        let cases = [
            format!("    \"\"\"{long}\n    more (\"\"\"\n"),
            format!("x = f(a, b)  # {long}\n"),
            format!("    description = \"{long}, (a, b)\"\n"),
            format!("    description = f\"\"\"{long}\n(a, b)\"\"\"\n"),
        ];
        for source in cases {
            assert_eq!(format(&source), source);
        }
    }
}
