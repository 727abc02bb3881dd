//! In-process benchmarks of what a live `banmian watch` session does
//! (`cargo bench --bench rebuild`): a rebuild after a one-character edit of
//! the body and after a change to a layout file, each split into its
//! phases, and PDF export alone. Medians over many runs; see BENCHMARKS.md
//! for the process-level figures (cold build, memory, batch, `typst
//! compile`), which scripts/bench.sh measures.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use banmian::build::{BuildOptions, Builder, Session};
use banmian::check::check_page;
use banmian::compose::compose_page;
use banmian::data::Proof;
use banmian::export::{OutputFormat, encode};
use banmian::home::Home;
use banmian::preflight::{check_layout, check_pdf, load_font_licences};
use banmian::publish::publish;
use banmian::world::PageWorld;

const RUNS: usize = 40;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The page's print PDF as `build` encodes it (no output intent).
fn print_pdf(document: &typst_layout::PagedDocument) -> Vec<u8> {
    encode(document, OutputFormat::Pdf, 72.0, "bench/5", 0.0, None).unwrap()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let dst = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

/// Where the edits go: a body paragraph (after the lead, so the page keeps
/// its shape while the paragraph keeps its line count) and a caption (the
/// photo row is measured again, so the page is planned again).
const BODY: &str = "贫困地区电网";
const CAPTION: &str = "通山幕阜";

/// The seed with the character after `anchor` changed, differently on every
/// run, so that no run finds its paragraph in Typst's memo cache.
fn edit(article: &Path, original: &str, anchor: &str, run: usize) {
    let c = char::from_u32(0x4E00 + (37 * run as u32) % 0x5000).unwrap();
    let at = original.find(anchor).expect("anchor in the seed") + anchor.len();
    let next = original[at..].chars().next().unwrap().len_utf8();
    let text = format!("{}{c}{}", &original[..at], &original[at + next..]);
    std::fs::write(article, text).unwrap();
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let edition = tmp.path().join("xianning-2021");
    let layouts = tmp.path().join("layouts");
    copy_dir(&root.join("content/xianning-2021"), &edition);
    copy_dir(&root.join("layouts"), &layouts);
    let home = Home {
        layouts: layouts.clone(),
        fonts: root.join("fonts"),
    };
    let article = edition.join("feature.md");
    let original = std::fs::read_to_string(&article).unwrap();
    let options = BuildOptions {
        out_dir: Some(tmp.path().join("out")),
        ..BuildOptions::default()
    };

    let t = Instant::now();
    let builder = Builder::new(home.clone(), false).unwrap();
    Builder::build(&builder, &edition, &options).unwrap();
    println!(
        "first build in a fresh process (fonts loaded): {}",
        ms(t.elapsed())
    );

    // `watch` keeps a live session: an edit that keeps the page's shape is
    // placed with the last plan (one compilation); one that changes it is
    // measured and planned again (two).
    let mut session = Session::live();
    builder.build_in(&mut session, &edition, &options).unwrap();
    let mut rebuilds = |what: &str, change: &dyn Fn(usize)| {
        let times = (0..RUNS)
            .map(|run| {
                change(run);
                let t = Instant::now();
                builder.build_in(&mut session, &edition, &options).unwrap();
                let took = t.elapsed();
                typst::comemo::evict(10);
                took
            })
            .collect();
        println!(
            "live session (watch): warm rebuild after {what}: {} (median of {RUNS})",
            ms(median(times))
        );
    };
    rebuilds("a one-character body edit", &|run| {
        edit(&article, &original, BODY, run + 1000)
    });
    rebuilds("a one-character caption edit", &|run| {
        edit(&article, &original, CAPTION, run + 2000)
    });
    std::fs::write(&article, &original).unwrap();
    // A change to a layout file (a comment appended: the file is parsed
    // again, layout results that depend on it are recomputed).
    let part = layouts.join("parts/body.typ");
    let source = std::fs::read_to_string(&part).unwrap();
    rebuilds("a layout file change", &|run| {
        std::fs::write(&part, format!("{source}\n// bench {run}\n")).unwrap()
    });
    std::fs::write(&part, &source).unwrap();

    phases(&builder, &home, &edition, &article, &original, tmp.path());
}

/// The warm one-character rebuild split into its phases, in a world kept
/// alive as `watch` keeps it; and PDF export alone.
fn phases(
    builder: &Builder,
    home: &Home,
    edition: &Path,
    article: &Path,
    original: &str,
    tmp: &Path,
) {
    let fonts = std::sync::Arc::new(banmian::fonts::Fonts::load(&home.fonts, false).unwrap());
    let licences = load_font_licences(&home.fonts).unwrap();
    let mut world = PageWorld::new(&home.layouts, edition, fonts);
    let names = [
        "load",
        "compose",
        "check layout",
        "PDF export",
        "preflight PDF",
        "write",
    ];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); names.len()];
    let out: PathBuf = tmp.join("phases.pdf");
    for run in 0..RUNS {
        edit(article, original, BODY, run);
        let mut lap = Instant::now();
        let mut mark = |i: usize, times: &mut Vec<Vec<Duration>>| {
            times[i].push(lap.elapsed());
            lap = Instant::now();
        };
        let (ed, _, _) = builder.load(edition, true).unwrap();
        mark(0, &mut times);
        let page = &ed.pages[0];
        let composed = compose_page(&mut world, &ed, page, Proof::default()).unwrap();
        mark(1, &mut times);
        let composition = check_page(&composed.document, &composed.grid, page.number);
        let _ = check_layout(
            page,
            &composed,
            &composition,
            &Default::default(),
            &Default::default(),
        );
        mark(2, &mut times);
        let pdf = print_pdf(&composed.document);
        mark(3, &mut times);
        let _ = check_pdf(
            &pdf,
            &ed.format,
            page.number,
            &licences,
            &Default::default(),
        );
        mark(4, &mut times);
        publish(&[(out.clone(), pdf)]).unwrap();
        mark(5, &mut times);
        typst::comemo::evict(10);
    }
    println!("phases of the warm one-character rebuild (medians):");
    for (name, t) in names.iter().zip(times) {
        println!("  {name:<14} {}", ms(median(t)));
    }
    std::fs::write(article, original).unwrap();

    let (ed, _, _) = builder.load(edition, true).unwrap();
    let composed = compose_page(&mut world, &ed, &ed.pages[0], Proof::default()).unwrap();
    let times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let pdf = print_pdf(&composed.document);
            std::hint::black_box(pdf);
            t.elapsed()
        })
        .collect();
    println!(
        "PDF export alone (typst-pdf + page boxes + black overprint): {}",
        ms(median(times))
    );

    // The black overprint pass alone: what it adds to reading and writing
    // Typst's PDF back (which the page boxes need anyway).
    let typst_pdf = typst_pdf::pdf(&composed.document, &Default::default()).unwrap();
    let pass = |overprint: bool| -> Duration {
        let times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                let mut doc = lopdf::Document::load_mem(&typst_pdf).unwrap();
                if overprint {
                    banmian::overprint::overprint_black(&mut doc).unwrap();
                }
                let mut out = Vec::new();
                doc.save_to(&mut out).unwrap();
                std::hint::black_box(out);
                t.elapsed()
            })
            .collect();
        median(times)
    };
    let (without, with) = (pass(false), pass(true));
    println!(
        "the print pass's read and write of the PDF: {}; with black overprint: {} ({} more)",
        ms(without),
        ms(with),
        ms(with.saturating_sub(without))
    );
}
