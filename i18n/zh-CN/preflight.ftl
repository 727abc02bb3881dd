# 印前检查：检查结果（src/preflight/**）和 `banmian preflight`（src/cmd/preflight.rs）。

## 一条检查结果（标签“错误：”之后）：
## “图片：第 5 版，photos[0] a.jpg：……（articles/a.md:3:1）”。

preflight-finding-page = { $check }：第 { $page } 版
preflight-finding-place = { $head }，{ $place }
preflight-finding = { $head }：{ $message }
preflight-finding-source = { $text }（{ $source }）

## 各项检查的名称。

preflight-check-overset = 超版
preflight-check-underset = 欠版
preflight-check-tofu = 缺字
preflight-check-fonts = 字体
preflight-check-pictures = 图片
preflight-check-colours = 颜色
preflight-check-ink = 总墨量
preflight-check-geometry = 尺寸与位置
preflight-check-pdfx = PDF/X
preflight-check-composition = 排版规则

## 问题所在的位置。

preflight-place-page = 整版
preflight-place-page-content = 页面内容
preflight-place-edition-pdf = 整期 PDF
preflight-place-column = 第 { $column } 栏
preflight-place-line = { $region }第 { $line } 行
preflight-place-column-line = 第 { $column } 栏第 { $line } 行
preflight-place-columns-lines = 第 { $first_col }–{ $last_col } 栏，第 { $first_line }–{ $last_line } 行
preflight-place-font = 字体 { $name }
preflight-place-colour-space = 色彩空间 { $name }
preflight-place-gradient-space = 渐变的色彩空间

## 版面上的各个部分。

preflight-element-story-photo = 第 { $story } 篇稿件 photos[{ $index }]
preflight-element-story = 第 { $story } 篇稿件的{ $kind }
preflight-element-head = 标题
preflight-element-body = 正文
preflight-element-photo = 图片
preflight-element-quotes = 语录框
preflight-element-milestones = 大事记
preflight-element-staff = 责任编辑栏
preflight-element-masthead = 报头
preflight-element-index = 导读

## 排好的版面：排版规则、空洞、位置。

preflight-composition = { $detail }：“{ $text }”
preflight-column-foot-empty = 栏底空了 { $empty } 行（本栏共 { $holds } 行）
preflight-outside-type-area = 超出版心（第 { $first_col }–{ $last_col } 栏，共 { $columns } 栏；第 { $first_line }–{ $last_line } 行，共 { $lines } 行）
preflight-overlaps = 与 { $other } 重叠
preflight-crop = 图框裁掉了图片的 { $crop }%（上限为 { $limit }%）
preflight-hole-between-stories = 稿件之间有空洞：{ $n } 格（一栏一行为一格）没有版块覆盖
preflight-hole = 空洞：{ $columns } 栏 × { $lines } 行空着（{ $width } × { $height } mm 以上就会显出空洞）：请补稿件或图片
preflight-underset = 欠版：标题以下的版心有 { $share }% 空着（{ $empty } 格，一栏一行为一格；最多允许 { $most }%）：请补稿件或图片，或把图片放大

## 读回的 PDF：页面框、字体、颜色。

preflight-pdf-unreadable = PDF 无法读回：{ $error }
preflight-pdf-pages-not-one = 有 { $n } 页，应为 1 页
preflight-pdf-pages = 有 { $n } 页，应为 { $expected } 页
preflight-box-missing = 缺失
preflight-media-box = { $width } × { $height } mm，应为 { $want_width } × { $want_height } mm
preflight-trim-box = { $width } × { $height } mm，位于 { $at } mm 处，应为成品尺寸（裁切线）{ $trim_width } × { $trim_height } mm
preflight-bleed-box = { $width } × { $height } mm，应为成品尺寸四边各加 { $bleed } mm 出血：{ $want_width } × { $want_height } mm
preflight-font-unnamed = （无名字体）
preflight-font-not-embedded = 未嵌入
preflight-font-not-subset = 整套嵌入，未取子集
preflight-font-licence-unknown = 授权不明：fonts/fonts.toml 中没有登记
preflight-rgb-operators = 有 { $n } 处 RGB 颜色设置（rg/RG）
preflight-rgb-space = 使用了 RGB 色彩空间
preflight-transparency = 透明效果：{ $what }
preflight-transparency-image-mask = 带软蒙版的图像
preflight-transparency-opacity = 不透明度 { $key } 低于 100%
preflight-transparency-soft-mask = 软蒙版

## 灰度（黑白）印刷作业的颜色。

preflight-grey-colour = 灰度（黑白）印刷作业中有含青、品红或黄的 CMYK 颜色：{ $cmyk }（{ $what }；用了 { $times } 次）：请在版式的灰色定义（layouts/style.typ）中只用 K（黑）
preflight-grey-more-colours = 灰度印刷作业中另有 { $n } 种含青、品红或黄的 CMYK 颜色
preflight-grey-pictures = 灰度印刷作业中有 { $n } 张彩色图片（{ $spaces }）：请转为灰度
preflight-grey-tint = 浅色底纹：可能是框的底色？
preflight-grey-red = 红色：可能是报头、报眉、框线或日期的强调色？
preflight-grey-rich-black = 四色黑或深色混合色
preflight-grey-blue = 蓝色或紫色
preflight-grey-green = 绿色
preflight-grey-cyan = 青色或蓝色：可能是校对标记？
preflight-grey-magenta = 品红或粉色
preflight-grey-yellow = 黄色
preflight-unknown-space = 未知色彩空间

## 总墨量。

preflight-ink-no-ghostscript = 未测总墨量：没有安装 Ghostscript（gs）（apt-get install ghostscript）
preflight-ink-not-measured = 无法测量总墨量：{ $why }
preflight-ink-place = 距左边 { $left } mm，距上边 { $top } mm
preflight-ink-over = 在 { $square } × { $square } mm 范围内总墨量达 { $percent }%，超过上限 { $limit }%（版面约有 { $area } 超限）：图片或底色对这种纸来说太深；请减墨（GCR，灰成分替代）或调淡
preflight-ink-unwritable = 无法为 Ghostscript 写出该版：{ $error }
preflight-ink-no-temp-folder = 无法建立临时文件夹：{ $error }
preflight-ink-gs-did-not-start = Ghostscript 无法启动：{ $error }
preflight-ink-gs-failed = Ghostscript 运行失败（{ $status }）：{ $said }
preflight-ink-unreadable-rendering = Ghostscript 没有写出可读的 CMYK 分色图

## 图片。$mode 和 $job 为 Gray、Rgb 或 Cmyk（只用来选词，不显示）。

preflight-picture-missing = 图片缺失；已放上占位框
preflight-picture-mode = { $job ->
        [Gray] 灰度（黑白）
        [Rgb] RGB 彩色
       *[other] 四色（CMYK）
    }印刷作业中有 { $mode ->
        [Rgb] RGB 彩色
        [Cmyk] CMYK 四色
       *[other] 灰度
    }图片（付印前请转换）
preflight-picture-converted = 付印时已从 { $from } 按输出特性文件转换为{ $to ->
        [grey] 灰度
       *[other] 四色（CMYK）
    }（原文件未改动）
preflight-picture-size = { $width }×{ $height } 像素，版面上为 { $placed_width }×{ $placed_height } mm
preflight-picture-low-ppi = 有效分辨率 { $ppi } ppi，低于下限 { $min } ppi（{ $size }）
preflight-picture-high-ppi = 有效分辨率 { $ppi } ppi，高于 { $max } ppi：只会徒增文件大小（{ $size }）

## `banmian preflight` 的最后一行。

preflight-summary = { $edition } 印前检查：{ $errors } 个错误，{ $warnings } 个警告
preflight-summary-notes = { $edition } 印前检查：{ $errors } 个错误，{ $warnings } 个警告，{ $notes } 条提示
