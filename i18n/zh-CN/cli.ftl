# 命令行（src/cmd/cli.rs、src/cmd/help.rs）。
# 英文的 --help 就是 src/cmd/cli.rs 里的文档注释；下面的 help-… 是它们的中文，
# 只有中文版有。编号：help-<命令路径> 是命令的说明（help-banmian 是总命令），
# help-<命令路径>-<参数> 是某个命令的参数说明，help-arg-<参数> 是几个命令共用的参数说明。

## 取值检查：接在“`--选项` 的值 `x` 无效：”后面的原因。

cli-not-a-date = 不是有效的日期，应写成 2021-03-01 这样
cli-not-a-number = 应为数字
cli-ppi-range = 应在 10 到 1200 ppi 之间
cli-ink-limit-range = 总墨量上限应在 100 到 400（百分比）之间
cli-resolution-range = 分辨率应在 1 到 10000 ppi 之间

## clap 自带的文字：帮助里的标题、自带的 --help、--version 和 help，参数错误。

cli-clap-usage = 用法：
cli-clap-commands = 命令：
cli-clap-arguments = 参数：
cli-clap-options = 选项：
cli-clap-options-placeholder = {"["}选项]
cli-clap-command-placeholder = 命令
cli-clap-default = （默认：{ $value }）
cli-clap-help = 显示帮助
cli-clap-help-short = 显示帮助（用 --help 看完整说明）
cli-clap-help-long = 显示帮助（用 -h 看简要说明）
cli-clap-version = 显示版本号
cli-clap-help-command = 显示本帮助，或所给命令的帮助
cli-clap-help-command-arg = 要看帮助的命令

cli-clap-unknown-option = 不认识的选项 `{ $arg }`
cli-clap-unknown-option-tip = 不认识的选项 `{ $arg }`，是不是 { $tips }？
cli-clap-extra-argument = 多出了参数 `{ $arg }`
cli-clap-unknown-command = 没有 `{ $name }` 这个命令
cli-clap-unknown-command-tip = 没有 `{ $name }` 这个命令，是不是 { $tips }？
cli-clap-missing-value = `{ $arg }` 后面缺少值
cli-clap-invalid-value = `{ $arg }` 不接受 `{ $value }` 这个值
cli-clap-invalid-value-tip = `{ $arg }` 不接受 `{ $value }` 这个值，是不是 { $tips }？
cli-clap-possible-values = 可用的值：{ $values }
cli-clap-rejected-value = `{ $arg }` 的值 `{ $value }` 无效：{ $reason }
cli-clap-reason-not-integer = 应为整数
cli-clap-reason-empty = 不能为空
cli-clap-reason-too-large = 数字太大
cli-clap-reason-range = 应在 { $min } 到 { $max } 之间
cli-clap-reason-at-least = 不能小于 { $min }
cli-clap-missing-arguments = 缺少必需的参数：
cli-clap-missing-command = `{ $name }` 后面要跟一个命令
cli-clap-possible-commands = 可用的命令：{ $names }
cli-clap-used-twice = `{ $arg }` 只能给一次
cli-clap-conflict = `{ $arg }` 不能和 { $others } 一起用
cli-clap-conflict-command = 命令 `{ $name }` 不能和 { $others } 一起用
cli-clap-other-arguments = 已给的其他参数
cli-clap-no-equals = 给 `{ $arg }` 赋值时要用等号（=）
cli-clap-too-many-values = `{ $arg }` 多给了一个值 `{ $value }`
cli-clap-wrong-number-of-values = `{ $arg }` 要 { $expected } 个值，实际给了 { $actual } 个
cli-clap-invalid-utf8 = 参数里有无法识别的文字（不是 UTF-8 编码）
cli-clap-unreadable = 无法读取命令行参数
cli-clap-tip-as-value = 如果 `{ $arg }` 是要给的值而不是选项，请写成 `-- { $arg }`
cli-clap-tip-as-value-after = 如果 `{ $arg }` 是要给的值而不是命令，请写成 `{ $name } -- { $arg }`
cli-clap-tip-in-subcommand = `{ $usage }` 才有这个选项
cli-clap-tip-remove-dash-dash = 有 `{ $name }` 这个命令；要用它，请去掉它前面的 `--`
cli-clap-try-help = 要看帮助，请用 { $flag }
cli-clap-quoted = `{ $text }`
cli-clap-list-separator = 、
cli-clap-or = {" 或 "}

## 各命令的说明

help-banmian = 把报纸的稿件排成可以付印的版面（内嵌 Typst 排版引擎）。
help-build = 排出一期或几期报纸的各个版面（每版一个文件）
help-watch = 排出一期报纸，此后稿件、版式或字体一有改动就重排（按 Ctrl-C 停止）
help-check = 试排一期报纸，检查各行的排版是否合乎规范（不写出任何文件）
help-preflight = 按印厂的标准对一期报纸做印前检查（不写出任何文件）
help-fonts = 列出排版可用的字体及其样式
help-archive = 把一期报纸存档为新的修订版（PDF/A 版面、源文件、清单），或列出、查看、检索、校验、比较已存档的报纸
help-archive-list = 按日期列出已存档的各期报纸
help-archive-show = 查看一期存档报纸的某个修订版：版面、文件、字体、修订说明
help-archive-search = 查找同时含有所有这些词的存档版面（中文不必用空格分词，如：幕阜山、易地扶贫搬迁）；一版也找不到时退出码为 1
help-archive-reindex = 根据各修订版的文件夹重建检索索引
help-archive-verify = 重新计算所有哈希值，报告缺失、被改动和多出的文件；有任何损坏时退出码为 1
help-archive-diff = 显示同一期报纸两个修订版之间改动了哪些文字
help-regenerate = 只凭存档重新排出某个修订版的各版，并与存档的 PDF 逐字节比对

## 几个命令共用的参数

help-arg-lang = 消息和帮助使用的语言：zh 为中文，en 为英文（默认：按 LC_ALL、LC_MESSAGES 或 LANG 的设置）
help-arg-edition = 一期报纸的文件夹（内有 edition.toml）
help-arg-json = 以 JSON 格式输出检查结果（格式固定，有文档说明）
help-arg-layouts = Typst 版式模板所在的文件夹（默认：安装目录下的 layouts/）
help-arg-fonts = 字体文件夹（默认：安装目录下的 fonts/）
help-arg-system-fonts = 同时使用本机安装的字体（输出结果会因此随机器而不同）
help-arg-output = 输出文件夹（默认：output/<edition-id>；一次排多期时为 DIR/<edition-id>）
help-arg-format = 输出格式：pdf 是付印用的 PDF，png 是位图校样，svg 是矢量校样
help-arg-ppi = PNG 校样的分辨率，单位为每英寸像素数
help-arg-no-punct-fix = 半角标点照原样排，不改成全角
help-arg-grid = 只用于校样：在版面上画出栏格和字格
help-arg-verbose = 逐条列出每一处标点更正，而不只给出总数
help-arg-profile = 按什么标准出版面：print（付印）印前检查一有错误就不出版面，PDF 默认用它；proof（校样）只报告检查结果，什么都不拦，PNG 和 SVG 默认用它
help-arg-strict = 把印前检查的警告也当作错误
help-arg-colour = 印刷用色：cmyk 为四色印刷（灰度图片也可以）；gray 为单黑印刷，版式里的颜色一律只用黑色，不允许出现任何青、品红、黄，其他色彩模式的图片会被标出（默认：按 print.toml 或 edition.toml 中 [print] 的设置，没有则为 cmyk）
help-arg-min-ppi = 所排图片可接受的最低有效分辨率（默认：按 print.toml 或 edition.toml 中 [print] 的设置，没有则为 200）
help-arg-max-ppi = 图片有效分辨率高过此值，只会白白增大文件
help-arg-ink-limit = 版面上任意 2 × 2 mm 范围内允许的最大总墨量（C+M+Y+K，百分比），在 Ghostscript 分出的色版上测量。排版时只有给了这一项或印刷配置里的 `ink_limit` 才测量；`preflight` 总是测量（默认：按 print.toml 或 edition.toml 中 [print] 的设置，没有则为 240）
help-arg-marks = 在裁切线外加印刷标记：角线、出血标记、套准线，以及一行版外说明（期次、版次、排版编号）；PDF 的页面四边各加大 10 mm（默认：按 print.toml 或 edition.toml 中 [print] 的 `marks` 设置，没有则不加）
help-arg-archive = 存档文件夹
help-arg-revision = 修订版号（默认：最新的修订版）

## 各命令自己的参数

help-build-editions = 各期报纸的文件夹（每个内有 edition.toml），或存放多期报纸的文件夹
help-build-jobs = 同时排几期报纸（默认：处理器核数）
help-build-emit-typst = 另把每一版写成独立的 Typst 工程，放在 DIR/<edition>-<page>/ 下（可用 `typst compile main.typ --font-path fonts --ignore-system-fonts` 编译）
help-check-no-punct-fix = 按加了 --no-punct-fix 时的排法检查版面
help-fonts-variants = 同时列出每款字体的样式、字重和宽窄
help-archive-edition = 要存档的那期报纸的文件夹（内有 edition.toml）
help-archive-note = 这次修订的原因，如“更正：…”（记入清单）
help-archive-list-from = 只列出这一天（YYYY-MM-DD）及以后的报纸
help-archive-list-to = 只列出这一天（YYYY-MM-DD）及以前的报纸
help-archive-show-edition = 这期报纸的编号（即它的文件夹名）
help-archive-search-words = 要查找的词
help-archive-verify-edition = 只校验这一期（默认：整个存档）
help-archive-diff-edition = 这期报纸的编号（即它的文件夹名）
help-archive-diff-from = 较早的修订版号
help-archive-diff-to = 较新的修订版号
help-archive-diff-pdf = 另把较新修订版中有改动的版面写进这个 PDF，每处改动在版面上印出的位置加亮标出，供编辑部签发更正
help-regenerate-edition = 存档报纸的编号（即它的文件夹名）
help-regenerate-output = 另把重新排出的 PDF/A 版面写进这个文件夹
