# content: the content model (src/content/), what the desk wrote and
# what is wrong with it. Keep each English text exactly as the tests
# expect it.

## Lists in messages

# Between the items of a list (layout names, page numbers).
content-list-sep = {", "}

## Source files (source.rs)

content-file-over-limit = the file is larger than the limit ({ $source })
content-file-not-utf8 = the file is not valid UTF-8

## Display text (display.rs)

content-control-char = contains the control character U+{ $code }, which cannot be set

## edition.toml (edition.rs)

content-edition-toml-limit = edition.toml's own limit, which [limits] does not change
content-not-edition-folder = not an edition folder (no such directory)
content-paper-empty = the paper's name is empty
content-date-invalid = expected a date such as 2021-03-01 (no time)
content-masthead-cn-invalid = { $text } is not a CN number such as "CN42-0078" (国内统一连续出版物号)
content-masthead-postal-invalid = { $text } is not a 邮发代号 such as "37-35"
content-logo-not-found = logo picture { $file } not found
content-pages-empty = an edition needs at least one [[pages]] entry
content-page-no-articles = a page needs at least one article
content-page-number-range = a page number from 1 to 999
content-page-listed-twice = page { $page } is listed twice (first at { $first })
content-article-not-found = article file { $name } not found
content-article-outside = article file { $name } leads outside the edition folder
content-article-listed-twice = article file { $name } is listed twice (first at { $first })
content-article-on-two-pages = article file { $name } is listed on page { $first_page } (at { $first }) and again on page { $page }: an article is set on one page
content-edition-id-unsafe = the edition folder name { $name } is not a safe edition id (letters, digits, '-', '_', '.')
content-edition-id-reserved = the edition folder name { $name } is reserved ({ $why }): rename the folder
content-format-size = page width_mm and height_mm must be between 50 and 2000
content-format-columns = columns must be a whole number from 1 to 20
content-format-bleed = bleed_mm must be between 0 and 20
content-layouts-none = there are none
content-layouts-list = the layouts are: { $names }
content-layout-not-a-name = { $name } is not a layout name (letters, digits, '-', '_'); { $known }
content-layout-no-render = { $dir }/{ $name }.typ is not a layout (it defines no `render`); { $known }
content-layout-missing = no layout { $name } in { $dir }; { $known }
content-article-path-not-inside = { $name } must be a path inside the edition folder
content-article-not-md = { $name } is not an article (.md) file

## Article files (article.rs)

# What `headline` may be, as serde's "expected …" says it.
content-expect-headline = a string or a list of strings
content-front-matter-no-open = an article starts with a `+++` line that opens its front matter
content-front-matter-unclosed = the front matter opened here never closes (no closing `+++` line)
content-fence-invisible = this `+++` line of the front matter holds U+{ $code }, which { $what }
content-continues-on-range = continues_on = { $value }: expected the number of a page of the edition (1 to 999)
content-article-too-long = the article has { $total } characters, { $most } of them in the { $part ->
        [body] body
       *[front] front matter
    }; the limit is { $limit } ([limits] article_chars in edition.toml), far more than a page holds
content-article-no-body = the article has no body text
content-text-empty = must not be empty
content-headline-empty = the headline must have at least one non-empty phrase
content-photos-too-many = the article has { $count } photos; the limit is { $limit } ([limits] photos in edition.toml)
content-picture-missing = picture { $name } not found; a placeholder frame is set in its place
content-picture-path-outside = picture path { $name } leads outside the edition folder
content-picture-misnamed = picture { $name } is a { $format } file named .{ $ext }; it is set as the { $format } it is (rename it to end in .{ $proper })
content-focus-invalid = expected two fractions from 0 to 1, across and down, e.g. [0.5, 0.3]
content-picture-path-not-relative = picture path { $name } must be relative and stay inside the edition folder

## Photo hints (hints.rs)

content-aspect-invalid = aspect { $raw }: expected width:height such as "3:2" or "2:3", or a number such as 1.5
content-aspect-range = aspect { $raw }: a photo frame between 1:5 and 5:1 is expected
content-max-crop-invalid = max_crop { $value }: expected a fraction of the picture from 0 to 0.8
content-columns-invalid = columns { $value }: expected a whole number of columns from 1 to 20

## Pictures (picture.rs): "picture <file>" and what is wrong with it

content-picture-problem = picture { $file }: { $problem }
content-picture-empty = picture { $file } is empty (0 bytes)
content-picture-fault = picture { $file } { $fault }
content-picture-not-jpeg-png = is not a JPEG or PNG picture
content-picture-no-pixels = has no pixels ({ $width } × { $height })
content-picture-too-many-pixels = is { $width } × { $height } pixels ({ $pixels }); the limit is { $limit } pixels ({ $setting })
content-picture-too-large-decoded = would take { $size } once decoded ({ $width } × { $height } pixels); the limit is { $limit } ({ $setting })

## PNG structure (picture/png.rs), each after "picture <file>"

content-png-no-ihdr = is damaged (PNG does not start with IHDR)
content-png-no-iend = is cut short (PNG without an IEND chunk)
content-png-chunk-past-end = is cut short (a PNG chunk runs past the end of the file)
content-png-chunk-no-crc = is cut short (a PNG chunk has no checksum)
content-png-crc = is damaged (PNG chunk { $chunk } at byte { $pos } fails its CRC check)
content-png-colour-type = is damaged (unknown PNG colour type)
content-png-bit-depth = is damaged (PNG bit depth { $depth } with colour type { $colour_type })
content-png-interlace = is damaged (unknown PNG interlace method)
content-png-no-data = is damaged (PNG without image data)
content-png-inflate = is damaged (PNG image data does not inflate: { $error })
content-png-too-much = is damaged (PNG image data inflates to more than the { $expected } bytes its header implies)
content-png-too-little = is cut short (PNG image data inflates to { $total } of the { $expected } bytes its header implies)

## JPEG structure (picture/jpeg.rs), each after "picture <file>"

content-jpeg-cut = is cut short (JPEG ends inside its headers)
content-jpeg-no-end = is cut short (JPEG without its end-of-image marker)
content-jpeg-marker-expected = is damaged (JPEG marker expected)
content-jpeg-no-image-data = is damaged (JPEG ends before its image data)
content-jpeg-segment-length = is damaged (JPEG segment length)
content-jpeg-two-frames = is damaged (JPEG with two frame headers)
content-jpeg-restart-interval = is damaged (short JPEG restart interval)
content-jpeg-huffman-table = is damaged (JPEG Huffman table)
content-jpeg-data-before-frame = is damaged (JPEG data before its frame header)
content-jpeg-scan-header = is damaged (JPEG scan header)
content-jpeg-progressive-missing = is cut short (its progressive JPEG ends before every part of the picture has begun: scans are missing)
content-jpeg-data-too-small = is cut short (its JPEG image data is { $bytes } bytes, too little for { $width } × { $height } pixels)
content-jpeg-frame-short = is damaged (short JPEG frame header)
content-jpeg-components = is damaged (unknown number of JPEG colour components)
content-jpeg-sampling = is damaged (JPEG sampling factors)
content-jpeg-progressive-header = is damaged (JPEG progressive scan header)
content-jpeg-undefined-table = is damaged (JPEG scan uses a Huffman table it does not define)
content-jpeg-unknown-component = is damaged (JPEG scan of an unknown component)
content-jpeg-ac-several = is damaged (JPEG progressive AC scan of several components)
content-jpeg-stops-after = is cut short (its JPEG image data stops at byte { $at }, after { $done } of its { $total } blocks)
content-jpeg-bad-code = is damaged (a JPEG Huffman code that no table holds)
content-jpeg-stops-at = is cut short (its JPEG image data stops at byte { $at })
content-jpeg-restart-missing = is damaged (JPEG restart marker missing)

## Print configuration (print.rs)

content-house-print-limit = the house print.toml's own limit
content-ink-limit-invalid = { $value } is not an ink limit from 100 to 400 (percent total area coverage)
content-min-ppi-invalid = { $value } is not a resolution between 1 and 10000 ppi
content-colour-invalid = { $value } is not a job colour: "cmyk" or "gray"
content-intent-invalid = { $value } is not a rendering intent: "relative", "perceptual", "saturation" or "absolute"
content-profile-needs-condition = a profile needs the registered name of its printing condition: add { $prefix }condition (OutputConditionIdentifier, e.g. "FOGRA48")
content-profile-stray-field = { $name } describes the output intent's profile, and no { $prefix }profile is given
content-profile-name-empty = the profile file name is empty
content-profile-outside = profile file { $name } leads outside the edition folder
content-profile-not-found = profile file { $path } not found
content-profile-not-file = { $path } is not a file
content-profile-too-large = { $path } is { $bytes } bytes, larger than any printer profile ({ $max } MB at most)
content-profile-unreadable = cannot read { $path }: { $error }
# $why: what the profile is instead (from the ICC check).
content-profile-wrong = { $path } is { $why }

## Jump lines (jump.rs)

content-jump-listed-on-two-pages = article file { $name } is listed on page { $first_page } (at { $first }) and again on page { $page }: an article is set on one page, or continues on another with `continues_on = { $page }` in its front matter
content-jump-no-page = continues_on = { $to }: the edition has no page { $to } (its pages are { $pages })
content-jump-not-later = continues_on = { $to }: an article continues on a later page than its own ({ $from })
content-jump-not-news = continues_on = { $to }: page { $to } has layout { $layout }; a continuation is set on a news page
content-jump-whole-story = continues_on = { $to }: page { $from } (layout { $layout }) sets its story whole; a story jumps from a page of several stories (a news page, or a front page with two stories or more)

## Body text (body.rs)

content-head-empty = a section head (`## `) has no text
content-bold-unclosed = bold `**` opened here is not closed in the same paragraph

## Characters no font sets (coverage.rs)

# $char: the character as Rust quotes it ('中', '\u{200b}').
content-char-finding = U+{ $code } { $char } { $what }
content-char-private-use = is a private-use character (often a rare character as OCR or another system encoded it); check it against the original
content-char-no-font = is in no font this build can use; it would print as an empty box

## Copy checks (copy_check.rs)

content-credit-suffix = “{ $value }” already ends in { $ending }: the caption prints it as written, without adding 摄
content-copy-markup = this line begins like { $what }, which the content format does not have (only `## ` section heads and **bold**): it is printed as written
content-markup-head = a Markdown head other than `## `
content-markup-list = a Markdown list item
content-markup-quotation = a Markdown quotation
content-markup-numbered = a Markdown numbered list item
content-copy-doubled = { $pair }: a mark typed twice (or two marks where one belongs)
content-copy-unpaired = the paragraph's marks do not pair up: { $list }
content-copy-unpaired-count = { $pair } { $open } opening, { $close } closing
content-copy-unpaired-sep = {"; "}
