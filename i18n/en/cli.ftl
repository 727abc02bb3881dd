# The command line (src/cmd/cli.rs, src/cmd/help.rs).
# `--help` in English is the doc comments of src/cmd/cli.rs; their Chinese
# is the `help-…` messages of zh-CN/cli.ftl, which have no English here.

## Value parsers: the reason after “invalid value 'x' for '--option'”.

cli-not-a-date = { $quoted } is not a date such as 2021-03-01
cli-not-a-number = { $quoted } is not a number
cli-ppi-range = ppi must be between 10 and 1200
cli-ink-limit-range = an ink limit between 100 and 400 (percent)
cli-resolution-range = a resolution between 1 and 10000 ppi

## clap's own words: help headings, the built-in --help, --version and
## `help`, argument errors. Only the Chinese is shown: English output is
## clap's own, and these English texts are what each one stands for.

cli-clap-usage = Usage:
cli-clap-commands = Commands:
cli-clap-arguments = Arguments:
cli-clap-options = Options:
cli-clap-options-placeholder = {"["}OPTIONS]
cli-clap-command-placeholder = COMMAND
cli-clap-default = {"["}default: { $value }]
cli-clap-help = Print help
cli-clap-help-short = Print help (see more with '--help')
cli-clap-help-long = Print help (see a summary with '-h')
cli-clap-version = Print version
cli-clap-help-command = Print this message or the help of the given subcommand(s)
cli-clap-help-command-arg = Print help for the subcommand(s)

cli-clap-unknown-option = unexpected argument '{ $arg }' found
cli-clap-unknown-option-tip = unexpected argument '{ $arg }' found; a similar argument exists: { $tips }
cli-clap-extra-argument = unexpected argument '{ $arg }' found
cli-clap-unknown-command = unrecognized subcommand '{ $name }'
cli-clap-unknown-command-tip = unrecognized subcommand '{ $name }'; a similar subcommand exists: { $tips }
cli-clap-missing-value = a value is required for '{ $arg }' but none was supplied
cli-clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-clap-invalid-value-tip = invalid value '{ $value }' for '{ $arg }'; a similar value exists: { $tips }
cli-clap-possible-values = {"["}possible values: { $values }]
cli-clap-rejected-value = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-clap-reason-not-integer = invalid digit found in string
cli-clap-reason-empty = cannot parse integer from empty string
cli-clap-reason-too-large = number too large to fit in target type
cli-clap-reason-range = { $value } is not in { $min }..={ $max }
cli-clap-reason-at-least = { $value } is not in { $min }..
cli-clap-missing-arguments = the following required arguments were not provided:
cli-clap-missing-command = '{ $name }' requires a subcommand but one was not provided
cli-clap-possible-commands = {"["}subcommands: { $names }]
cli-clap-used-twice = the argument '{ $arg }' cannot be used multiple times
cli-clap-conflict = the argument '{ $arg }' cannot be used with { $others }
cli-clap-conflict-command = the subcommand '{ $name }' cannot be used with { $others }
cli-clap-other-arguments = one or more of the other specified arguments
cli-clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-clap-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $actual ->
    [one] { $actual } was
   *[other] { $actual } were
} provided
cli-clap-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-clap-unreadable = the command line could not be read
cli-clap-tip-as-value = to pass '{ $arg }' as a value, use '-- { $arg }'
cli-clap-tip-as-value-after = to pass '{ $arg }' as a value, use '{ $name } -- { $arg }'
cli-clap-tip-in-subcommand = '{ $usage }' exists
cli-clap-tip-remove-dash-dash = subcommand '{ $name }' exists; to use it, remove the '--' before it
cli-clap-try-help = For more information, try '{ $flag }'.
cli-clap-quoted = '{ $text }'
cli-clap-list-separator = {", "}
cli-clap-or = {" or "}
