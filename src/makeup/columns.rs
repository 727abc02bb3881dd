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

/// Empty lines at a column's foot beyond which the preflight warns of a
/// hole (its default `hole_lines`).
pub const HOLE_LINES: usize = 3;

/// How blocks filled a run of columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    /// Empty line cells left.
    pub empty: usize,
    /// Lines left empty at the foot of the last column with text.
    pub foot: usize,
    /// The sum of the squares of the lines left empty at the foot of each
    /// column: one gap of many lines shows more than many gaps of one.
    pub gaps: usize,
    /// Columns whose foot is left empty for more than [`HOLE_LINES`]
    /// lines (the preflight warns of each).
    pub holes: usize,
    /// Lines left empty at the foot of each column.
    pub feet: Vec<usize>,
    /// For each column, the first block whose first line is set in it.
    pub starts: Vec<Option<usize>>,
}

/// How `blocks` fill `k` columns of `d` lines, or `None` when they do
/// not fit.
pub fn fill(blocks: &[BodyBlock], k: usize, d: usize) -> Option<Filled> {
    fill_columns(blocks, &vec![d; k])
}

/// Fills columns holding `caps[i]` lines each, in turn.
pub fn fill_columns(blocks: &[BodyBlock], caps: &[usize]) -> Option<Filled> {
    let mut starts = vec![None; caps.len()];
    if caps.is_empty() {
        return blocks.iter().all(|b| b.lines == 0).then_some(Filled {
            empty: 0,
            foot: 0,
            gaps: 0,
            holes: 0,
            feet: Vec::new(),
            starts,
        });
    }
    let (mut col, mut used, mut empty) = (0usize, 0usize, 0usize);
    let (mut gaps, mut holes) = (0, 0);
    let mut feet = Vec::with_capacity(caps.len());
    let mut next_column = |used: &mut usize, col: &mut usize, empty: &mut usize| {
        let gap = caps[*col] - *used;
        feet.push(gap);
        gaps += gap * gap;
        holes += usize::from(gap > HOLE_LINES);
        *empty += gap;
        *used = 0;
        *col += 1;
        *col < caps.len()
    };
    for (i, b) in blocks.iter().enumerate() {
        if b.head {
            let follows = usize::from(blocks.get(i + 1).is_some());
            if used > 0
                && used + b.lines + follows > caps[col]
                && !next_column(&mut used, &mut col, &mut empty)
            {
                return None;
            }
            if b.lines + follows > caps[col] {
                return None;
            }
            starts[col].get_or_insert(i);
            used += b.lines;
            continue;
        }
        let mut left = b.lines;
        let mut started = false;
        while left > 0 {
            let room = caps[col] - used;
            if room == 0 {
                if !next_column(&mut used, &mut col, &mut empty) {
                    return None;
                }
                continue;
            }
            if left <= room {
                if !started {
                    starts[col].get_or_insert(i);
                }
                used += left;
                left = 0;
            } else {
                // A single last line is not left to open the next column.
                let take = if left - room == 1 && b.lines >= 2 {
                    room - 1
                } else {
                    room
                };
                if take > 0 && !started {
                    starts[col].get_or_insert(i);
                    started = true;
                }
                used += take;
                left -= take;
                if !next_column(&mut used, &mut col, &mut empty) {
                    return None;
                }
            }
        }
    }
    let rest: usize = caps[col + 1..].iter().sum();
    let foot = caps[col] - used;
    feet.push(foot);
    feet.extend_from_slice(&caps[col + 1..]);
    let holes = holes
        + usize::from(foot > HOLE_LINES)
        + caps[col + 1..].iter().filter(|&&c| c > HOLE_LINES).count();
    Some(Filled {
        holes,
        feet,
        empty: empty + foot + rest,
        foot,
        gaps: gaps + foot * foot + caps[col + 1..].iter().map(|c| c * c).sum::<usize>(),
        starts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(lines: usize) -> BodyBlock {
        BodyBlock { lines, head: false }
    }

    #[test]
    fn paragraphs_fill_columns_in_turn() {
        assert_eq!(fill(&[para(10)], 2, 5).map(|f| f.empty), Some(0));
        assert_eq!(fill(&[para(7)], 2, 5).map(|f| f.empty), Some(3));
        assert_eq!(fill(&[para(11)], 2, 5), None);
    }

    #[test]
    fn a_last_line_does_not_open_a_column() {
        // 6 lines in columns of 5: the fifth line moves over with the sixth.
        assert_eq!(fill(&[para(6)], 2, 5).map(|f| f.empty), Some(4));
        assert_eq!(fill(&[para(4), para(6)], 2, 5).map(|f| f.empty), Some(0));
    }

    #[test]
    fn shorter_columns_start_lower_and_say_what_starts_in_them() {
        // Two columns of 5, the second under a 2-line inset: 3 lines.
        let f = fill_columns(&[para(4), para(3)], &[5, 3]).unwrap();
        assert_eq!(f.starts, vec![Some(0), None]);
        assert_eq!(f.empty, 1);
        let f = fill_columns(&[para(5), para(3)], &[5, 3]).unwrap();
        assert_eq!(f.starts, vec![Some(0), Some(1)]);
        assert_eq!(fill_columns(&[para(5), para(4)], &[5, 3]), None);
    }

    #[test]
    fn a_head_keeps_with_the_next_line() {
        let head = BodyBlock {
            lines: 3,
            head: true,
        };
        // 2 lines used: the head and the line after it do not fit under
        // them, so the head opens the second column and the text runs out.
        assert_eq!(fill(&[para(2), head, para(4)], 2, 5), None);
        assert_eq!(
            fill(&[para(2), head, para(1)], 2, 5).map(|f| f.empty),
            Some(4)
        );
        assert_eq!(
            fill(&[para(2), head, para(4)], 1, 9).map(|f| f.empty),
            Some(0)
        );
    }
}
