# 存档：src/archive/**、src/archival.rs、`banmian archive …`（src/cmd/archive.rs）
# 和 `banmian regenerate`（src/cmd/regenerate.rs）。

## 共用的词语。

archive-separator = 、
archive-page = 第{ $page }版
archive-wrote = 已写出 { $path }
# $store 为 fonts 或 pictures（只用来选词）。
archive-detail-used = 版面用到的{ $store ->
        [fonts] 字体文件
       *[other] 图片
    }

## 存档的错误。

archive-font-damaged = { $path }：存档中的字体 { $name } 已损坏（请运行 `banmian archive verify`）
archive-picture-damaged = { $path }：存档中的图片 { $picture } 缺失或已损坏（请运行 `banmian archive verify`）
archive-no-revision-left = { $path }：修订号已经用完
archive-no-edition-empty = { $path }：存档里没有“{ $edition }”这一期（存档是空的）
archive-no-edition = { $path }：存档里没有“{ $edition }”这一期（存档里有：{ $editions }）
archive-no-revision = { $edition } 没有第 { $revision } 次修订（现有：{ $revisions }）
archive-manifest-altered = { $path }：清单与 { $sum } 不符，已被改动（请运行 `banmian archive verify`）
archive-manifest-unreadable = 不是可读的存档清单：{ $error }
archive-manifest-format = 清单格式 { $format } 不是这个版本的 banmian 能读的（应为 { $supported }）
archive-manifest-path-outside = { $quoted } 不是修订版文件夹里的路径
archive-manifest-not-stored = { $quoted } 不是存档{ $store ->
        [fonts] 字体库
       *[other] 图片库
    }中的文件
archive-manifest-misplaced = { $path }：这份清单属于 { $edition } 第 { $revision } 次修订，不属于它所在的文件夹（{ $folder_edition } 第 { $folder_revision } 次修订）：文件夹被改名或移动过（请运行 `banmian archive verify`）
archive-house-profile = 存档把报社的印刷特性文件和 print.toml 保存在一起：请把 { $profile } 放在 { $folder } 里（不要放在 { $reserved } 下）
archive-inside-edition = 存档文件夹 { $archive } 在报纸文件夹 { $edition } 里面：请用 --archive 另选一个
archive-font-changed = { $path }：存档过程中字体文件被改动了；请重试
archive-not-edition-folder = 不是一期报纸的文件夹（没有 edition.toml）
archive-link-out-of-edition = 链接指向报纸文件夹之外：存档只保存文件夹里面的内容
archive-temporary-folder = 临时文件夹
archive-picture-outside-edition = { $path }：图片 { $picture } 不在报纸文件夹里
archive-index-error = { $path }：检索索引出错：{ $error }
archive-no-archive-pass = { $path }：这里没有存档（请先存档一期报纸，或用 --archive 指定存档）
archive-no-archive = { $path }：这里没有存档（请先存档一期报纸）
archive-cmyk-pictures = 第 { $page } 版有 CMYK 图片，没有输出意图（output intent）时 Typst 0.15 无法把它们放进 PDF/A 版面；请给作业配置 CMYK 印刷特性文件（edition.toml 的 [print] 或报社 print.toml 中的 profile 和 condition），存档的版面就会保留印刷颜色：{ $pictures }

## `banmian archive EDITION`。

archive-unchanged = { $edition }：已存档为第 { $revision } 次修订，内容没有变化，未新增
archive-created = 已存档为第 { $revision } 次修订：{ $pages } 个版面存为 PDF/A-3b；修订版文件夹共 { $bytes } 字节
archive-created-fonts = 字体：新存 { $new } 个文件（{ $new_bytes } 字节），{ $shared } 个已在存档中
archive-index-not-updated = 检索索引没有更新（{ $error }）；可用 `banmian archive reindex` 重建
archive-not-indexed = 未编入索引：{ $what }

## `banmian archive list`、`show`、`search`、`reindex`。

archive-list-revisions = 共 { $n } 次修订，最新为第 { $latest } 次
archive-list-note = ：{ $note }
archive-list-count = 共 { $n } 期
archive-show-revision = 第 { $revision } 次修订（共 { $count } 次），存档于 { $archived }
archive-show-note = 说明：{ $note }
archive-show-made-with = 用 banmian { $banmian }、Typst { $typst } 制作，版面存为 { $standard }
archive-show-pages = 版面：
archive-show-page = 第{ $page }版 { $section }（版式 { $layout }）
archive-show-print = 印刷 PDF：{ $path }
archive-show-edition-pdf = 整期 PDF（全部版面）：{ $path }
archive-show-files = 文件：{ $n } 个（{ $bytes } 字节）
archive-show-fonts = 字体（只存一份，在 { $path } 下）：
archive-show-font = { $sha }  { $name }  （{ $bytes } 字节）
archive-show-revisions = 修订记录：
archive-search-revisions = 修订 { $revisions }
archive-search-count = 找到 { $n } 个版面
archive-reindexed = 已编入索引：{ $revisions } 次修订，{ $passages } 段文字

## `banmian archive verify`：文件出了什么问题，原因。

archive-damage = { $kind }：{ $path }
archive-damage-detail = { $kind }：{ $path }（{ $detail }）
archive-damage-missing = 缺失
archive-damage-altered = 被改动
archive-damage-extra = 多余
archive-damage-misplaced = 放错位置
archive-damage-link = 链接
archive-detail-not-followed = 不跟随链接
archive-detail-not-a-revision = 不是修订版
archive-detail-sum-mismatch = 与 { $sum } 不符
archive-detail-manifest-of = 其清单属于 { $edition } 第 { $revision } 次修订
archive-detail-file-altered = SHA-256 为 { $sha }（{ $bytes } 字节），清单记录为 { $recorded_sha }（{ $recorded_bytes } 字节）
archive-detail-not-in-manifest = 清单里没有
archive-detail-not-stored = 不是存档保存的{ $store ->
        [fonts] 字体文件
       *[other] 图片
    }
archive-detail-not-a-file = 不是普通文件
archive-detail-not-inside = 不是存档里的路径
archive-detail-stored-altered = SHA-256 为 { $sha }，保存时为 { $stored }
archive-detail-not-archive = 不属于存档
archive-note-unused = { $path }：没有任何修订版用到的{ $store ->
        [fonts] 字体文件
       *[other] 图片
    }
archive-note-staging-running = { $path }：正在写入的修订版（它持有存档的锁）
archive-note-staging-left = { $path }：中断的存档留下的，下次存档时会删除
archive-verified-intact = 已校验 { $revisions } 次修订、{ $files } 个文件：全部完好
archive-verified-damaged = 已校验 { $revisions } 次修订、{ $files } 个文件：{ $damaged } 处损坏

## `banmian archive diff`。

archive-diff-revisions = { $edition }：第 { $from } 次修订 → 第 { $to } 次修订
archive-diff-revisions-note = { $edition }：第 { $from } 次修订 → 第 { $to } 次修订（{ $note }）
archive-diff-same = 两次修订的文字完全相同
archive-diff-counts = { $edited } 段有改动，共 { $changes } 处；删去 { $removed } 段，增加 { $added } 段
archive-diff-no-page = 没有版面改动：未写出 { $path }
archive-diff-wrote = 已写出 { $path }：第 { $to } 次修订的 { $pages }，改动处已高亮

## `banmian regenerate`。$kind 为 PDF/A 或 print。

archive-file-edition = 整期印刷 PDF
archive-file-of-page = 第{ $page }版 { $kind ->
        [print] 印刷 PDF
       *[other] { $kind }
    }
archive-file-of-page-short = 第{ $page }版（{ $kind ->
        [print] 印刷 PDF
       *[other] { $kind }
    }）
archive-regen-identical = { $what }：完全一致（{ $path }）
archive-regen-differs = { $what }：不一致：{ $detail }（{ $path }）
archive-regen-all-identical = { $edition } 第 { $revision } 次修订：完全一致
archive-regen-some-differ = { $edition } 第 { $revision } 次修订：不一致：{ $files }
archive-regen-page-not-archived = 存档里没有这一版
archive-regen-no-longer-made = 现在的来源文件已不再生成这个文件
archive-regen-unreadable = 存档的 PDF 读不出来：{ $error }
archive-regen-bytes-differ = 存档 { $old_bytes } 字节，SHA-256 { $old_sha }；重新生成 { $new_bytes } 字节，SHA-256 { $new_sha }
archive-regen-bytes-differ-at = 存档 { $old_bytes } 字节，SHA-256 { $old_sha }；重新生成 { $new_bytes } 字节，SHA-256 { $new_sha }；第一处不同在第 { $at } 字节
