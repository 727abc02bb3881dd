# Shared words and the labels in front of every message.
# Keep each English text exactly as the tests expect it.

label-error = error: { $text }
label-warning = warning: { $text }
label-note = note: { $text }

## Errors (src/diag.rs)

error-overset = overset: the body does not fit page { $page }: { $chars } characters (about { $lines } lines of { $per_line }) did not fit
error-overset-from = overset: the body does not fit page { $page }: { $chars } characters (about { $lines } lines of { $per_line }) did not fit; the page runs out in “{ $from }”
error-preflight-refuses = preflight refuses the pages:

## I/O errors: the system's own words in English.

io-not-found = { $os }
io-permission-denied = { $os }
io-already-exists = { $os }
io-is-a-directory = { $os }
io-not-a-directory = { $os }
io-storage-full = { $os }
io-read-only = { $os }
io-invalid-data = { $os }
io-unexpected-eof = { $os }
io-directory-not-empty = { $os }
io-interrupted = { $os }
io-other = { $os }

## What an invisible character does (src/han.rs), said after the character

han-invisible-line-separator = is an invisible line separator: the line breaks where it stands; remove it or start a new line
han-invisible-paragraph-separator = is an invisible paragraph separator: a new paragraph starts where it stands; remove it or leave a blank line
han-invisible-byte-order-mark = is an invisible byte-order mark inside the text (left by copying between programs); remove it
han-invisible-zero-width = is an invisible zero-width character (left by copying from web pages); remove it
han-invisible-direction-control = is an invisible direction control: it can make the text around it print backwards; remove it
