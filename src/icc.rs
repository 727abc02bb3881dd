//! ICC profiles, read only as far as their 128-byte header: enough to tell
//! a printer's CMYK (or grey) output profile, which a PDF/X output intent
//! needs, from a picture's RGB profile or a file that is no profile at all.

/// The colour space of the data a profile describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSpace {
    /// Four-colour printing.
    Cmyk,
    /// One ink (black).
    Gray,
    /// Anything else (RGB, Lab, …), by its four-letter ICC signature.
    Other([u8; 4]),
}

impl DataSpace {
    /// The number of colour components a PDF's ICCBased stream gives (`/N`).
    pub fn components(self) -> Option<u8> {
        match self {
            Self::Cmyk => Some(4),
            Self::Gray => Some(1),
            Self::Other(_) => None,
        }
    }

    /// How messages name the space.
    pub fn name(self) -> String {
        match self {
            Self::Cmyk => "CMYK".into(),
            Self::Gray => t!("layout-icc-gray"),
            Self::Other(sig) => String::from_utf8_lossy(&sig).trim().to_string(),
        }
    }
}

/// What a profile's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IccHeader {
    /// The device class signature (`prtr` for an output device).
    pub class: [u8; 4],
    /// The colour space of the data.
    pub space: DataSpace,
    /// Major version (2 or 4).
    pub major: u8,
}

/// Reads the header of `bytes` as an ICC profile; an error says, for the
/// desk, why the file is none.
pub fn read_header(bytes: &[u8]) -> Result<IccHeader, String> {
    if bytes.len() < 128 || &bytes[36..40] != b"acsp" {
        return Err(t!("layout-icc-no-header"));
    }
    let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    if size != bytes.len() {
        return Err(t!("layout-icc-damaged", size = size, actual = bytes.len()));
    }
    let sig = |at: usize| [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
    let space = match &sig(16) {
        b"CMYK" => DataSpace::Cmyk,
        b"GRAY" => DataSpace::Gray,
        other => DataSpace::Other(*other),
    };
    Ok(IccHeader {
        class: sig(12),
        space,
        major: bytes[8],
    })
}

/// Checks that `bytes` are an output (printer) profile of `want`'s data
/// space, the only kind a PDF/X output intent may carry.
pub fn check_output_profile(bytes: &[u8], want: DataSpace) -> Result<IccHeader, String> {
    let header = read_header(bytes)?;
    if !(2..=4).contains(&header.major) {
        return Err(t!("layout-icc-version", version = header.major));
    }
    if header.space != want {
        return Err(t!(
            "layout-icc-space",
            space = header.space.name(),
            job = want.name()
        ));
    }
    if &header.class != b"prtr" {
        let class = match &header.class {
            b"mntr" => t!("layout-icc-monitor"),
            b"scnr" => t!("layout-icc-scanner"),
            other => t!(
                "layout-icc-class",
                class = format!("{:?}", String::from_utf8_lossy(other))
            ),
        };
        return Err(t!("layout-icc-not-printer", class = class));
    }
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(class: &[u8; 4], space: &[u8; 4]) -> Vec<u8> {
        let mut b = vec![0u8; 132];
        b[..4].copy_from_slice(&132u32.to_be_bytes());
        b[8] = 2;
        b[12..16].copy_from_slice(class);
        b[16..20].copy_from_slice(space);
        b[36..40].copy_from_slice(b"acsp");
        b
    }

    #[test]
    fn only_a_printer_profile_of_the_jobs_space_passes() {
        let cmyk = header(b"prtr", b"CMYK");
        assert!(check_output_profile(&cmyk, DataSpace::Cmyk).is_ok());
        let e = check_output_profile(&cmyk, DataSpace::Gray).unwrap_err();
        assert!(
            e.contains("a profile of CMYK data, but the job prints gray"),
            "{e}"
        );
        let rgb = header(b"mntr", b"RGB ");
        let e = check_output_profile(&rgb, DataSpace::Cmyk).unwrap_err();
        assert!(e.contains("a profile of RGB data"), "{e}");
        let e = check_output_profile(&header(b"mntr", b"CMYK"), DataSpace::Cmyk).unwrap_err();
        assert!(e.contains("display"), "{e}");
        let e = check_output_profile(b"%PDF-1.7 not a profile", DataSpace::Cmyk).unwrap_err();
        assert!(e.contains("not an ICC profile"), "{e}");
        let mut short = cmyk.clone();
        short.truncate(130);
        assert!(
            check_output_profile(&short, DataSpace::Cmyk)
                .unwrap_err()
                .contains("damaged")
        );
    }
}
