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

#[cfg(test)]
mod tests {
    use super::*;

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
