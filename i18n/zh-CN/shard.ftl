# 分片重排：`banmian regenerate --all`、`--shard`、`--report` 和 `--summary`
# （src/archive/shard.rs、src/cmd/regenerate.rs）。

## `--shard K/N`。

shard-malformed = 不是分片的写法：应写成 K/N，即分成 N 份中的第 K 份，从 1 数起（如 1/3、2/3、3/3）
shard-no-shards = 分片总数 N 至少为 1
shard-from-one = 分片从 1 数起，应写 1/{ $count } 到 { $count }/{ $count }
shard-beyond = 一共 { $count } 片，没有第 { $index } 片：K 应在 1 到 { $count } 之间

## `regenerate --all`：每个修订版一行，最后是本分片的总数。

shard-no-range = 不限日期
shard-range = { $from } 至 { $to }
shard-date-unknown = 日期不明
shard-line-identical = { $edition } 第 { $revision } 次修订（{ $date }）：完全一致，共 { $pages } 版，用时 { $seconds } 秒
shard-line-differs = { $edition } 第 { $revision } 次修订（{ $date }）：不一致：{ $files }
shard-line-failed = { $edition } 第 { $revision } 次修订（{ $date }）：重排失败：{ $error }
shard-done = 分片 { $shard }（{ $range }）：共 { $revisions } 个修订版，{ $identical } 个完全一致，{ $differing } 个不一致，{ $failed } 个失败；共 { $pages } 版，用时 { $seconds } 秒
shard-report-is-folder = { $path } 是个文件夹：--report 后面应给一个文件名

## `regenerate --summary`：合并各分片的报告。

shard-report-unusable = { $path }：不是可用的分片报告：{ $why }
shard-report-format = 报告格式 { $format } 不是这个版本的 banmian 能读的（能读的是 { $supported }）
shard-report-bad-shard = 没有分片 { $shard } 这一片
shard-no-reports = 没有给出分片报告
shard-other-run = { $path } 是另一次运行的分片 { $shard }（{ $range }），与 { $first }（分片 { $first_shard }，{ $first_range }）不是同一次运行：只能合并同一次运行的报告
shard-twice = 分片 { $shard } 有两份报告：{ $other } 和 { $path }
shard-revision-twice = { $edition } 第 { $revision } 次修订同时出现在两份报告里：{ $other } 和 { $path }
shard-summary-missing = 缺少分片 { $shards } 的报告：这次重排不完整
shard-summary-totals = { $count } 个分片中有 { $present } 个交了报告：共 { $revisions } 个修订版，{ $identical } 个完全一致，{ $differing } 个不一致，{ $failed } 个失败；共 { $pages } 版，机器用时合计 { $seconds } 秒
shard-summary-slowest = 最慢的是 { $edition } 第 { $revision } 次修订，用时 { $seconds } 秒
shard-summary-verified = 核验通过：各分片报告齐全，所有修订版都完全一致
shard-summary-not-verified = 核验未通过

## `banmian regenerate` 新参数的帮助（英文的帮助即 src/cmd/cli.rs 里的文档注释）。

help-regenerate-all = 重排所有存档报纸的每一个修订版（加 --shard 时只重排本机分到的那一份）；有任何不一致或失败时退出码为 1
help-regenerate-from = 与 --all 合用：只重排这一天（YYYY-MM-DD）及以后的报纸
help-regenerate-to = 与 --all 合用：只重排这一天（YYYY-MM-DD）及以前的报纸
help-regenerate-shard = 与 --all 合用：只重排分成 N 份中的第 K 份（如 1/3、2/3、3/3）；按报纸编号和修订版号的固定哈希值分配，供 N 台机器分担
help-regenerate-report = 与 --all 合用：把每个修订版的重排结果写成 JSON 报告，存入这个文件
help-regenerate-summary = 合并同一次运行各分片的报告，给出总数；只有各分片报告齐全、所有修订版都完全一致时退出码才为 0
help-regenerate-json = 与 --summary 合用：以 JSON 格式输出合并后的汇总
