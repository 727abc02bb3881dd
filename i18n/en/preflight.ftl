# The preflight (印前检查): its findings (src/preflight/**) and
# `banmian preflight` (src/cmd/preflight.rs).
# Keep each English text exactly as the tests expect it.

## A finding as printed, after its label (`error: `):
## `Pictures: page 5, photos[0] a.jpg: … (articles/a.md:3:1)`.

preflight-finding-page = { $check }: page { $page }
preflight-finding-place = { $head }, { $place }
preflight-finding = { $head }: { $message }
preflight-finding-source = { $text } ({ $source })

## The checks, as a finding names them. English keeps the names the code
## gives them (scripts grep `error: Ink:`).

preflight-check-overset = Overset
preflight-check-underset = Underset
preflight-check-tofu = Tofu
preflight-check-fonts = Fonts
preflight-check-pictures = Pictures
preflight-check-colours = Colours
preflight-check-ink = Ink
preflight-check-geometry = Geometry
preflight-check-pdfx = Pdfx
preflight-check-composition = Composition

## Where a finding is.

preflight-place-page = page
preflight-place-page-content = page content
preflight-place-edition-pdf = edition PDF
preflight-place-column = column { $column }
preflight-place-line = { $region }, line { $line }
preflight-place-column-line = column { $column }, line { $line }
preflight-place-columns-lines = columns { $first_col }–{ $last_col }, lines { $first_line }–{ $last_line }
preflight-place-font = font { $name }
preflight-place-colour-space = colour space { $name }
preflight-place-gradient-space = colour space of a gradient

## The elements of a planned page, as its plan names them.

preflight-element-story-photo = story { $story } photos[{ $index }]
preflight-element-story = story { $story } { $kind }
preflight-element-head = head
preflight-element-body = body
preflight-element-photo = photo
preflight-element-quotes = quotes
preflight-element-milestones = milestones
preflight-element-staff = staff
preflight-element-masthead = masthead
preflight-element-index = index

## The laid-out page: composition, holes, placement (mod.rs, layout.rs).

preflight-composition = { $detail }: “{ $text }”
preflight-column-foot-empty = { $empty } of { $holds } lines empty at the foot of the column
preflight-outside-type-area = runs outside the type area (columns { $first_col }–{ $last_col } of { $columns }, lines { $first_line }–{ $last_line } of { $lines })
preflight-overlaps = overlaps { $other }
preflight-crop = the frame cuts away { $crop }% of the picture (the limit is { $limit }%)
preflight-hole-between-stories = a hole between the stories: { $n } column-lines no module covers
preflight-hole = a hole: { $columns } columns by { $lines } lines left empty (at least { $width } × { $height } mm shows as a hole): add copy or photos
preflight-underset = underset: { $share }% of the type area under the head is empty ({ $empty } column-lines; at most { $most }% may be): add copy or photos, or set a larger picture

## The PDF read back: boxes, fonts, colours (pdf.rs).

preflight-pdf-unreadable = the PDF cannot be read back: { $error }
preflight-pdf-pages-not-one = { $n } pages, expected one
preflight-pdf-pages = { $n } pages, expected { $expected }
preflight-box-missing = missing
preflight-media-box = { $width } × { $height } mm, expected { $want_width } × { $want_height } mm
preflight-trim-box = { $width } × { $height } mm at { $at } mm, expected the trim { $trim_width } × { $trim_height } mm
preflight-bleed-box = { $width } × { $height } mm, expected the trim and { $bleed } mm of bleed: { $want_width } × { $want_height } mm
preflight-font-unnamed = (unnamed)
preflight-font-not-embedded = not embedded
preflight-font-not-subset = embedded whole, not as a subset
preflight-font-licence-unknown = licence unknown: not listed in fonts/fonts.toml
preflight-rgb-operators = { $n } RGB colour setting(s) (rg/RG)
preflight-rgb-space = an RGB colour space is used
preflight-transparency = transparency: { $what }
preflight-transparency-image-mask = an image with a soft mask
preflight-transparency-opacity = opacity { $key } below 100%
preflight-transparency-soft-mask = a soft mask

## A grey job's colours (grey.rs).

preflight-grey-colour = a CMYK colour with cyan/magenta/yellow in a grey job: { $cmyk } ({ $what }; set { $times } time(s)): give it K only in the layouts' grey colours (layouts/style.typ)
preflight-grey-more-colours = { $n } more CMYK colours with cyan/magenta/yellow in a grey job
preflight-grey-pictures = { $n } picture(s) in colour ({ $spaces }) in a grey job: convert them to grey
preflight-grey-tint = a light tint: a box's ground?
preflight-grey-red = red: the accent of the masthead, folio, box rules or dates?
preflight-grey-rich-black = a rich black or a dark mix
preflight-grey-blue = blue or violet
preflight-grey-green = green
preflight-grey-cyan = cyan or blue: proof marks?
preflight-grey-magenta = magenta or pink
preflight-grey-yellow = yellow
preflight-unknown-space = an unknown space

## Total ink (ink.rs).

preflight-ink-no-ghostscript = the total ink was not measured: Ghostscript (gs) is not installed (apt-get install ghostscript)
preflight-ink-not-measured = the total ink could not be measured: { $why }
preflight-ink-place = { $left } mm from the left, { $top } mm from the top
preflight-ink-over = total ink { $percent }% over { $square } × { $square } mm, above the limit of { $limit }% (about { $area } of the page is over it): a picture or a fill too dark for the paper; reduce its ink (GCR) or lighten it
preflight-ink-unwritable = the page cannot be written for Ghostscript: { $error }
preflight-ink-no-temp-folder = no temporary folder: { $error }
preflight-ink-gs-did-not-start = Ghostscript did not start: { $error }
preflight-ink-gs-failed = Ghostscript failed ({ $status }): { $said }
preflight-ink-unreadable-rendering = Ghostscript wrote no CMYK rendering that can be read

## Pictures (pictures.rs). $mode and $job are `Gray`, `Rgb` or `Cmyk`.

preflight-picture-missing = picture missing; a placeholder frame is set
preflight-picture-mode = { $mode } picture in a { $job } job (convert it before release)
# $to is `grey` or `CMYK`.
preflight-picture-converted = converted from { $from } to the output profile's { $to } for print (the file itself is unchanged)
preflight-picture-size = { $width }×{ $height } px placed at { $placed_width }×{ $placed_height } mm
preflight-picture-low-ppi = { $ppi } ppi effective, below the minimum of { $min } ppi ({ $size })
preflight-picture-high-ppi = { $ppi } ppi effective, above { $max } ppi: only costs bytes ({ $size })

## `banmian preflight`'s last line.

preflight-summary = preflight of { $edition }: { $errors } error(s), { $warnings } warning(s)
preflight-summary-notes = preflight of { $edition }: { $errors } error(s), { $warnings } warning(s), { $notes } note(s)
