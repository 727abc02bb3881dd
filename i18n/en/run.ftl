# run
# Building, batches, watching and publishing: src/build.rs, src/batch.rs,
# src/watch.rs, src/publish.rs, src/files.rs, src/emit.rs, src/cmd/.

# Between the items of a list on one line (files, places).
run-list-separator = {", "}

## Building (src/build.rs, src/files.rs, src/emit.rs, src/publish.rs)

run-fonts-changed = font file(s) changed while the pages were being set: { $files }; nothing was written, run the build again
run-output-is-file = the output path { $path } is a file, not a folder
run-output-under-file = the output path { $path } cannot be a folder: { $file } is a file, not a folder
run-emit-inside = --emit-typst { $dir }: inside { $read }, which builds read; choose a folder outside it
run-publish-split = { $first } and { $other } are published as one set but lie in different folders
run-publish-folder = { $path } is a folder: a page cannot be written there

## `banmian build` (src/cmd/mod.rs, src/cmd/build.rs)

run-grid-needs-proof = --grid marks proofs: use it with --format png or --format svg
run-min-ppi-above-max = --min-ppi { $min_ppi } is above --max-ppi { $max_ppi }
# A preflight error of a proof build, shown as a warning.
run-proof-refused = { $text } (a print build refuses this)
run-correction = { $location }: set { $from } as { $to }
run-correction-place = { $place } ({ $n })
run-corrections = set { $marks } half-width marks full-width at { $places } places: { $list }
run-left-out = { $dir } is left out: no edition.toml in it
run-built = built { $pages } page(s) of { $id } in { $secs } s

## Several editions (src/batch.rs, src/cmd/batch.rs)

run-batch-same-id = { $first } and { $second } are both edition { $id }: their pages would overwrite each other
run-batch-panic = { $dir }: banmian failed unexpectedly (a bug): { $what }
# The progress bar: $bar, $pos, $len, $elapsed and $msg are the bar's own fields.
run-batch-progress = { $bar } { $pos }/{ $len } editions, { $elapsed } { $msg }
run-batch-built = built { $id } ({ $pages } page(s), { $warnings } warning(s))
run-batch-failed-one = failed { $dir }: { $error }
run-batch-summary = built { $built } of { $total } editions ({ $pages } pages) in { $secs } s with { $jobs } thread(s), { $rate } pages/s{ $hidden }
run-batch-warnings-hidden = ; { $warnings } warning(s), shown with -v
run-batch-failed = { $n } edition(s) failed:
run-batch-failure = - { $dir }:

## `banmian watch` (src/watch.rs, src/cmd/watch.rs)

run-watch-added = { $name } added
run-watch-changed = { $name } changed
run-watch-removed = { $name } removed
run-watch-more = { $n } more
run-watch-cannot = cannot watch files: { $error }
run-watch-error = watching files: { $error }
run-watch-ctrl-c = cannot catch Ctrl-C: { $error }
run-watching = watching { $edition } ({ $files } files with the layouts and fonts); Ctrl-C stops
run-watch-first-build = first build
run-watch-on-change = { $what }: { $text }
run-watch-stopped = watch stopped
run-watch-stopped-during-build = watch stopped during a build
run-watch-stopping = stopping after the build in progress (Ctrl-C again stops at once)
run-watch-wrote = { $what }: wrote { $files } in { $ms } ms ({ $warnings } warning(s))
run-watch-failed = { $what }: failed after { $ms } ms; the last good page is kept
