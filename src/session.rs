//! What one build leaves for the next build of the same edition: the Typst
//! worlds, with their file caches, so unchanged files are not parsed again
//! and Typst's memoised layout is reused.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::archival::OUTPUT_INPUT;
use crate::fonts::Fonts;
use crate::world::PageWorld;

/// The `sys.inputs` key that tells layouts the job prints in black only
/// (`--colour gray`): `style.typ` then gives every role a K-only colour.
pub const COLOUR_INPUT: &str = "banmian-colour";

/// A world, the edition folder and the `sys.inputs` it was made for.
type Slot = Option<(PathBuf, Vec<(String, String)>, PageWorld)>;

/// The worlds pages are compiled in. `watch` keeps one session alive;
/// one-off builds start from an empty one. The output does not depend on
/// it, only the time a build takes.
#[derive(Default)]
pub struct Session {
    /// The world print pages and proofs are compiled in (its layouts see
    /// `sys.inputs` [`COLOUR_INPUT`] = `gray` in a grey job).
    world: Slot,
    /// The world archived (PDF/A) pages are compiled in: its layouts see
    /// `sys.inputs` [`OUTPUT_INPUT`] = `archive`.
    archive: Slot,
}

impl Session {
    /// A session for a desk waiting on its rebuilds (`watch`): its worlds
    /// stay warm from one rebuild to the next.
    pub fn live() -> Self {
        Self::default()
    }

    /// The world for print pages of the edition in `dir`; `gray` when the
    /// job prints in black only.
    pub(crate) fn world(
        &mut self,
        layouts: &Path,
        dir: &Path,
        fonts: &Arc<Fonts>,
        gray: bool,
    ) -> &mut PageWorld {
        let inputs: &[(&str, &str)] = if gray { &[(COLOUR_INPUT, "gray")] } else { &[] };
        slot(&mut self.world, layouts, dir, fonts, inputs)
    }

    /// The world for archived pages of the edition in `dir`.
    pub(crate) fn archive_world(
        &mut self,
        layouts: &Path,
        dir: &Path,
        fonts: &Arc<Fonts>,
    ) -> &mut PageWorld {
        slot(
            &mut self.archive,
            layouts,
            dir,
            fonts,
            &[(OUTPUT_INPUT, "archive")],
        )
    }

    /// The files of the layouts folder the session's worlds have read,
    /// relative to it, sorted and without repeats.
    pub(crate) fn used_layouts(&self) -> Vec<PathBuf> {
        let mut used: Vec<PathBuf> = [&self.world, &self.archive]
            .into_iter()
            .flatten()
            .flat_map(|(_, _, w)| w.used_layouts())
            .collect();
        used.sort();
        used.dedup();
        used
    }
}

/// The world kept in `slot`, replaced when it was made for another edition
/// folder, other fonts or other inputs.
fn slot<'a>(
    slot: &'a mut Slot,
    layouts: &Path,
    dir: &Path,
    fonts: &Arc<Fonts>,
    inputs: &[(&str, &str)],
) -> &'a mut PageWorld {
    let owned: Vec<(String, String)> = (inputs.iter())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let fresh = match slot {
        Some((d, i, w)) => d != dir || *i != owned || !w.uses(fonts),
        None => true,
    };
    if fresh {
        let world = PageWorld::new(layouts, dir, fonts.clone());
        let world = if inputs.is_empty() {
            world
        } else {
            world.with_inputs(inputs)
        };
        *slot = Some((dir.to_path_buf(), owned, world));
    }
    &mut slot.as_mut().expect("just set").2
}
