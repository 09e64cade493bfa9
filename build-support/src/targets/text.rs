//! Small pieces of output text the targets that print by hand share (proto, Python, Rust).

/// Appends `number` in decimal.
pub fn push_number(out: &mut String, number: u32) {
    out.push_str(itoa::Buffer::new().format(number));
}

/// Appends every part in order: a line put together without `format!`'s machinery and
/// temporary string, which a big spec's tens of thousands of lines notice.
pub fn push_all(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// Appends `width` spaces.
pub fn push_indent(out: &mut String, width: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = width;
    while left > 0 {
        let step = left.min(SPACES.len());
        out.push_str(&SPACES[..step]);
        left -= step;
    }
}

/// How many bytes `bytes` starts with that are printable ASCII (`0x20..=0x7e`) and none of
/// `special`: the run an escaping loop can copy as it is.
///
/// Descriptions are long and almost all plain, so this tests eight bytes at a time.
pub fn plain_ascii_len(bytes: &[u8], special: [u8; 2]) -> usize {
    let mut at = 0;
    while let Some(chunk) = bytes[at..].first_chunk::<8>() {
        if holds_other_than_plain(u64::from_le_bytes(*chunk), special) {
            break;
        }
        at += 8;
    }
    let tail = &bytes[at..];
    at + tail
        .iter()
        .position(|&byte| !(0x20..0x7f).contains(&byte) || special.contains(&byte))
        .unwrap_or(tail.len())
}

/// Whether any byte of `word` is below 0x20, 0x7f or above, or one of `special`.
///
/// The byte tests are the well-known bit tricks: each is exact about whether any byte matches.
fn holds_other_than_plain(word: u64, special: [u8; 2]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let holds_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH_BITS;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH_BITS;
    let delete_or_above = (word.wrapping_add(ONES) | word) & HIGH_BITS;
    let first = holds_zero(word ^ (ONES * u64::from(special[0])));
    let second = holds_zero(word ^ (ONES * u64::from(special[1])));
    below_space | delete_or_above | first | second != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_len_stops_at_the_first_byte_that_is_not_plain() {
        let plain: Vec<u8> = (0x20..0x7f).filter(|&b| b != b'"' && b != b'\\').collect();
        for position in [0, 3, 7, 8, 9, 15, 16, 40, 91] {
            for stop in (0..=0x1f).chain([0x7f, 0x80, 0xc3, 0xff, b'"', b'\\']) {
                let mut bytes: Vec<u8> = plain.iter().copied().cycle().take(100).collect();
                bytes[position] = stop;
                assert_eq!(
                    plain_ascii_len(&bytes, [b'"', b'\\']),
                    position,
                    "byte {stop:#x} at {position}"
                );
            }
        }
        assert_eq!(plain_ascii_len(&plain, [b'"', b'\\']), plain.len());
        assert_eq!(plain_ascii_len(b"a b", [b' ', b' ']), 1);
        assert_eq!(plain_ascii_len(b"", [b' ', b' ']), 0);
    }

    #[test]
    fn numbers_and_indents() {
        let mut out = String::new();
        push_number(&mut out, 0);
        push_number(&mut out, 4_294_967_295);
        push_indent(&mut out, 3);
        push_indent(&mut out, 70);
        push_all(&mut out, &["a", "", "bc"]);
        assert_eq!(out, format!("04294967295{}abc", " ".repeat(73)));
    }
}
