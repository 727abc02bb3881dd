//! Reading a PDF content stream's operators (and their operands) without
//! parsing it: the preflight counts and reads colour operators with it, the
//! print pass finds where to insert black overprint ([`crate::overprint`]).

/// Calls `f` with every operator of a content stream and the operands
/// before it (numbers and names as written; strings, arrays and
/// dictionaries are not handed on). A scanner rather than a full parse (a
/// broadsheet page has tens of thousands of operations): it only needs to
/// tell operators from operands, so it skips strings (with nesting and
/// escapes), hex strings, comments and inline image data.
pub(crate) fn for_each_operation<'a>(data: &'a [u8], mut f: impl FnMut(&'a [u8], &[&'a [u8]])) {
    let mut operands: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        i = if is_white(b) || matches!(b, b'[' | b']' | b'{' | b'}' | b'>' | b')') {
            i + 1
        } else if b == b'%' {
            comment_end(data, i)
        } else if b == b'(' {
            string_end(data, i)
        } else if b == b'<' {
            angle_end(data, i)
        } else {
            // A name, a number or an operator: up to the next delimiter.
            let end = token_end(data, i);
            let token = &data[i..end];
            let operand = b == b'/'
                || b.is_ascii_digit()
                || matches!(b, b'+' | b'-' | b'.')
                || matches!(token, b"true" | b"false" | b"null");
            if operand {
                operands.push(token);
                end
            } else {
                f(token, &operands);
                operands.clear();
                if token == b"ID" {
                    inline_image_end(data, end)
                } else {
                    end
                }
            }
        };
    }
}

/// PDF white space.
fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

/// PDF delimiters, which end a token.
fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// The end of the comment starting at `i`: the next line break.
fn comment_end(data: &[u8], mut i: usize) -> usize {
    while i < data.len() && !matches!(data[i], b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Just past the literal string whose `(` is at `i`, with nested
/// parentheses and backslash escapes.
fn string_end(data: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < data.len() {
        match data[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i + 1
}

/// Past the `<` at `i`: past `<<` opening a dictionary, or past the whole
/// hex string it opens.
fn angle_end(data: &[u8], mut i: usize) -> usize {
    if data.get(i + 1) == Some(&b'<') {
        return i + 2;
    }
    while i < data.len() && data[i] != b'>' {
        i += 1;
    }
    i + 1
}

/// The end of the token starting at `i`: the next white space or delimiter.
fn token_end(data: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < data.len() && !is_white(data[i]) && !is_delim(data[i]) {
        i += 1;
    }
    i
}

/// Past the inline image data that follows the `ID` operator ending at
/// `i`: binary, up to `EI` between white space.
fn inline_image_end(data: &[u8], mut i: usize) -> usize {
    i += 1;
    while i + 2 < data.len()
        && !(data[i..].starts_with(b"EI")
            && is_white(data[i - 1])
            && data.get(i + 2).is_none_or(|&c| is_white(c)))
    {
        i += 1;
    }
    i + 2
}

#[cfg(test)]
mod tests {
    use super::for_each_operation;

    /// How many of the operators named in `names` `data` has.
    fn count_operators(data: &[u8], names: &[&[u8]]) -> usize {
        let mut count = 0;
        for_each_operation(data, |op, _| count += usize::from(names.contains(&op)));
        count
    }

    #[test]
    fn counts_operators_not_operands() {
        let rg: &[&[u8]] = &[b"rg", b"RG"];
        assert_eq!(count_operators(b"0 0 1 rg 1 0 0 RG 0 g", rg), 2);
        assert_eq!(count_operators(b"(rg RG) Tj <7267> Tj /rg gs", rg), 0);
        assert_eq!(
            count_operators(b"(a (nested rg) \\) rg) Tj 1 0 0 rg", rg),
            1
        );
        assert_eq!(count_operators(b"% 0 0 1 rg\n0 0 0 1 k", rg), 0);
        assert_eq!(count_operators(b"[(rg)-250(x)]TJ 0.5 g 1 0 0rg", rg), 0);
        assert_eq!(count_operators(b"<< /rg 1 >> BDC 1 1 1 rg EMC", rg), 1);
        assert_eq!(
            count_operators(b"BI /W 1 /H 1 ID \x00rg RG\xff EI 0 1 0 rg", rg),
            1
        );
    }

    #[test]
    fn hands_on_the_operands_of_each_operator() {
        let mut seen = Vec::new();
        for_each_operation(
            b"q 0 1 1 .15 k (x 1 k) Tj /CS0 cs 0.5 -1 +2 0 sc Q",
            |op, args| {
                seen.push(format!(
                    "{}:{}",
                    String::from_utf8_lossy(op),
                    args.iter()
                        .map(|a| String::from_utf8_lossy(a).into_owned())
                        .collect::<Vec<_>>()
                        .join(",")
                ));
            },
        );
        assert_eq!(
            seen,
            [
                "q:",
                "k:0,1,1,.15",
                "Tj:",
                "cs:/CS0",
                "sc:0.5,-1,+2,0",
                "Q:"
            ]
        );
    }
}
