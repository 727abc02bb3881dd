//! Filling body columns, as Typst fills them: how many body lines a body
//! of measured blocks leaves empty in `k` columns `d` lines deep, or that
//! it does not fit. Section heads are kept with the first line after them;
//! a column does not open with a paragraph's last line (widow).

/// One body block: its lines in a column, and whether it is a section
/// head (kept with what follows, never split).
#[derive(Debug, Clone, Copy)]
pub struct BodyBlock {
    /// Body lines.
    pub lines: usize,
    /// A section head.
    pub head: bool,
}

/// The empty line cells left when `blocks` fill `k` columns of `d` lines,
/// or `None` when they do not fit.
pub fn fill(blocks: &[BodyBlock], k: usize, d: usize) -> Option<usize> {
    if k == 0 || d == 0 {
        return blocks.iter().all(|b| b.lines == 0).then_some(k * d);
    }
    let (mut col, mut used, mut empty) = (0usize, 0usize, 0usize);
    let next_column = |used: &mut usize, col: &mut usize, empty: &mut usize| {
        *empty += d - *used;
        *used = 0;
        *col += 1;
        *col < k
    };
    for (i, b) in blocks.iter().enumerate() {
        if b.head {
            let follows = usize::from(blocks.get(i + 1).is_some());
            if b.lines + follows > d {
                return None;
            }
            if used > 0 && used + b.lines + follows > d && !next_column(&mut used, &mut col, &mut empty) {
                return None;
            }
            used += b.lines;
            continue;
        }
        let mut left = b.lines;
        while left > 0 {
            let room = d - used;
            if room == 0 {
                if !next_column(&mut used, &mut col, &mut empty) {
                    return None;
                }
                continue;
            }
            if left <= room {
                used += left;
                left = 0;
            } else {
                // A single last line is not left to open the next column.
                let take = if left - room == 1 && b.lines >= 2 { room - 1 } else { room };
                used += take;
                left -= take;
                if !next_column(&mut used, &mut col, &mut empty) {
                    return None;
                }
            }
        }
    }
    Some(empty + (d - used) + (k - col - 1) * d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(lines: usize) -> BodyBlock {
        BodyBlock { lines, head: false }
    }

    #[test]
    fn paragraphs_fill_columns_in_turn() {
        assert_eq!(fill(&[para(10)], 2, 5), Some(0));
        assert_eq!(fill(&[para(7)], 2, 5), Some(3));
        assert_eq!(fill(&[para(11)], 2, 5), None);
    }

    #[test]
    fn a_last_line_does_not_open_a_column() {
        // 6 lines in columns of 5: the fifth line moves over with the sixth.
        assert_eq!(fill(&[para(6)], 2, 5), Some(4));
        assert_eq!(fill(&[para(4), para(6)], 2, 5), Some(0));
    }

    #[test]
    fn a_head_keeps_with_the_next_line() {
        let head = BodyBlock { lines: 3, head: true };
        // 2 lines used: the head and the line after it do not fit under
        // them, so the head opens the second column and the text runs out.
        assert_eq!(fill(&[para(2), head, para(4)], 2, 5), None);
        assert_eq!(fill(&[para(2), head, para(1)], 2, 5), Some(4));
        assert_eq!(fill(&[para(2), head, para(4)], 1, 9), Some(0));
    }
}
