# Regeneration that shards: `banmian regenerate --all`, `--shard`,
# `--report` and `--summary` (src/archive/shard.rs, src/cmd/regenerate.rs).
# Keep each English text exactly as the tests expect it.

## `--shard K/N`.

shard-malformed = not a shard: write K/N, the K-th of N shares counted from 1 (1/3, 2/3, 3/3)
shard-no-shards = N, the number of shards, must be at least 1
shard-from-one = shards are counted from 1: write 1/{ $count } to { $count }/{ $count }
shard-beyond = there is no shard { $index } of { $count }: K is from 1 to { $count }

## `regenerate --all`: a line per revision, one for the shard.

shard-no-range = all dates
shard-range = { $from } – { $to }
shard-date-unknown = date unknown
shard-line-identical = { $edition } revision { $revision } ({ $date }): identical, { $pages } page(s) in { $seconds } s
shard-line-differs = { $edition } revision { $revision } ({ $date }): differs: { $files }
shard-line-failed = { $edition } revision { $revision } ({ $date }): failed: { $error }
shard-done = shard { $shard } ({ $range }): { $revisions } revision(s): { $identical } identical, { $differing } differ, { $failed } failed; { $pages } page(s) in { $seconds } s
shard-report-is-folder = { $path } is a folder: --report takes the name of a file

## `regenerate --summary`: the shards' reports merged.

shard-report-unusable = { $path }: not a usable shard report: { $why }
shard-report-format = report format { $format } is not one this banmian reads ({ $supported })
shard-report-bad-shard = there is no shard { $shard }
shard-no-reports = no shard reports given
shard-other-run = { $path } is shard { $shard } of another run ({ $range }) than { $first } (shard { $first_shard }, { $first_range }): merge the reports of one run
shard-twice = shard { $shard } is reported twice: { $other } and { $path }
shard-revision-twice = { $edition } revision { $revision } is in two reports: { $other } and { $path }
shard-summary-missing = missing { $count ->
        [one] shard
       *[other] shards
    } { $shards }: no report given, the run is incomplete
shard-summary-totals = { $present } of { $count } shard(s) reported: { $revisions } revision(s): { $identical } identical, { $differing } differ, { $failed } failed; { $pages } page(s), { $seconds } s of machine time
shard-summary-slowest = slowest: { $edition } revision { $revision }, { $seconds } s
shard-summary-verified = verified: every shard reported, every revision identical
shard-summary-not-verified = not verified
