# The composition checker (clreq line rules): its findings (src/check/**)
# and `banmian check` (src/cmd/check.rs).
# Keep each English text exactly as the tests expect it.

check-finding = page { $page }, { $region }, line { $line }: { $detail }: “{ $text }”

## Regions of the page (JSON keeps them in English).

check-region-column = column { $column }
check-region-head = head
check-region-sidebar = sidebar
check-region-photos = photos
check-region-foot = foot

## What breaks a rule.

check-line-start = line starts with “{ $mark }”
check-line-end = line ends with “{ $mark }”
check-split-pair = “{ $pair }” is split across lines
check-single-char-line = a paragraph ends in a line of a single character
check-half-width = half-width “{ $marks }” between Chinese characters
# The code point must follow `U+` (the preflight reads the character back).
check-tofu = no font has U+{ $code } “{ $character }”
check-head-at-foot = section head at the foot of the column
check-widow = the column opens with a paragraph's last line
check-grid = holds { $cells } characters on a grid of { $grid }

## `banmian check`.

check-grid-of-page = page { $page }: { $columns } columns of { $chars } characters
check-summary = { $n } composition finding(s) in { $edition }
