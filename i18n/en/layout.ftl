# layout
# Composing, making up and exporting pages: src/compose.rs, src/compose/,
# src/makeup/, src/pipeline.rs, src/whole.rs, src/world.rs, src/fonts/,
# src/home.rs, src/limits.rs, src/convert.rs, src/export.rs, src/icc.rs.

## Composing a page (src/compose.rs, src/compose/news.rs)

layout-no-metadata = layout { $layout } publishes no usable <{ $label }> metadata (see layouts/feature.typ)
layout-headline-too-wide = the headline is wider than the page even at { $smallest } pt, the house's smallest headline size: shorten it, or give it as a list of phrases (one to a line)
layout-picture-unset = picture { $path } cannot be set: { $error }
layout-template-warning = layout { $layout }: { $text }
layout-news-columns = columns { $wanted }: page { $page } has only { $columns } columns
layout-news-fits-whole = the story fits its module on page { $page } whole, or too little of it does to cut: remove continues_on, or shorten the page's other stories
layout-news-headline-too-wide = the headline is wider than the page even at the house's smallest news headline size: shorten it, or give it as a list of phrases (one to a line)
layout-news-underset = underset: the { $count } stories of page { $page } cannot fill it: about { $lines } column-lines ({ $chars } characters) short: add a story, copy or a photo
layout-news-no-tiling = the { $count } stories of page { $page } take { $least } to { $most } column-lines (the page holds { $cells }) but make no page of whole modules without holes: lengthen or shorten one by a few lines, or add a photo
layout-news-continuation-tip = ; the continuation of page { $from }'s story is on this page, and how much of it comes over is set on page { $from }: by its other stories and, on page one, by the 导读 (leave pages out of it with in_index = false)

## Setting an edition (src/pipeline.rs)

layout-min-ppi-above-max = the minimum resolution { $min_ppi } ppi is above --max-ppi { $max_ppi }
layout-place-output-intent = output intent
layout-no-output-intent = no output intent: the print PDF is not PDF/X-4; set [print] profile and condition in edition.toml, or profile and condition in the house file { $house }
layout-jump-waits = the continuation of { $file } on page { $page } waits for page { $from }, which was not set
layout-overset-finding = { $chars } characters (about { $lines } lines of { $per_line }) did not fit
layout-overset-finding-from = { $chars } characters (about { $lines } lines of { $per_line }) did not fit; the page runs out in “{ $from }”

## Typst's world (src/world.rs)

layout-no-packages = packages are not available to banmian layouts

## Fonts (src/fonts/)

layout-no-font-files = { $dir }: no font files found
layout-not-a-font = { $path }: not a font file
layout-font-bus-error = a font file changed or was cut short while banmian was reading it (bus error); no page was written by this step. Run the command again once the fonts folder is settled.
# One face in `banmian fonts --variants`: style, weight (100–900), stretch.
layout-font-variant = - Style: { $style }, Weight: { $weight }, Stretch: { $stretch }
layout-font-style-normal = Normal
layout-font-style-italic = Italic
layout-font-style-oblique = Oblique

## The installation (src/home.rs)

layout-home-not-found = cannot find banmian's { $name }/ folder; pass --{ $name } or set BANMIAN_HOME
layout-home-not-a-folder = { $path }: not a folder ({ $name })

## Resource limits (src/limits.rs)

layout-limit-range = must be between 1 and { $ceiling }, not { $value }
layout-limit-setting = [limits] { $name } in edition.toml
layout-bytes = { $n } bytes
layout-bytes-whole = { $n } { $unit }
layout-bytes-fraction = { $value } { $unit } ({ $n } bytes)
layout-not-regular-file = not a regular file (a folder, device or pipe cannot be read as content)
layout-file-over-limit = the file is { $size }; the limit is { $limit } ({ $setting })
layout-decoded-over-limit = with picture { $path } the edition's pictures take { $decoded } once decoded; the limit is { $limit } ({ $setting })
layout-edition-over-limit = with this file the edition's files add up to { $used }; the limit is { $limit } ({ $setting })

## Pictures converted for print (src/convert.rs)

layout-picture-unconvertible = picture { $path } cannot be converted for print: { $error }
# The colour a picture had, for the preflight's note: “RGB (sRGB)”.
layout-picture-source = { $colour } ({ $profile })
layout-colour-grey = grey
layout-colour-rgb = RGB
layout-profile-embedded = embedded profile
layout-profile-srgb = sRGB
layout-output-profile-unreadable = the output profile: { $error }
layout-no-transform = no transform to the output profile: { $error }
layout-too-large-to-encode = { $width } × { $height } pixels is too large to encode
layout-pixels-short = the converted pixels do not fill the picture
# A decoder's or encoder's own (English) words about a picture.
layout-decoder-error = { $error }
layout-encoder-error = { $error }

## Exporting pages (src/export.rs, src/whole.rs)

layout-png-too-large = a { $width } × { $height } mm page at { $ppi } ppi would be { $megapixels } megapixels, about { $gb } GB to render; a PNG proof may have { $most }: use --ppi { $most_ppi } or less
layout-png-encoding = PNG encoding: { $error }
layout-proof-sheet-png = proof sheet PNG encoding: { $error }
layout-export-pdf = PDF export
layout-export-pdfx = PDF/X export
layout-export-pdfa = PDF/A export
layout-export-failed = { $what }: { $error }
layout-pdf-page-boxes = PDF page boxes: { $error }
layout-pdf-overprint = PDF black overprint: { $error }
layout-pdfx-intent = PDF/X output intent: { $error }
layout-pdfa-cmyk = PDF/A in CMYK: { $error }

## ICC profiles (src/icc.rs)

layout-icc-no-header = not an ICC profile (no ICC header)
layout-icc-damaged = a damaged ICC profile: its header gives { $size } bytes, the file has { $actual }
layout-icc-version = an ICC profile of version { $version }, which PDF/X-4 cannot carry (versions 2 to 4)
layout-icc-space = a profile of { $space } data, but the job prints { $job }: give the plant's { $job } printer profile
layout-icc-gray = gray
layout-icc-monitor = a display (monitor) profile
layout-icc-scanner = an input (scanner) profile
layout-icc-class = an ICC profile of class { $class }
layout-icc-not-printer = { $class }, not an output (printer) profile: give the plant's printer profile
