# TOML's and serde's error messages (src/content/toml_de/). English keeps
# the libraries' wording, with plain words for Rust's type names.

toml-invalid-type = invalid type: { $found }, expected { $expected }
toml-invalid-value = invalid value: { $found }, expected { $expected }
toml-invalid-length = invalid length { $n }, expected { $expected }
toml-missing-field = missing field `{ $field }`
toml-duplicate-field = duplicate field `{ $field }`
toml-unknown-field = unknown field `{ $name }`, expected { $count ->
    [one] { $choices }
   *[other] one of { $choices }
}
toml-unknown-field-none = unknown field `{ $name }`, there are no fields
toml-unknown-variant = unknown variant `{ $name }`, expected { $count ->
    [one] { $choices }
   *[other] one of { $choices }
}
toml-unknown-variant-none = unknown variant `{ $name }`, there are no variants
toml-list-separator = { ", " }
toml-did-you-mean = ; did you mean `{ $name }`?

## What was found

toml-found-string = string { $value }
toml-found-integer = integer { $value }
toml-found-float = floating point { $value }
toml-found-boolean = boolean { $value }
toml-found-character = character { $value }
toml-found-list = sequence
toml-found-table = map
toml-found-nothing = unit value

## What a field wants

toml-expected-whole-number = a whole number
toml-expected-number = a number
toml-expected-string = a string
toml-expected-boolean = true or false
toml-expected-character = a single character
toml-expected-list = a list [ … ]
toml-expected-table = a table
toml-expected-string-or-list = a string or a list of strings
toml-expected-datetime = a date such as 2021-03-01

## TOML syntax

toml-syntax-other = { $text }
toml-syntax-expected = { $description }, expected { $expected }
toml-syntax-unquoted-string = string values must be quoted
toml-syntax-unquoted-string-expected = string values must be quoted, expected { $expected }
toml-syntax-duplicate-key = duplicate key
toml-syntax-invalid-string = invalid string
toml-syntax-invalid-basic-string = invalid basic string
toml-syntax-invalid-multiline-string = invalid multi-line basic string
toml-syntax-invalid-literal-string = invalid literal string
toml-syntax-invalid-key = invalid unquoted key
toml-syntax-key-without-value = key with no value
toml-syntax-missing-value = missing value
toml-syntax-invalid-value = invalid value
toml-syntax-missing-assignment = missing assignment between key-value pairs
toml-syntax-extra-assignment = extra assignment between key-value pairs
toml-syntax-missing-comma-array = missing comma between array elements
toml-syntax-missing-comma-table = missing comma between key-value pairs
toml-syntax-extra-comma = extra comma
toml-syntax-unclosed-array = unclosed array
toml-syntax-unclosed-table = unclosed table
toml-syntax-unclosed-inline-table = unclosed inline table
toml-syntax-missing-opening-quote = missing opening quote
toml-syntax-bad-escape = invalid escape: a backslash must be followed by an escape such as \n, \" or \u and four hex digits
toml-syntax-unexpected-content = unexpected content
toml-syntax-invalid-comment = invalid comment character
toml-syntax-leading-zero = unexpected leading zero
toml-syntax-lone-carriage-return = carriage return must be followed by newline
toml-syntax-number-too-large = the number is too large
toml-syntax-empty-key = unquoted keys cannot be empty
toml-syntax-invalid-pair = invalid key-value pair
toml-want-literal-string = literal string
toml-want-basic-string = basic string
toml-want-multiline-string = multi-line basic string
toml-want-key = key
toml-want-value = value
toml-want-digits = digits
toml-want-nothing = nothing
toml-want-letters = letters

## What an input method types where TOML wants ASCII

toml-full-width-quotes = the value is in full-width quotes “…”: TOML needs straight double quotes "…" round text (type them with the input method in English mode)
toml-full-width-equals = a full-width equals sign ＝: TOML needs a straight = between a field and its value (type it with the input method in English mode)
toml-surrogate = `{ $escape }` is a UTF-16 surrogate, half of a pair, which is no character and cannot stand alone in TOML: write the character itself, or `\U` and its full code point (such as `\U0001F600`)

## Dates and times (the TOML date parser's words)

toml-syntax-too-deep = cannot recurse further; max recursion depth met
toml-syntax-invalid-date = invalid date
toml-syntax-invalid-time = invalid time
toml-syntax-invalid-offset = invalid offset
toml-syntax-invalid-datetime = invalid datetime
toml-want-year = a four-digit year (YYYY)
toml-want-two-digit = a two-digit { $unit } ({ $unit ->
    [month] MM
    [day] DD
    [hour] HH
    [minute] MM
   *[second] SS
})
toml-want-between = { $unit } between { $low } and { $high }
toml-unit-year-or-hour = year or hour
toml-unit-month = month
toml-unit-day = day
toml-unit-hour = hour
toml-unit-minute = minute
toml-unit-second = second
toml-unit-nanosecond = nanosecond
