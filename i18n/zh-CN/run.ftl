# run
# 构建、批量构建、监视与发布：src/build.rs、src/batch.rs、src/watch.rs、
# src/publish.rs、src/files.rs、src/emit.rs、src/cmd/。

# 同一行中列举多项（文件、位置）时的分隔符。
run-list-separator = 、

## 构建（src/build.rs、src/files.rs、src/emit.rs、src/publish.rs）

run-fonts-changed = 排版过程中字体文件有改动：{ $files }；没有写出任何文件，请重新构建
run-output-is-file = 输出路径 { $path } 是文件，不是文件夹
run-output-under-file = 输出路径 { $path } 不能用作文件夹：{ $file } 是文件，不是文件夹
run-emit-inside = --emit-typst { $dir }: 位于构建时要读取的 { $read } 之内；请选在它之外的文件夹
run-publish-split = { $first } 和 { $other } 作为一组发布，却位于不同的文件夹
run-publish-folder = { $path } 是文件夹：不能把版面写到那里

## `banmian build`（src/cmd/mod.rs、src/cmd/build.rs）

run-grid-needs-proof = --grid 用于在清样上标出网格：请与 --format png 或 --format svg 一起使用
run-min-ppi-above-max = --min-ppi { $min_ppi } 高于 --max-ppi { $max_ppi }
# 清样构建中的印前检查错误，作为警告显示。
run-proof-refused = { $text }（付印构建会拒绝此项）
run-correction = { $location }: 将 { $from } 改为 { $to }
run-correction-place = { $place }（{ $n } 个）
run-corrections = 已将 { $marks } 个半角标点改为全角，涉及 { $places } 行：{ $list }
run-left-out = 跳过 { $dir }：其中没有 edition.toml
run-built = 已排好 { $id } 的 { $pages } 个版面，用时 { $secs } 秒

## 多期报纸（src/batch.rs、src/cmd/batch.rs）

run-batch-same-id = { $first } 和 { $second } 都是 { $id } 这一期：两者的版面会互相覆盖
run-batch-panic = { $dir }: banmian 意外出错（程序缺陷）：“{ $what }”
# 进度条：$bar、$pos、$len、$elapsed、$msg 是进度条自己的字段。
run-batch-progress = { $bar } { $pos }/{ $len } 期，已用 { $elapsed } { $msg }
run-batch-built = 已排好 { $id }（{ $pages } 个版面，{ $warnings } 条警告）
run-batch-failed-one = { $dir } 构建失败：{ $error }
run-batch-summary = 共 { $total } 期，排好 { $built } 期（{ $pages } 个版面），用时 { $secs } 秒，{ $jobs } 个线程，每秒 { $rate } 个版面{ $hidden }
run-batch-warnings-hidden = ；{ $warnings } 条警告，加 -v 可查看
run-batch-failed = { $n } 期构建失败：
run-batch-failure = - { $dir }:

## `banmian watch`（src/watch.rs、src/cmd/watch.rs）

run-watch-added = 新增 { $name }
run-watch-changed = { $name } 有改动
run-watch-removed = 删除了 { $name }
run-watch-more = 另有 { $n } 处改动
run-watch-cannot = 无法监视文件：“{ $error }”
run-watch-error = 监视文件时出错：“{ $error }”
run-watch-ctrl-c = 无法捕获 Ctrl-C：“{ $error }”
run-watching = 正在监视 { $edition }（连同版式和字体共 { $files } 个文件）；按 Ctrl-C 停止
run-watch-first-build = 首次构建
run-watch-on-change = { $what }：{ $text }
run-watch-stopped = 已停止监视
run-watch-stopped-during-build = 构建中途停止了监视
run-watch-stopping = 当前构建完成后停止（再按一次 Ctrl-C 立即停止）
run-watch-wrote = { $what }：已写出 { $files }，用时 { $ms } 毫秒（{ $warnings } 条警告）
run-watch-failed = { $what }：{ $ms } 毫秒后失败；保留上一次排好的版面
