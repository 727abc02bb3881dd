//! A JPEG's structure: its marker segments from the start marker to the
//! end marker, the frame header's size, and that each scan's compressed
//! data is there. The Huffman codes of baseline and progressive scans are
//! walked block by block (nothing is decoded to pixels; a progressive
//! picture keeps 8 bytes a block to read its refinement scans, and about
//! 10 ms a megapixel), so a file cut short and patched with an end marker
//! is caught, and a progressive one must have begun every coefficient by
//! its end. Other codings' data must at least hold a bit per block.

use super::{Header, PictureMode};

/// A JPEG that ends inside its headers.
fn cut() -> String {
    t!("content-jpeg-cut")
}

/// A JPEG without its end-of-image marker.
fn no_end() -> String {
    t!("content-jpeg-no-end")
}

/// What the frame header (SOF) says.
struct Frame {
    width: u32,
    height: u32,
    precision: u8,
    /// Each component's id and horizontal and vertical sampling factors.
    components: Vec<(u8, u32, u32)>,
    /// SOF0 or SOF1: sequential Huffman coding, walked block by block.
    baseline: bool,
    /// SOF2: progressive Huffman coding, walked block by block too.
    progressive: bool,
    /// SOF9 to SOF15: arithmetic coding, whose data can be tiny.
    arithmetic: bool,
}

impl Frame {
    /// Size, colour mode and the bytes the picture takes once decoded.
    fn header(&self) -> Header {
        let mode = match self.components.len() {
            1 => PictureMode::Gray,
            3 => PictureMode::Rgb,
            _ => PictureMode::Cmyk,
        };
        let sample = if self.precision > 8 { 2 } else { 1 };
        Header {
            width: self.width,
            height: self.height,
            mode,
            decoded: u64::from(self.width)
                * u64::from(self.height)
                * self.components.len() as u64
                * sample,
        }
    }

    fn max_sampling(&self) -> (u32, u32) {
        let h = self.components.iter().map(|c| c.1).max().unwrap_or(1);
        let v = self.components.iter().map(|c| c.2).max().unwrap_or(1);
        (h, v)
    }

    /// How many blocks `component` has.
    fn block_count(&self, &(_, h, v): &(u8, u32, u32)) -> usize {
        let (across, down) = self.blocks(h, v);
        usize::try_from(across * down).unwrap_or(usize::MAX)
    }

    /// A component's size in 8 × 8 blocks.
    fn blocks(&self, h: u32, v: u32) -> (u64, u64) {
        let (hmax, vmax) = self.max_sampling();
        let across = (u64::from(self.width) * u64::from(h)).div_ceil(u64::from(hmax));
        let down = (u64::from(self.height) * u64::from(v)).div_ceil(u64::from(vmax));
        (across.div_ceil(8), down.div_ceil(8))
    }
}

/// The tables and settings in force as the segments are walked.
#[derive(Default)]
struct Walk {
    frame: Option<Frame>,
    dc: [Option<Huffman>; 4],
    ac: [Option<Huffman>; 4],
    restart: u64,
    scans: usize,
    entropy_bytes: u64,
    /// For each component and block, the AC coefficients found nonzero
    /// so far (bit k for zigzag position k), which a progressive
    /// refinement scan needs to be read.
    masks: Vec<Vec<u64>>,
    /// For each component, the coefficients a progressive scan has begun
    /// (bit k for zigzag position k); all 64 by the end marker.
    begun: [u64; 4],
}

/// Walks a JPEG's segments and scans up to its end marker. `approve` is
/// shown the frame header's sizes as soon as they are read, before any
/// compressed data is walked; its refusal ends the walk.
pub(super) fn check(
    data: &[u8],
    approve: impl FnOnce(&Header) -> Result<(), String>,
) -> Result<Header, String> {
    let mut approve = Some(approve);
    let mut walk = Walk::default();
    let mut pos = 2;
    loop {
        // Markers may be padded with any number of 0xFF bytes.
        while data.get(pos) == Some(&0xFF) && data.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let marker = match data.get(pos..pos + 2) {
            Some([0xFF, m]) => *m,
            Some(_) => return Err(t!("content-jpeg-marker-expected")),
            None => return Err(cut()),
        };
        match marker {
            0xD9 if walk.scans == 0 => {
                return Err(t!("content-jpeg-no-image-data"));
            }
            0xD9 => return walk.finish(),
            // Markers without a segment.
            0x01 | 0xD0..=0xD7 => {
                pos += 2;
                continue;
            }
            _ => {}
        }
        let len = data.get(pos + 2..pos + 4).ok_or_else(cut)?;
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        if len < 2 {
            return Err(t!("content-jpeg-segment-length"));
        }
        let segment = data.get(pos + 4..pos + 2 + len).ok_or_else(cut)?;
        pos += 2 + len;
        if marker == 0xDA {
            if let (Some(approve), Some(frame)) = (approve.take(), &walk.frame) {
                approve(&frame.header())?;
            }
            pos = walk.scan(segment, data, pos)?;
        } else {
            walk.segment(marker, segment)?;
        }
    }
}

impl Walk {
    /// Takes in a segment other than a scan.
    fn segment(&mut self, marker: u8, segment: &[u8]) -> Result<(), String> {
        match marker {
            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                if self.frame.is_some() {
                    return Err(t!("content-jpeg-two-frames"));
                }
                self.frame = Some(frame(marker, segment)?);
            }
            0xC4 => self.tables(segment)?,
            0xDD => {
                let s = segment
                    .get(..2)
                    .ok_or_else(|| t!("content-jpeg-restart-interval"))?;
                self.restart = u64::from(u16::from_be_bytes([s[0], s[1]]));
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads the Huffman tables of a DHT segment.
    fn tables(&mut self, mut segment: &[u8]) -> Result<(), String> {
        let bad = || t!("content-jpeg-huffman-table");
        while let Some((&class, rest)) = segment.split_first() {
            let counts = rest.get(..16).ok_or_else(bad)?;
            let n: usize = counts.iter().map(|&c| usize::from(c)).sum();
            let values = rest.get(16..16 + n).ok_or_else(bad)?;
            let slot = usize::from(class & 0x0F);
            let table = Some(Huffman::new(counts, values).ok_or_else(bad)?);
            match class >> 4 {
                0 if slot < 4 => self.dc[slot] = table,
                1 if slot < 4 => self.ac[slot] = table,
                _ => return Err(bad()),
            }
            segment = &rest[16 + n..];
        }
        Ok(())
    }

    /// Checks the scan whose header is `segment` and whose data starts at
    /// `start`; returns where the data ends (at the next marker).
    fn scan(&mut self, segment: &[u8], data: &[u8], start: usize) -> Result<usize, String> {
        let frame = self
            .frame
            .as_ref()
            .ok_or_else(|| t!("content-jpeg-data-before-frame"))?;
        let header = || t!("content-jpeg-scan-header");
        let count = usize::from(*segment.first().ok_or_else(header)?);
        if count == 0 || segment.len() != 4 + 2 * count {
            return Err(header());
        }
        self.scans += 1;
        let end = match coding(frame, &segment[1 + 2 * count..])? {
            Some(coding) => {
                let scan = scan(
                    frame,
                    &self.dc,
                    &self.ac,
                    &segment[1..1 + 2 * count],
                    coding,
                )?;
                begin(&mut self.begun, &scan);
                if self.masks.is_empty() && frame.progressive {
                    self.masks = frame
                        .components
                        .iter()
                        .map(|c| vec![0; frame.block_count(c)])
                        .collect();
                }
                scan.walk(data, start, self.restart, &mut self.masks)?
            }
            None => next_marker(data, start).ok_or_else(no_end)?,
        };
        self.entropy_bytes += (end - start) as u64;
        Ok(end)
    }

    /// At the end marker: a progressive picture's scans have begun every
    /// coefficient of every component, and every scan's data holds at least a bit per block
    /// (a Huffman code is at least one bit).
    fn finish(self) -> Result<Header, String> {
        let frame = self.frame.expect("a scan needs a frame");
        let blocks: u64 = frame
            .components
            .iter()
            .map(|c| frame.block_count(c) as u64)
            .sum();
        let components = frame.components.len();
        if frame.progressive && self.begun[..components].iter().any(|&b| b != u64::MAX) {
            return Err(t!("content-jpeg-progressive-missing"));
        }
        if !frame.arithmetic && self.entropy_bytes * 8 < blocks {
            return Err(t!(
                "content-jpeg-data-too-small",
                bytes = self.entropy_bytes,
                width = frame.width,
                height = frame.height
            ));
        }
        Ok(frame.header())
    }
}

/// The frame header of SOF `marker`.
fn frame(marker: u8, segment: &[u8]) -> Result<Frame, String> {
    let short = || t!("content-jpeg-frame-short");
    let s = segment.get(..6).ok_or_else(short)?;
    let count = usize::from(s[5]);
    if !matches!(count, 1 | 3 | 4) {
        return Err(t!("content-jpeg-components"));
    }
    let specs = segment.get(6..6 + 3 * count).ok_or_else(short)?;
    let mut components = Vec::new();
    for c in specs.chunks(3) {
        let (h, v) = (u32::from(c[1] >> 4), u32::from(c[1] & 0x0F));
        if !(1..=4).contains(&h) || !(1..=4).contains(&v) {
            return Err(t!("content-jpeg-sampling"));
        }
        components.push((c[0], h, v));
    }
    Ok(Frame {
        precision: s[0],
        height: u32::from(u16::from_be_bytes([s[1], s[2]])),
        width: u32::from(u16::from_be_bytes([s[3], s[4]])),
        components,
        baseline: matches!(marker, 0xC0 | 0xC1),
        progressive: marker == 0xC2,
        arithmetic: marker >= 0xC9,
    })
}

/// Where the compressed data from `from` ends: the next marker that is
/// neither a stuffed 0xFF nor a restart marker.
fn next_marker(data: &[u8], from: usize) -> Option<usize> {
    (from..data.len().saturating_sub(1))
        .find(|&i| data[i] == 0xFF && !matches!(data[i + 1], 0x00 | 0xD0..=0xD7 | 0xFF))
}

/// Notes the coefficients a progressive scan begins.
fn begin(begun: &mut [u64; 4], scan: &Scan) {
    let bits = match scan.coding {
        Coding::DcFirst => 1,
        Coding::AcFirst(ss, se) => (u64::MAX >> (63 - se)) & (u64::MAX << ss),
        _ => return,
    };
    for &(component, ..) in &scan.blocks {
        begun[component] |= bits;
    }
}

/// How a scan's blocks are coded.
#[derive(Clone, Copy)]
enum Coding {
    /// Baseline: each block whole.
    Sequential,
    /// Progressive: the first bits of the DC coefficient.
    DcFirst,
    /// Progressive: one more bit of the DC coefficient.
    DcRefine,
    /// Progressive: the first bits of AC coefficients `ss` to `se`.
    AcFirst(usize, usize),
    /// Progressive: one more bit of AC coefficients `ss` to `se`.
    AcRefine(usize, usize),
}

/// How the scan whose spectral selection and approximation are `tail`
/// is coded; `None` when its codes are not walked (not Huffman-coded
/// sequential or progressive).
fn coding(frame: &Frame, tail: &[u8]) -> Result<Option<Coding>, String> {
    let (ss, se, refine) = (
        usize::from(tail[0]),
        usize::from(tail[1]),
        tail[2] >> 4 != 0,
    );
    if frame.baseline {
        return Ok(Some(Coding::Sequential));
    }
    if !frame.progressive {
        return Ok(None);
    }
    Ok(Some(match (ss, refine) {
        (0, false) if se == 0 => Coding::DcFirst,
        (0, true) if se == 0 => Coding::DcRefine,
        (1..=63, false) if (ss..=63).contains(&se) => Coding::AcFirst(ss, se),
        (1..=63, true) if (ss..=63).contains(&se) => Coding::AcRefine(ss, se),
        _ => return Err(t!("content-jpeg-progressive-header")),
    }))
}

/// One block of a scan: its component's index and its Huffman tables.
type BlockCode<'a> = (usize, Option<&'a Huffman>, Option<&'a Huffman>);

/// The scan of the components `selectors` names: its blocks, in order.
fn scan<'a>(
    frame: &Frame,
    dc: &'a [Option<Huffman>; 4],
    ac: &'a [Option<Huffman>; 4],
    selectors: &[u8],
    coding: Coding,
) -> Result<Scan<'a>, String> {
    let (need_dc, need_ac) = match coding {
        Coding::Sequential => (true, true),
        Coding::DcFirst => (true, false),
        Coding::DcRefine => (false, false),
        Coding::AcFirst(..) | Coding::AcRefine(..) => (false, true),
    };
    let table = |tables: &'a [Option<Huffman>; 4], slot: u8, needed: bool| {
        let found = tables.get(usize::from(slot)).and_then(Option::as_ref);
        match found {
            None if needed => Err(t!("content-jpeg-undefined-table")),
            _ => Ok(found),
        }
    };
    let mut components = Vec::new();
    for pair in selectors.chunks(2) {
        let index = frame
            .components
            .iter()
            .position(|c| c.0 == pair[0])
            .ok_or_else(|| t!("content-jpeg-unknown-component"))?;
        let (_, h, v) = frame.components[index];
        let tables = (
            table(dc, pair[1] >> 4, need_dc)?,
            table(ac, pair[1] & 0x0F, need_ac)?,
        );
        components.push((index, h, v, tables));
    }
    let (mcus, blocks) = if let [(index, h, v, (dc, ac))] = components[..] {
        let (across, down) = frame.blocks(h, v);
        (across * down, vec![(index, dc, ac)])
    } else if need_ac && !need_dc {
        return Err(t!("content-jpeg-ac-several"));
    } else {
        let (hmax, vmax) = frame.max_sampling();
        let across = u64::from(frame.width).div_ceil(u64::from(8 * hmax));
        let down = u64::from(frame.height).div_ceil(u64::from(8 * vmax));
        let blocks = components
            .iter()
            .flat_map(|&(i, h, v, (dc, ac))| std::iter::repeat_n((i, dc, ac), (h * v) as usize))
            .collect();
        (across * down, blocks)
    };
    Ok(Scan {
        mcus,
        blocks,
        coding,
    })
}

/// A scan: how many MCUs, the tables of each block in one, its coding.
struct Scan<'a> {
    mcus: u64,
    blocks: Vec<BlockCode<'a>>,
    coding: Coding,
}

impl Scan<'_> {
    /// Walks every block's codes from `start`; returns where the data ends.
    fn walk(
        &self,
        data: &[u8],
        start: usize,
        restart: u64,
        masks: &mut [Vec<u64>],
    ) -> Result<usize, String> {
        let mut bits = Bits {
            data,
            pos: start,
            byte: 0,
            left: 0,
        };
        let mut eob_run = 0;
        let total = self.mcus * self.blocks.len() as u64;
        for mcu in 0..self.mcus {
            if restart > 0 && mcu > 0 && mcu % restart == 0 {
                bits.restart()?;
                eob_run = 0;
            }
            for (i, &(component, dc, ac)) in self.blocks.iter().enumerate() {
                // An AC scan holds one component: its MCUs are its blocks.
                let mask = masks
                    .get_mut(component)
                    .and_then(|m| m.get_mut(mcu as usize));
                self.block(&mut bits, (dc, ac), &mut eob_run, mask)
                    .map_err(|stop| {
                        let done = mcu * self.blocks.len() as u64 + i as u64;
                        stop.message(done, total)
                    })?;
            }
        }
        next_marker(data, bits.pos).ok_or_else(no_end)
    }

    /// Walks one block's codes.
    fn block(
        &self,
        bits: &mut Bits,
        (dc, ac): (Option<&Huffman>, Option<&Huffman>),
        eob_run: &mut u32,
        mask: Option<&mut u64>,
    ) -> Result<(), Stop> {
        let mut spare = 0;
        let mask = mask.unwrap_or(&mut spare);
        match self.coding {
            Coding::Sequential => block(bits, dc.expect("checked"), ac.expect("checked")),
            Coding::DcFirst => {
                let size = dc.expect("checked").decode(bits)?;
                bits.skip(size & 0x0F)
            }
            Coding::DcRefine => bits.bit().map(drop),
            Coding::AcFirst(ss, se) | Coding::AcRefine(ss, se) => {
                let band = Band {
                    ac: ac.expect("checked"),
                    ss,
                    se,
                };
                if matches!(self.coding, Coding::AcFirst(..)) {
                    band.first(bits, eob_run, mask)
                } else {
                    band.refine(bits, eob_run, mask)
                }
            }
        }
    }
}

/// The AC coefficients `ss..=se` a progressive scan sends, with its table.
struct Band<'a> {
    ac: &'a Huffman,
    ss: usize,
    se: usize,
}

impl Band<'_> {
    /// The first bits of a block's coefficients, or one more block of a run
    /// of empty ones.
    fn first(&self, bits: &mut Bits, eob_run: &mut u32, mask: &mut u64) -> Result<(), Stop> {
        let (ac, ss, se) = (self.ac, self.ss, self.se);
        if *eob_run > 0 {
            *eob_run -= 1;
            return Ok(());
        }
        let mut k = ss;
        while k <= se {
            let rs = ac.decode(bits)?;
            let (run, size) = (usize::from(rs >> 4), rs & 0x0F);
            if size == 0 {
                if run < 15 {
                    *eob_run = (1 << run) - 1 + bits.value(run as u8)?;
                    break;
                }
                k += 16;
            } else {
                k += run;
                bits.skip(size)?;
                *mask |= 1 << k.min(63);
                k += 1;
            }
        }
        Ok(())
    }

    /// One more bit of a block's coefficients: a correction bit for each
    /// one already nonzero, and new ones.
    fn refine(&self, bits: &mut Bits, eob_run: &mut u32, mask: &mut u64) -> Result<(), Stop> {
        let (ac, ss, se) = (self.ac, self.ss, self.se);
        let mut k = ss;
        if *eob_run == 0 {
            while k <= se {
                let rs = ac.decode(bits)?;
                let (mut run, size) = (i32::from(rs >> 4), rs & 0x0F);
                if size != 0 {
                    bits.bit()?;
                } else if run != 15 {
                    *eob_run = (1 << run) + bits.value(run as u8)?;
                    break;
                }
                while k <= se {
                    if *mask & (1 << k) != 0 {
                        bits.bit()?;
                    } else {
                        run -= 1;
                        if run < 0 {
                            break;
                        }
                    }
                    k += 1;
                }
                if size != 0 && k <= 63 {
                    *mask |= 1 << k;
                }
                k += 1;
            }
        }
        if *eob_run > 0 {
            for k in k..=se {
                if *mask & (1 << k) != 0 {
                    bits.bit()?;
                }
            }
            *eob_run -= 1;
        }
        Ok(())
    }
}

/// Why the codes of a scan stopped.
enum Stop {
    /// A marker where data was due, at this byte.
    Cut(usize),
    /// The end of the file where data was due.
    End,
    /// A code no table holds.
    BadCode,
}

impl Stop {
    fn message(&self, done: u64, total: u64) -> String {
        match self {
            Stop::End => no_end(),
            Stop::Cut(at) => t!(
                "content-jpeg-stops-after",
                at = at,
                done = done,
                total = total
            ),
            Stop::BadCode => t!("content-jpeg-bad-code"),
        }
    }
}

/// One block: its DC difference and its run-length coded AC coefficients.
fn block(bits: &mut Bits, dc: &Huffman, ac: &Huffman) -> Result<(), Stop> {
    let size = dc.decode(bits)?;
    bits.skip(size & 0x0F)?;
    let mut k = 1;
    while k < 64 {
        let rs = ac.decode(bits)?;
        let (run, size) = (rs >> 4, rs & 0x0F);
        if size == 0 {
            if run != 15 {
                break;
            }
            k += 16;
        } else {
            k += usize::from(run) + 1;
            bits.skip(size)?;
        }
    }
    Ok(())
}

/// The bits of compressed data, with 0xFF 0x00 read as 0xFF.
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    byte: u8,
    left: u8,
}

impl Bits<'_> {
    fn bit(&mut self) -> Result<u16, Stop> {
        if self.left == 0 {
            let byte = match self.data.get(self.pos..) {
                Some([0xFF, 0x00, ..]) => 0xFF,
                Some([0xFF, ..]) => return Err(Stop::Cut(self.pos)),
                Some([b, ..]) => *b,
                _ => return Err(Stop::End),
            };
            self.pos += if byte == 0xFF { 2 } else { 1 };
            self.byte = byte;
            self.left = 8;
        }
        self.left -= 1;
        Ok(u16::from(self.byte >> self.left) & 1)
    }

    /// The next `n` bits as a number.
    fn value(&mut self, n: u8) -> Result<u32, Stop> {
        let mut v = 0;
        for _ in 0..n {
            v = (v << 1) | u32::from(self.bit()?);
        }
        Ok(v)
    }

    fn skip(&mut self, n: u8) -> Result<(), Stop> {
        for _ in 0..n {
            self.bit()?;
        }
        Ok(())
    }

    /// Drops the rest of the byte and steps over a restart marker.
    fn restart(&mut self) -> Result<(), String> {
        self.left = 0;
        match self.data.get(self.pos..self.pos + 2) {
            Some([0xFF, 0xD0..=0xD7]) => {
                self.pos += 2;
                Ok(())
            }
            Some([0xFF, 0xD9]) => Err(t!("content-jpeg-stops-at", at = self.pos)),
            None => Err(no_end()),
            _ => Err(t!("content-jpeg-restart-missing")),
        }
    }
}

/// A Huffman table, decoded a bit at a time (codes of each length are
/// consecutive numbers).
struct Huffman {
    /// For each length 1–16: the first code, how many codes, and the index
    /// of the first one's value.
    lengths: [(u16, u16, usize); 16],
    values: Vec<u8>,
}

impl Huffman {
    fn new(counts: &[u8], values: &[u8]) -> Option<Self> {
        let mut lengths = [(0, 0, 0); 16];
        let (mut code, mut index) = (0u32, 0usize);
        for (len, &count) in counts.iter().enumerate() {
            lengths[len] = (code as u16, u16::from(count), index);
            code += u32::from(count);
            if code > 1 << (len + 1) {
                return None;
            }
            index += usize::from(count);
            code <<= 1;
        }
        Some(Self {
            lengths,
            values: values.to_vec(),
        })
    }

    fn decode(&self, bits: &mut Bits) -> Result<u8, Stop> {
        let mut code = 0u16;
        for &(first, count, index) in &self.lengths {
            code = (code << 1) | bits.bit()?;
            if code.wrapping_sub(first) < count {
                return Ok(self.values[index + usize::from(code - first)]);
            }
        }
        Err(Stop::BadCode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(img: image::DynamicImage) -> Vec<u8> {
        super::super::encoded(img, image::ImageFormat::Jpeg)
    }

    fn photo() -> Vec<u8> {
        encoded(
            image::RgbImage::from_fn(300, 200, |x, y| {
                image::Rgb([x as u8, y as u8, (x ^ y) as u8])
            })
            .into(),
        )
    }

    fn check_all(data: &[u8]) -> Result<Header, String> {
        check(data, |_| Ok(()))
    }

    #[test]
    fn a_whole_picture_passes() {
        let h = check_all(&photo()).unwrap();
        assert_eq!(
            (h.width, h.height, h.mode, h.decoded),
            (300, 200, PictureMode::Rgb, 180_000)
        );
        let grey =
            encoded(image::GrayImage::from_fn(33, 17, |x, y| image::Luma([(x * y) as u8])).into());
        assert_eq!(check_all(&grey).unwrap().mode, PictureMode::Gray);
    }

    #[test]
    fn cut_in_half_and_patched_is_refused() {
        let whole = photo();
        let mut half = whole[..whole.len() / 2].to_vec();
        half.extend([0xFF, 0xD9]);
        let message = check_all(&half).err().unwrap();
        assert!(
            message.starts_with("is cut short (its JPEG image data stops at byte"),
            "{message}"
        );
        assert_eq!(
            check_all(&whole[..whole.len() / 2]).err().unwrap(),
            no_end()
        );
    }

    #[test]
    fn junk_is_not_a_jpeg() {
        assert!(check_all(&[0xFF, 0xD8, 0xFF]).is_err());
        assert!(check_all(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x01]).is_err());
        assert!(check_all(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x02, 0xFF, 0xD9]).is_err());
        assert!(check_all(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x05, 8, 0, 30]).is_err());
        // Frame and scan headers, but no data for 40 × 30 pixels.
        let mut b = vec![
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 0, 30, 0, 40, 1, 1, 0x11, 0,
        ];
        b.extend([0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0xFF, 0xD9]);
        assert!(check_all(&b).is_err());
    }
}
