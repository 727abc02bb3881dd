//! A rebuild in a live world places the last plan when the edit keeps the
//! page's shape, and plans again when it does not — and either way the
//! page is byte for byte what a fresh build makes.

use std::path::Path;
use std::sync::Arc;

use banmian::compose::{ComposedPage, compose_page};
use banmian::data::Proof;
use banmian::export::{OutputFormat, encode};
use banmian::fonts::Fonts;
use banmian::home::Home;
use banmian::pipeline::Builder;
use banmian::world::PageWorld;

use crate::support::{copy_edition, edit, root, seed};

/// Sets the edition's first page in `world`.
fn compose(builder: &Builder, world: &mut PageWorld, dir: &Path) -> ComposedPage {
    let (edition, _, _) = builder.load(dir, true).unwrap();
    compose_page(world, &edition, &edition.pages[0], Proof::default()).unwrap()
}

fn pdf(page: &ComposedPage) -> Vec<u8> {
    encode(&page.document, OutputFormat::Pdf, 72.0, "test/5", 0.0, None).unwrap()
}

#[test]
fn a_rebuild_places_the_last_plan_while_the_page_keeps_its_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_edition(&seed(), tmp.path(), "xianning-2021");
    let home = Home {
        layouts: root().join("layouts"),
        fonts: root().join("fonts"),
    };
    let fonts = Arc::new(Fonts::load(&home.fonts, false).unwrap());
    let builder = Builder::with_fonts(home.clone(), fonts.clone());
    let mut live = PageWorld::new(&home.layouts, &dir, fonts.clone());
    let fresh = |dir: &Path| {
        let mut world = PageWorld::new(&home.layouts, dir, fonts.clone());
        compose(&builder, &mut world, dir)
    };

    let first = compose(&builder, &mut live, &dir);
    assert_eq!(first.compilations, 2, "measure, then place");

    // One character of a body paragraph (not the lead): the paragraph keeps
    // its line count, so the last plan is placed again.
    let article = dir.join("feature.md");
    edit(&article, "贫困地区电网供电", "贫困地区电网送电");
    let placed = compose(&builder, &mut live, &dir);
    assert_eq!(placed.compilations, 1, "the last plan placed again");
    let made = fresh(&dir);
    assert_eq!(made.compilations, 2);
    assert!(
        pdf(&placed) == pdf(&made),
        "placed with the last plan ≠ a fresh build"
    );

    // A caption: the photos are measured again, and the page planned again.
    edit(&article, "通山幕阜山", "通山幕埠山");
    let replanned = compose(&builder, &mut live, &dir);
    assert_eq!(replanned.compilations, 2, "measured and planned again");
    assert!(pdf(&replanned) == pdf(&fresh(&dir)));

    // A sentence more in a body paragraph: its line count changes, the
    // placed page shows it, and the page is planned again.
    edit(
        &article,
        "贫困地区电网送电",
        "贫困地区电网送电（此处为测试加入的一句较长的文字，使这一段多出几行）",
    );
    let longer = compose(&builder, &mut live, &dir);
    assert_eq!(longer.compilations, 3, "placed, then measured and placed");
    assert!(pdf(&longer) == pdf(&fresh(&dir)));

    // A layout file changed: the last plan is not trusted.
    let layouts = copy_edition(&home.layouts, tmp.path(), "layouts");
    let mut world = PageWorld::new(&layouts, &dir, fonts.clone());
    compose(&builder, &mut world, &dir);
    let style = layouts.join("style.typ");
    let text = std::fs::read_to_string(&style).unwrap();
    std::fs::write(&style, format!("{text}\n// changed\n")).unwrap();
    let after = compose(&builder, &mut world, &dir);
    assert_eq!(after.compilations, 2, "a changed layout is measured again");
}
