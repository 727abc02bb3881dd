# The archive: src/archive/**, src/archival.rs, `banmian archive …`
# (src/cmd/archive.rs) and `banmian regenerate` (src/cmd/regenerate.rs).
# Keep each English text exactly as the tests expect it.

## Shared pieces.

archive-separator = {", "}
archive-page = 第{ $page }版
archive-wrote = wrote { $path }
# $store is `fonts` or `pictures`.
archive-detail-used = a { $store ->
        [fonts] font file
       *[other] picture
    } the pages use

## Errors of the archive (src/archive/mod.rs, manifest.rs, store.rs …).

archive-font-damaged = { $path }: the archived font { $name } is damaged (run `banmian archive verify`)
archive-picture-damaged = { $path }: the archived picture { $picture } is missing or damaged (run `banmian archive verify`)
archive-no-revision-left = { $path }: no revision number is left
archive-no-edition-empty = { $path }: no edition { $quoted } in the archive (it is empty)
archive-no-edition = { $path }: no edition { $quoted } in the archive (it holds: { $editions })
archive-no-revision = { $edition } has no revision { $revision } (it has { $revisions })
archive-manifest-altered = { $path }: the manifest does not match { $sum }: it was altered (run `banmian archive verify`)
archive-manifest-unreadable = not a readable archive manifest: { $error }
archive-manifest-format = manifest format { $format } is not one this banmian reads ({ $supported })
archive-manifest-path-outside = { $quoted } is not a path inside the revision folder
archive-manifest-not-stored = { $quoted } is not a file of the archive's { $store ->
        [fonts] font
       *[other] picture
    } store
archive-manifest-misplaced = { $path }: the manifest is of { $edition } revision { $revision }, not of the folder it is in ({ $folder_edition } revision { $folder_revision }): the folder was renamed or moved (run `banmian archive verify`)
archive-house-profile = the archive keeps the house's printer profile with print.toml: put { $profile } in { $folder } (not under { $reserved })
archive-inside-edition = the archive folder { $archive } is inside the edition folder { $edition }: choose another with --archive
archive-font-changed = { $path }: the font file changed while it was archived; try again
archive-not-edition-folder = not an edition folder (no edition.toml)
archive-link-out-of-edition = a link out of the edition folder: the archive keeps only what is inside it
archive-temporary-folder = a temporary folder
archive-picture-outside-edition = { $path }: picture { $picture } is not in the edition folder
archive-index-error = { $path }: the search index: { $error }
archive-no-archive-pass = { $path }: no archive there (archive an edition first, or pass --archive)
archive-no-archive = { $path }: no archive there (archive an edition first)
archive-cmyk-pictures = page { $page } has CMYK pictures, which Typst 0.15 cannot put into a PDF/A page without an output intent; give the job a CMYK printer profile (profile and condition in edition.toml's [print] or the house print.toml) and the archived page keeps the print colours: { $pictures }

## `banmian archive EDITION`.

archive-unchanged = { $edition }: already archived as revision { $revision }; nothing added
archive-created = archived as revision { $revision }: { $pages } page(s) as PDF/A-3b; the revision folder holds { $bytes } bytes
archive-created-fonts = fonts: { $new } file(s) stored ({ $new_bytes } bytes), { $shared } already in the archive
archive-index-not-updated = the search index was not updated ({ $error }); `banmian archive reindex` rebuilds it
archive-not-indexed = not indexed: { $what }

## `banmian archive list`, `show`, `search`, `reindex`.

archive-list-revisions = { $n } revision(s), latest { $latest }
archive-list-note = : { $note }
archive-list-count = { $n } edition(s)
archive-show-revision = revision { $revision } of { $count }, archived { $archived }
archive-show-note = note: { $note }
archive-show-made-with = made with banmian { $banmian }, Typst { $typst }, pages as { $standard }
archive-show-pages = pages:
archive-show-page = 第{ $page }版 { $section } (layout { $layout })
archive-show-print = print: { $path }
archive-show-edition-pdf = edition PDF (every page): { $path }
archive-show-files = files: { $n } ({ $bytes } bytes)
archive-show-fonts = fonts (stored once, under { $path }):
archive-show-font = { $sha }  { $name }  ({ $bytes } bytes)
archive-show-revisions = revisions:
archive-search-revisions = revision { $revisions }
archive-search-count = { $n } page(s) found
archive-reindexed = indexed { $revisions } revision(s), { $passages } passage(s)

## `banmian archive verify` (src/archive/verify.rs): what is wrong with a
## file, and why.

archive-damage = { $kind }: { $path }
archive-damage-detail = { $kind }: { $path } ({ $detail })
archive-damage-missing = missing
archive-damage-altered = altered
archive-damage-extra = extra
archive-damage-misplaced = misplaced
archive-damage-link = link
archive-detail-not-followed = not followed
archive-detail-not-a-revision = not a revision
archive-detail-sum-mismatch = does not match { $sum }
archive-detail-manifest-of = its manifest is of { $edition } revision { $revision }
archive-detail-file-altered = SHA-256 { $sha } ({ $bytes } bytes), the manifest records { $recorded_sha } ({ $recorded_bytes } bytes)
archive-detail-not-in-manifest = not in the manifest
archive-detail-not-stored = not a stored { $store ->
        [fonts] font file
       *[other] picture
    }
archive-detail-not-a-file = not a regular file
archive-detail-not-inside = not a path inside the archive
archive-detail-stored-altered = SHA-256 { $sha }, stored as { $stored }
archive-detail-not-archive = not part of an archive
archive-note-unused = { $path }: a { $store ->
        [fonts] font file
       *[other] picture
    } no revision uses
archive-note-staging-running = { $path }: a revision an archive is writing now (it holds the archive's lock)
archive-note-staging-left = { $path }: left by an interrupted archive; the next archive removes it
archive-verified-intact = verified { $revisions } revision(s), { $files } file(s): all intact
archive-verified-damaged = verified { $revisions } revision(s), { $files } file(s): { $damaged } damaged

## `banmian archive diff`.

archive-diff-revisions = { $edition }: revision { $from } → revision { $to }
archive-diff-revisions-note = { $edition }: revision { $from } → revision { $to } ({ $note })
archive-diff-same = the text is the same in both revisions
archive-diff-counts = { $changes } change(s) in { $edited } edited passage(s); { $removed } passage(s) removed, { $added } added
archive-diff-no-page = no page changed: { $path } not written
archive-diff-wrote = wrote { $path }: { $pages } of revision { $to }, the changes highlighted

## `banmian regenerate` (src/archive/regenerate.rs, src/cmd/regenerate.rs).
## $kind is `PDF/A` or `print`.

archive-file-edition = edition PDF
archive-file-of-page = 第{ $page }版 { $kind }
archive-file-of-page-short = 第{ $page }版 ({ $kind })
archive-regen-identical = { $what }: identical ({ $path })
archive-regen-differs = { $what }: differs: { $detail } ({ $path })
archive-regen-all-identical = { $edition } revision { $revision }: identical
archive-regen-some-differ = { $edition } revision { $revision }: differs: { $files }
archive-regen-page-not-archived = a page the archive does not have
archive-regen-no-longer-made = the sources no longer give this file
archive-regen-unreadable = the archived PDF cannot be read: { $error }
archive-regen-bytes-differ = archived { $old_bytes } bytes, SHA-256 { $old_sha }; regenerated { $new_bytes } bytes, SHA-256 { $new_sha }
archive-regen-bytes-differ-at = archived { $old_bytes } bytes, SHA-256 { $old_sha }; regenerated { $new_bytes } bytes, SHA-256 { $new_sha }; first difference at byte { $at }
