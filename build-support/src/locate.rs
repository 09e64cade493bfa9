//! Finding the line and column of JSON pointers in JSON or YAML source text.
//!
//! Diagnostics carry JSON pointers only; [`fill_locations`] turns them into `line:column` at the
//! end. All the pointers wanted in one text are merged into a tree of their segments
//! (`wanted::Wanted`) and found in one walk, however many there are. Neither walker builds a
//! value: the JSON one steps forward through the text once, skipping whole whatever no pointer
//! goes into; the YAML one reads block-style lines by indentation. A last forward pass turns the
//! byte offsets found into lines and columns.

use rustc_hash::FxHashMap;

use crate::diagnostics::{Diagnostic, Location};
use crate::load::{Format, Source};
use wanted::Wanted;

/// Where the nodes near the root of a big JSON text are (the first three levels: `/paths/~1a/get`,
/// `/components/schemas/Pet`), recorded while the text was first read. With them, a pointer
/// is looked for from its deepest recorded ancestor on, instead of from the start of the text.
#[derive(Debug, Clone, Default)]
pub struct Landmarks {
    /// Pointer → byte offsets of the member's key and of its value; a key's first occurrence.
    nodes: FxHashMap<String, (usize, usize)>,
}

impl Landmarks {
    /// Records the member at `pointer`, unless one was recorded there already.
    pub(crate) fn insert(&mut self, pointer: &str, key: usize, value: usize) {
        if !self.nodes.contains_key(pointer) {
            self.nodes.insert(pointer.to_string(), (key, value));
        }
    }

    /// The deepest recorded node on the way to `pointer`: its key and value offsets, and the
    /// rest of the pointer below it (empty when the node is the one wanted).
    fn nearest<'p>(&self, pointer: &'p str) -> Option<((usize, usize), &'p str)> {
        let mut ends: Vec<usize> = pointer
            .match_indices('/')
            .map(|(at, _)| at)
            .skip(1)
            .collect();
        ends.push(pointer.len());
        ends.into_iter()
            .rev()
            .find_map(|end| Some((*self.nodes.get(&pointer[..end])?, &pointer[end..])))
    }
}

/// The position of the node at `pointer` in `text`, if it can be found: the key of an object
/// member, the start of an array element (the `-` of a YAML sequence item), `1:1` for the root.
/// In YAML flow style (`{…}`, `[…]`) the position of the deepest node found is given instead.
pub fn locate(text: &str, format: Format, pointer: &str) -> Option<Location> {
    locate_all(text, format, &[pointer]).pop().flatten()
}

/// The positions of `pointers` in `text`, in the order given, each as [`locate`] gives it; the
/// text is walked once, however many pointers there are.
pub fn locate_all(text: &str, format: Format, pointers: &[&str]) -> Vec<Option<Location>> {
    positions(text, &offsets(text, format, pointers))
        .into_iter()
        .map(|position| position.map(|position| position.location))
        .collect()
}

/// Fills in `location` and `source_line` of each diagnostic whose file is one of `sources` and
/// that has no location yet. Each source text is walked once, however many diagnostics it has.
pub fn fill_locations(diagnostics: &mut [Diagnostic], sources: &[Source]) {
    for (source, group) in sources.iter().zip(group_by_source(diagnostics, sources)) {
        if group.is_empty() {
            continue;
        }
        let pointers: Vec<&str> = group
            .iter()
            .map(|&index| diagnostics[index].pointer.as_str())
            .collect();
        let offsets = if source.format == Format::Json && !source.landmarks.nodes.is_empty() {
            offsets_near(&source.text, &source.landmarks, &pointers)
        } else {
            offsets(&source.text, source.format, &pointers)
        };
        let found = positions(&source.text, &offsets);
        for (index, position) in group.into_iter().zip(found) {
            if let Some(position) = position {
                let diagnostic = &mut diagnostics[index];
                diagnostic.location = Some(position.location);
                if let Some(line) = position.source_line {
                    diagnostic.show_source(line);
                }
            }
        }
    }
}

/// For each source, the indices of the diagnostics without a location that belong to it: to the
/// first source with the diagnostic's file as path.
fn group_by_source(diagnostics: &[Diagnostic], sources: &[Source]) -> Vec<Vec<usize>> {
    let mut groups = vec![Vec::new(); sources.len()];
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        if diagnostic.location.is_some() {
            continue;
        }
        if let Some(source) = sources.iter().position(|s| s.path == diagnostic.file) {
            groups[source].push(index);
        }
    }
    groups
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

/// The byte offset of each pointer's node in `text` (see [`locate`]), from one walk.
fn offsets(text: &str, format: Format, pointers: &[&str]) -> Vec<Option<usize>> {
    let mut wanted = Wanted::new(pointers);
    if wanted.enter_root().is_some() {
        match format {
            // A byte order mark is not part of the JSON text.
            Format::Json => {
                let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
                json::walk(text.as_bytes(), start, &mut wanted)
            }
            Format::Yaml => yaml::walk(text, &mut wanted),
        }
    }
    wanted.into_offsets()
}

/// [`offsets`] in a JSON text with `landmarks`: each pointer is walked to from its nearest
/// landmark, one walk per landmark however many pointers go below it.
fn offsets_near(text: &str, landmarks: &Landmarks, pointers: &[&str]) -> Vec<Option<usize>> {
    let mut found = vec![None; pointers.len()];
    let mut from_root = Vec::new();
    // Value offset → the pointers below that landmark: (index, the rest of the pointer).
    let mut below: FxHashMap<usize, Vec<(usize, &str)>> = FxHashMap::default();
    for (index, pointer) in pointers.iter().enumerate() {
        let pointer = pointer.strip_prefix('#').unwrap_or(pointer);
        match landmarks.nearest(pointer) {
            Some(((key, _), "")) => found[index] = Some(key),
            Some(((_, value), rest)) => below.entry(value).or_default().push((index, rest)),
            None => from_root.push(index),
        }
    }
    if !from_root.is_empty() {
        let wanted: Vec<&str> = from_root.iter().map(|&index| pointers[index]).collect();
        for (index, offset) in from_root
            .into_iter()
            .zip(offsets(text, Format::Json, &wanted))
        {
            found[index] = offset;
        }
    }
    let mut starts: Vec<usize> = below.keys().copied().collect();
    starts.sort_unstable();
    for start in starts {
        let group = &below[&start];
        let rests: Vec<&str> = group.iter().map(|(_, rest)| *rest).collect();
        let mut wanted = Wanted::new(&rests);
        json::walk(text.as_bytes(), start, &mut wanted);
        for ((index, _), offset) in group.iter().zip(wanted.into_offsets()) {
            found[*index] = offset;
        }
    }
    found
}

/// Where a node is, for display.
struct Position<'a> {
    /// Its line and column.
    location: Location,
    /// The text of its line, without the line break; `None` past the last line.
    source_line: Option<&'a str>,
}

/// The position of each byte offset in `text`, found in one forward pass whatever their number.
fn positions<'a>(text: &'a str, offsets: &[Option<usize>]) -> Vec<Option<Position<'a>>> {
    let mut order: Vec<(usize, usize)> = offsets
        .iter()
        .enumerate()
        .filter_map(|(index, offset)| Some((char_start(text, (*offset)?), index)))
        .collect();
    order.sort_unstable();
    let mut found: Vec<Option<Position<'a>>> = offsets.iter().map(|_| None).collect();
    let mut cursor = Cursor::new(text);
    for (offset, index) in order {
        found[index] = Some(cursor.advance_to(offset));
    }
    found
}

/// `offset` clamped to `text` and moved back to the start of the character it falls in.
fn char_start(text: &str, offset: usize) -> usize {
    (0..=offset.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// A position moving forward through a text, counting lines and columns as it goes.
struct Cursor<'a> {
    text: &'a str,
    /// The byte offset reached.
    at: usize,
    /// The 1-based line and character column of `at`.
    location: Location,
    /// The text of that line (as [`str::lines`] gives it).
    line: Option<&'a str>,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            at: 0,
            location: Location { line: 1, column: 1 },
            line: line_at(text, 0),
        }
    }

    /// Moves to `offset`, a character boundary no earlier than the last one, and tells where it is.
    fn advance_to(&mut self, offset: usize) -> Position<'a> {
        let passed = self.text.get(self.at..offset).unwrap_or_default();
        match passed.rfind('\n') {
            Some(last) => {
                self.location.line += count_newlines(passed.as_bytes());
                self.location.column = passed[last + 1..].chars().count() + 1;
                self.line = line_at(self.text, self.at + last + 1);
            }
            None => self.location.column += passed.chars().count(),
        }
        self.at = offset;
        Position {
            location: self.location,
            source_line: self.line,
        }
    }
}

/// How many `\n` bytes `bytes` holds, counted in chunks small enough for a `u8` total so that
/// the compiler can compare many bytes at once.
fn count_newlines(bytes: &[u8]) -> usize {
    bytes
        .chunks(usize::from(u8::MAX))
        .map(|chunk| chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n')))
        .map(usize::from)
        .sum()
}

/// The line of `text` that starts at byte `start`, as [`str::lines`] gives it: without its
/// `\n` or `\r\n`; `None` at the end of the text.
fn line_at(text: &str, start: usize) -> Option<&str> {
    let rest = text.get(start..).filter(|rest| !rest.is_empty())?;
    Some(match rest.split_once('\n') {
        Some((line, _)) => line.strip_suffix('\r').unwrap_or(line),
        None => rest,
    })
}

/// The pointers wanted in one text, as a tree of their segments, and what a walk found of them.
///
/// A walker enters a node at the first member or element its segment names (only a key's first
/// occurrence counts), which is where a walk for that pointer alone would stop, and closes it
/// once it has seen the node's whole value: what the children it did not enter want is missing.
/// It stops as soon as every pointer is settled, found or missing.
mod wanted {
    use rustc_hash::FxHashMap;

    use super::pointer_segments;

    /// The node for the whole document.
    pub(super) const ROOT: usize = 0;

    /// `Some(())` while a walk goes on; `None` once it stops, because every pointer is settled
    /// or the text cannot be read further. Walkers stop with `?`; what they found is kept.
    pub(super) type Walk = Option<()>;

    /// The tree of wanted segments and the offsets found so far.
    pub(super) struct Wanted {
        /// The nodes, [`ROOT`] first; a node is an index into this.
        nodes: Vec<Node>,
        /// The offset found for each pointer, in the order given.
        offsets: Vec<Option<usize>>,
        /// How many pointers are neither found nor known to be missing.
        unsettled: usize,
    }

    /// One segment of one or more pointers.
    #[derive(Default)]
    struct Node {
        /// The next segments, unescaped.
        children: FxHashMap<String, usize>,
        /// The pointers (indices in the order given) that end here.
        pointers: Vec<usize>,
        /// How many pointers end here or below.
        subtree: usize,
        /// How many children may still be entered.
        unentered: usize,
        /// Whether a walker has entered this node or given it up.
        entered: bool,
    }

    impl Wanted {
        /// The tree of `pointers` (with or without a leading `#`); pointers that are not valid
        /// are left out and never found.
        pub(super) fn new(pointers: &[&str]) -> Wanted {
            let mut wanted = Wanted {
                nodes: vec![Node::default()],
                offsets: vec![None; pointers.len()],
                unsettled: 0,
            };
            for (index, pointer) in pointers.iter().enumerate() {
                let pointer = pointer.strip_prefix('#').unwrap_or(pointer);
                if let Some(segments) = pointer_segments(pointer) {
                    wanted.insert(index, segments);
                }
            }
            wanted
        }

        /// The offsets found, one for each pointer given.
        pub(super) fn into_offsets(self) -> Vec<Option<usize>> {
            self.offsets
        }

        fn insert(&mut self, pointer: usize, segments: Vec<String>) {
            let mut node = ROOT;
            self.nodes[ROOT].subtree += 1;
            for segment in segments {
                node = self.child_or_insert(node, segment);
                self.nodes[node].subtree += 1;
            }
            self.nodes[node].pointers.push(pointer);
            self.unsettled += 1;
        }

        fn child_or_insert(&mut self, node: usize, segment: String) -> usize {
            if let Some(&child) = self.nodes[node].children.get(&segment) {
                return child;
            }
            let child = self.nodes.len();
            self.nodes.push(Node::default());
            self.nodes[node].children.insert(segment, child);
            self.nodes[node].unentered += 1;
            child
        }

        /// Whether any pointer goes below `node`.
        pub(super) fn has_children(&self, node: usize) -> bool {
            !self.nodes[node].children.is_empty()
        }

        /// Whether some child of `node` may still be entered.
        pub(super) fn has_unentered(&self, node: usize) -> bool {
            self.nodes[node].unentered > 0
        }

        /// The child of `node` for member `key`, unless it was entered already.
        pub(super) fn member(&self, node: usize, key: &str) -> Option<usize> {
            let child = *self.nodes[node].children.get(key)?;
            (!self.nodes[child].entered).then_some(child)
        }

        /// The children of `node` whose segments are array indices, as `(index, child)`,
        /// smallest index first. Children naming one index in different ways (`1`, `01`) are
        /// merged into one, so that a walker enters each element once.
        pub(super) fn elements(&mut self, node: usize) -> Vec<(usize, usize)> {
            let mut indexed: Vec<(usize, usize)> = self.nodes[node]
                .children
                .iter()
                .filter_map(|(segment, &child)| Some((segment.parse().ok()?, child)))
                .collect();
            indexed.sort_unstable();
            let mut elements: Vec<(usize, usize)> = Vec::with_capacity(indexed.len());
            for (index, child) in indexed {
                match elements.last() {
                    Some(&(last, kept)) if last == index => {
                        self.merge(kept, child);
                        self.nodes[node].unentered -= 1;
                    }
                    _ => elements.push((index, child)),
                }
            }
            elements
        }

        /// Moves what `from` wants into `into`, a sibling that names the same element; `from`
        /// is left empty and given up.
        fn merge(&mut self, into: usize, from: usize) {
            let taken = std::mem::take(&mut self.nodes[from]);
            self.nodes[from].entered = true;
            self.nodes[into].pointers.extend(taken.pointers);
            self.nodes[into].subtree += taken.subtree;
            for (segment, child) in taken.children {
                match self.nodes[into].children.get(&segment) {
                    Some(&existing) => self.merge(existing, child),
                    None => {
                        self.nodes[into].children.insert(segment, child);
                        self.nodes[into].unentered += 1;
                    }
                }
            }
        }

        /// Records the document itself, at offset 0.
        pub(super) fn enter_root(&mut self) -> Walk {
            self.nodes[ROOT].entered = true;
            self.found(ROOT, 0)
        }

        /// Records that `child` of `node` is at `offset`.
        pub(super) fn enter(&mut self, node: usize, child: usize, offset: usize) -> Walk {
            self.nodes[node].unentered -= 1;
            self.nodes[child].entered = true;
            self.found(child, offset)
        }

        /// Records that all of `node`'s value was seen: what its children not entered want is
        /// missing.
        pub(super) fn close(&mut self, node: usize) -> Walk {
            let missing = self.nodes[node]
                .children
                .values()
                .filter(|&&child| !self.nodes[child].entered)
                .map(|&child| self.nodes[child].subtree)
                .sum();
            self.nodes[node].unentered = 0;
            self.settle(missing)
        }

        /// Records every pointer below `node` as found at `offset`: the deepest node a walker
        /// can reach on their way (YAML flow style).
        pub(super) fn found_below(&mut self, node: usize, offset: usize) -> Walk {
            let mut below: Vec<usize> = self.nodes[node].children.values().copied().collect();
            let mut count = 0;
            while let Some(next) = below.pop() {
                for &pointer in &self.nodes[next].pointers {
                    self.offsets[pointer] = Some(offset);
                }
                count += self.nodes[next].pointers.len();
                below.extend(self.nodes[next].children.values());
            }
            self.nodes[node].unentered = 0;
            self.settle(count)
        }

        /// Records the pointers that end at `node` as found at `offset`.
        fn found(&mut self, node: usize, offset: usize) -> Walk {
            for &pointer in &self.nodes[node].pointers {
                self.offsets[pointer] = Some(offset);
            }
            self.settle(self.nodes[node].pointers.len())
        }

        /// Counts `count` more pointers settled; stops the walk when none is left.
        fn settle(&mut self, count: usize) -> Walk {
            self.unsettled -= count;
            (self.unsettled > 0).then_some(())
        }
    }
}

/// A walk over JSON text that finds the wanted nodes without building values.
mod json {
    use super::wanted::{ROOT, Walk, Wanted};
    use crate::scan::Scanner;

    /// Walks `text` once from the value at `start` (`wanted`'s root), recording where each
    /// wanted node is: an object member's key, an array element's first byte.
    pub(super) fn walk(text: &[u8], start: usize, wanted: &mut Wanted) {
        let mut scanner = Scanner::new(text);
        scanner.pos = start;
        // `None` only says the walk stopped early; what it found is in `wanted`.
        let _ = value(&mut scanner, wanted, ROOT);
    }

    /// Before `node`'s value: visits the children wanted in it, or steps over it whole when no
    /// pointer goes into it.
    fn value(scanner: &mut Scanner, wanted: &mut Wanted, node: usize) -> Walk {
        if !wanted.has_children(node) {
            return scanner.skip_value();
        }
        scanner.skip_whitespace();
        match scanner.peek()? {
            b'{' => object(scanner, wanted, node),
            b'[' => array(scanner, wanted, node),
            _ => {
                wanted.close(node)?;
                scanner.skip_value()
            }
        }
    }

    /// At `{`: enters the wanted members, steps over the others, then past the `}`.
    fn object(scanner: &mut Scanner, wanted: &mut Wanted, node: usize) -> Walk {
        scanner.pos += 1;
        loop {
            scanner.skip_whitespace();
            if scanner.peek()? == b'}' || !wanted.has_unentered(node) {
                return finish(scanner, wanted, node, b'{');
            }
            member(scanner, wanted, node)?;
            scanner.next_in(b'}')?;
        }
    }

    /// At a member's key: enters the member if it is wanted, else steps over it.
    fn member(scanner: &mut Scanner, wanted: &mut Wanted, node: usize) -> Walk {
        let start = scanner.pos;
        if scanner.peek()? != b'"' {
            return None;
        }
        let key = scanner.string()?;
        scanner.expect(b':')?;
        match wanted.member(node, &key) {
            Some(child) => {
                wanted.enter(node, child, start)?;
                value(scanner, wanted, child)
            }
            None => scanner.skip_value(),
        }
    }

    /// At `[`: enters the wanted elements, steps over the others, then past the `]`.
    fn array(scanner: &mut Scanner, wanted: &mut Wanted, node: usize) -> Walk {
        let mut elements = wanted.elements(node).into_iter().peekable();
        scanner.pos += 1;
        let mut index = 0;
        loop {
            scanner.skip_whitespace();
            if scanner.peek()? == b']' || elements.peek().is_none() {
                return finish(scanner, wanted, node, b'[');
            }
            match elements.next_if(|&(wanted_index, _)| wanted_index == index) {
                Some((_, child)) => {
                    wanted.enter(node, child, scanner.pos)?;
                    value(scanner, wanted, child)?;
                }
                None => scanner.skip_value()?,
            }
            scanner.next_in(b']')?;
            index += 1;
        }
    }

    /// Inside `node`'s object or array (opened by `open`), with nothing more to enter: closes
    /// the node and steps past the end.
    fn finish(scanner: &mut Scanner, wanted: &mut Wanted, node: usize, open: u8) -> Walk {
        wanted.close(node)?;
        scanner.skip_to_close(open)
    }
}

/// A line-oriented scanner for block-style YAML.
mod yaml {
    use super::wanted::{ROOT, Walk, Wanted};

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

    /// Walks the block-style lines of `text`, recording where each wanted node is: an entry's
    /// key, a sequence item's `-`; for a pointer into flow style, the deepest node found.
    pub(super) fn walk(text: &str, wanted: &mut Wanted) {
        let lines = content_lines(text);
        let root = Value::Block(Block {
            first: None,
            rest: &lines,
        });
        // `None` only says the walk stopped early; what it found is in `wanted`.
        let _ = visit(wanted, ROOT, root, 0);
    }

    /// Visits the children wanted in `node`, found at `offset` and holding `value`.
    fn visit(wanted: &mut Wanted, node: usize, value: Value<'_, '_>, offset: usize) -> Walk {
        if !wanted.has_children(node) {
            return Some(());
        }
        let block = match value {
            Value::Block(block) => block,
            Value::Flow => return wanted.found_below(node, offset),
            Value::Scalar => return wanted.close(node),
        };
        let Some((_, head)) = block.lines().next() else {
            return wanted.close(node);
        };
        if head.content.starts_with(['{', '[']) {
            wanted.found_below(node, offset)
        } else if is_item(head.content) {
            items(wanted, node, block, head.indent)
        } else {
            entries(wanted, node, block, head.indent)
        }
    }

    /// Enters the wanted entries of the mapping in `block`, whose keys are at `indent`.
    fn entries(wanted: &mut Wanted, node: usize, block: Block<'_, '_>, indent: usize) -> Walk {
        for (index, line) in block.lines() {
            if !wanted.has_unentered(node) {
                break;
            }
            if line.indent != indent {
                continue;
            }
            let Some((key, _)) = key_of(line.content) else {
                continue;
            };
            if let Some(child) = wanted.member(node, &key) {
                wanted.enter(node, child, line.start)?;
                let value = member_value(block.after(index), line);
                visit(wanted, child, value, line.start)?;
            }
        }
        wanted.close(node)
    }

    /// Enters the wanted items of the sequence in `block`, whose `-`s are at `indent`.
    fn items(wanted: &mut Wanted, node: usize, block: Block<'_, '_>, indent: usize) -> Walk {
        let mut elements = wanted.elements(node).into_iter().peekable();
        let items = block
            .lines()
            .filter(|(_, line)| line.indent == indent && is_item(line.content));
        for (n, (index, line)) in items.enumerate() {
            if elements.peek().is_none() {
                break;
            }
            if let Some((_, child)) = elements.next_if(|&(wanted_index, _)| wanted_index == n) {
                wanted.enter(node, child, line.start)?;
                let value = item_value(block.after(index), line);
                visit(wanted, child, value, line.start)?;
            }
        }
        wanted.close(node)
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

    /// Every pointer into `value`, the root first, in document order.
    fn all_pointers(value: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
        out.push(prefix.to_string());
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    all_pointers(value, &format!("{prefix}/{}", escape_segment(key)), out);
                }
            }
            serde_json::Value::Array(items) => {
                for (index, value) in items.iter().enumerate() {
                    all_pointers(value, &format!("{prefix}/{index}"), out);
                }
            }
            _ => {}
        }
    }

    /// 300 pointers into `value` picked by a fixed pseudo-random sequence, then the same again
    /// with missing ones mixed in: a child of each, an element past the end, an unknown key.
    fn random_pointers(value: &serde_json::Value) -> Vec<String> {
        let mut every = Vec::new();
        all_pointers(value, "", &mut every);
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut pick = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            every[(state % every.len() as u64) as usize].clone()
        };
        let chosen: Vec<String> = (0..300).map(|_| pick()).collect();
        let missing = chosen.iter().take(30).flat_map(|pointer| {
            [
                format!("{pointer}/0"),
                format!("{pointer}/9999"),
                format!("{pointer}/no such key"),
            ]
        });
        chosen.iter().cloned().chain(missing).collect()
    }

    /// Asserts that finding `pointers` all at once gives what finding each alone gives, and
    /// returns how many were found.
    fn assert_all_at_once_matches_one_by_one(
        text: &str,
        format: Format,
        pointers: &[String],
    ) -> usize {
        let pointers: Vec<&str> = pointers.iter().map(String::as_str).collect();
        let all = locate_all(text, format, &pointers);
        assert_eq!(all.len(), pointers.len());
        for (pointer, location) in pointers.iter().zip(&all) {
            assert_eq!(
                *location,
                locate(text, format, pointer),
                "{format:?} {pointer}"
            );
        }
        all.iter().flatten().count()
    }

    const FIXTURE: &str =
        include_str!("../../tests/fixtures/specs/apisguru--adyen.com_TransferService.json");

    #[test]
    fn many_json_pointers_at_once_match_one_by_one() {
        let value: serde_json::Value = serde_json::from_str(FIXTURE).expect("fixture is JSON");
        let pointers = random_pointers(&value);
        let pretty = serde_json::to_string_pretty(&value).expect("serializes");
        for text in [FIXTURE, &pretty] {
            let found = assert_all_at_once_matches_one_by_one(text, Format::Json, &pointers);
            assert!(found >= 300, "found only {found}");
        }
    }

    #[test]
    fn pointers_found_from_landmarks_are_those_found_from_the_start() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/specs/apisguru--github.com_ghes-3.6.json"
        );
        let text = std::fs::read_to_string(path).expect("fixture is readable");
        let value: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
        let mut pointers = random_pointers(&value);
        // Every landmark itself, and a missing child of some.
        let mut every = Vec::new();
        all_pointers(&value, "", &mut every);
        let shallow = every.iter().filter(|p| p.matches('/').count() <= 3);
        pointers.extend(
            shallow
                .step_by(7)
                .flat_map(|p| [p.clone(), format!("{p}/nope")]),
        );
        for text in [text.clone(), format!("\u{feff}{text}")] {
            let document =
                crate::load::load_text(std::path::Path::new("ghes.json"), text).expect("loads");
            let source = &document.sources[0];
            assert!(
                !source.landmarks.nodes.is_empty(),
                "a big text has landmarks"
            );
            let wanted: Vec<&str> = pointers.iter().map(String::as_str).collect();
            let near = offsets_near(&source.text, &source.landmarks, &wanted);
            assert_eq!(near, offsets(&source.text, Format::Json, &wanted));
            assert!(near.iter().flatten().count() > 300);
        }
    }

    #[test]
    fn many_yaml_pointers_at_once_match_one_by_one() {
        let value: serde_json::Value = serde_json::from_str(FIXTURE).expect("fixture is JSON");
        let yaml = serde_norway::to_string(&value).expect("serializes");
        let pointers = random_pointers(&value);
        let found = assert_all_at_once_matches_one_by_one(&yaml, Format::Yaml, &pointers);
        assert!(found >= 300, "found only {found}");
    }

    #[test]
    fn duplicate_missing_and_nested_pointers_are_each_answered() {
        let pointers = [
            "/paths/~1users~1{id}/get/parameters/1/in",
            "/paths",
            "/nope",
            "/paths/~1users~1{id}/get/parameters/1/in",
            "/paths/~1users~1{id}",
            "",
            "/paths/~1users~1{id}/get/parameters/7",
            "/paths/~1users~1{id}/get/parameters",
            "/paths/~1users~1{id}/get/parameters/1",
            "not a pointer",
            "/tags/1/name",
            "/tags/1",
            "/flow/a/b",
            "/flow",
            "/info/description/title",
        ]
        .map(String::from);
        for (text, format) in [(JSON, Format::Json), (YAML, Format::Yaml)] {
            assert_all_at_once_matches_one_by_one(text, format, &pointers);
        }
        let json = locate_all(JSON, Format::Json, &["/paths", "/nope", "/paths", ""]);
        assert_eq!(json, [at(4, 3), None, at(4, 3), at(1, 1)]);
    }

    #[test]
    fn one_element_written_as_different_indices_is_found_for_each() {
        let pointers = ["/n/1", "/n/01", "/n/+1", "/n/01/x", "/n/1/x"].map(String::from);
        let text = r#"{"n": [0, {"x": 1}]}"#;
        assert_all_at_once_matches_one_by_one(text, Format::Json, &pointers);
        assert_all_at_once_matches_one_by_one("n:\n- 0\n- x: 1\n", Format::Yaml, &pointers);
        assert_eq!(locate(text, Format::Json, "/n/01/x"), at(1, 12));
    }

    #[test]
    fn only_the_first_of_duplicate_keys_is_searched() {
        let text = r#"{"a": {"b": 1}, "a": {"c": 2}}"#;
        let all = locate_all(text, Format::Json, &["/a", "/a/b", "/a/c"]);
        assert_eq!(all, [at(1, 2), at(1, 8), None]);
    }

    #[test]
    fn fill_locations_gives_each_diagnostic_the_line_of_its_own_source() {
        use crate::diagnostics::Severity;
        use std::path::PathBuf;
        let source = |path: &str, text: &str, format| Source {
            path: PathBuf::from(path),
            text: text.to_string(),
            format,
            landmarks: Landmarks::default(),
        };
        let sources = [
            source(
                "a.json",
                "{\r\n  \"x\": 1,\r\n  \"y\": [2]\r\n}",
                Format::Json,
            ),
            source("b.yaml", YAML, Format::Yaml),
        ];
        let diagnostic = |file: &str, pointer: &str| Diagnostic {
            severity: Severity::Warning,
            file: PathBuf::from(file),
            pointer: pointer.to_string(),
            location: None,
            source_line: None,
            source_caret: None,
            message: String::new(),
            help: None,
        };
        let mut diagnostics = [
            diagnostic("b.yaml", "/tags/1/name"),
            diagnostic("a.json", "/y/0"),
            diagnostic("c.json", "/x"),
            diagnostic("a.json", "/x"),
            diagnostic("a.json", "/z"),
            diagnostic("b.yaml", "/info"),
        ];
        fill_locations(&mut diagnostics, &sources);
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.location, d.source_line.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (at(25, 3), Some("  name: b")),
                (at(3, 9), Some("  \"y\": [2]")),
                (None, None),
                (at(2, 3), Some("  \"x\": 1,")),
                (None, None),
                (at(3, 1), Some("info:")),
            ]
        );
    }

    #[test]
    fn source_lines_are_those_str_lines_gives() {
        let text = "a\r\nb\n\nc\r";
        let offsets = [Some(0), Some(3), Some(5), Some(6), Some(7), Some(8), None];
        let lines: Vec<_> = positions(text, &offsets)
            .into_iter()
            .map(|p| p.map(|p| (p.location, p.source_line)))
            .collect();
        for (found, offset) in lines.iter().zip(offsets) {
            let Some(offset) = offset else { continue };
            let line = text[..offset].matches('\n').count() + 1;
            assert_eq!(
                found.map(|f| f.1),
                Some(text.lines().nth(line - 1)),
                "{offset}"
            );
        }
        assert_eq!(lines[4].map(|f| f.0), at(4, 2));
        assert_eq!(lines[6], None);
    }

    #[test]
    fn fill_locations_keeps_a_location_already_known() {
        use crate::diagnostics::Severity;
        use std::path::PathBuf;
        let source = Source {
            path: PathBuf::from("a.yaml"),
            text: YAML.to_string(),
            format: Format::Yaml,
            landmarks: Landmarks::default(),
        };
        let diagnostic = |pointer: &str, location| Diagnostic {
            severity: Severity::Warning,
            file: PathBuf::from("a.yaml"),
            pointer: pointer.to_string(),
            location,
            source_line: None,
            source_caret: None,
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
