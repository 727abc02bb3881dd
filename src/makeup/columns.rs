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
    if caps.is_empty() {
        let nothing = Filled {
            empty: 0,
            foot: 0,
            gaps: 0,
            holes: 0,
            feet: Vec::new(),
            starts: Vec::new(),
        };
        return blocks.iter().all(|b| b.lines == 0).then_some(nothing);
    }
    let mut filler = Filler {
        caps,
        col: 0,
        used: 0,
        feet: Vec::with_capacity(caps.len()),
        starts: vec![None; caps.len()],
    };
    for (i, b) in blocks.iter().enumerate() {
        if b.head {
            filler.head(i, b.lines, blocks.get(i + 1).is_some())?;
        } else {
            filler.paragraph(i, b.lines)?;
        }
    }
    Some(filler.finish())
}

/// The state of a fill: the column being filled and what it holds.
struct Filler<'a> {
    caps: &'a [usize],
    col: usize,
    used: usize,
    feet: Vec<usize>,
    starts: Vec<Option<usize>>,
}

impl Filler<'_> {
    /// Closes the column; false when it was the last.
    fn next_column(&mut self) -> bool {
        self.feet.push(self.caps[self.col] - self.used);
        self.used = 0;
        self.col += 1;
        self.col < self.caps.len()
    }

    /// Section head `i` of `lines`, kept with the first line after it
    /// (when something `follows`).
    fn head(&mut self, i: usize, lines: usize, follows: bool) -> Option<()> {
        let need = lines + usize::from(follows);
        if self.used > 0 && self.used + need > self.caps[self.col] && !self.next_column() {
            return None;
        }
        if need > self.caps[self.col] {
            return None;
        }
        self.starts[self.col].get_or_insert(i);
        self.used += lines;
        Some(())
    }

    /// Paragraph `i` of `lines`, split across columns where it must; a
    /// single last line is not left to open the next column.
    fn paragraph(&mut self, i: usize, lines: usize) -> Option<()> {
        let mut left = lines;
        let mut started = false;
        while left > 0 {
            let room = self.caps[self.col] - self.used;
            if room == 0 {
                if !self.next_column() {
                    return None;
                }
                continue;
            }
            let take = if left <= room {
                left
            } else if left - room == 1 && lines >= 2 {
                room - 1
            } else {
                room
            };
            if take > 0 && !started {
                self.starts[self.col].get_or_insert(i);
                started = true;
            }
            self.used += take;
            left -= take;
            if left > 0 && !self.next_column() {
                return None;
            }
        }
        Some(())
    }

    /// What the fill left: the feet of every column, those after the last
    /// with text wholly empty.
    fn finish(mut self) -> Filled {
        let foot = self.caps[self.col] - self.used;
        self.feet.push(foot);
        self.feet.extend_from_slice(&self.caps[self.col + 1..]);
        Filled {
            empty: self.feet.iter().sum(),
            foot,
            gaps: self.feet.iter().map(|f| f * f).sum(),
            holes: self.feet.iter().filter(|&&f| f > HOLE_LINES).count(),
            feet: self.feet,
            starts: self.starts,
        }
    }
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
