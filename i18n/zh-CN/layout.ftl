# layout
# 组版、拼版与导出：src/compose.rs、src/compose/、src/makeup/、src/pipeline.rs、
# src/whole.rs、src/world.rs、src/fonts/、src/home.rs、src/limits.rs、
# src/convert.rs、src/export.rs、src/icc.rs。

## 组版（src/compose.rs、src/compose/news.rs）

layout-no-metadata = 版式 { $layout } 没有给出可用的 <{ $label }> 元数据（参见 layouts/feature.typ）
layout-headline-too-wide = 主标题用到本报最小的标题字号 { $smallest } pt 仍比版面宽：请缩短标题，或把它写成短语列表（每行一个短语）
layout-picture-unset = 图片 { $path } 无法排入版面，解码器报告：“{ $error }”
layout-template-warning = 版式 { $layout }：{ $text }
layout-news-columns = columns { $wanted }: 第 { $page } 版只有 { $columns } 栏
layout-news-fits-whole = 这篇稿件在第 { $page } 版的版块里能整篇排下，或者能转走的部分太少：请去掉 continues_on，或压缩本版其他稿件
layout-news-headline-too-wide = 主标题用到本报新闻标题的最小字号仍比版面宽：请缩短标题，或把它写成短语列表（每行一个短语）
layout-news-underset = 欠版：第 { $page } 版的 { $count } 篇稿件排不满，约差 { $lines } 栏行（{ $chars } 字）：请补一篇稿件、加写正文或加一张图片
layout-news-no-tiling = 第 { $page } 版的 { $count } 篇稿件共占 { $least } 到 { $most } 栏行（本版可容纳 { $cells } 栏行），却拼不成没有空洞的整块版面：请把其中一篇加长或压缩几行，或加一张图片
layout-news-continuation-tip = ；本版有第 { $from } 版转来的续文，转来多少由第 { $from } 版决定：看该版其他稿件的长短，头版还要看导读条目的多少（不必列入导读的版面可写 in_index = false）

## 排一期报纸（src/pipeline.rs）

layout-min-ppi-above-max = 最低分辨率 { $min_ppi } ppi 高于 --max-ppi { $max_ppi }
layout-place-output-intent = 输出意图
layout-no-output-intent = 没有输出意图：付印 PDF 不是 PDF/X-4；请在 edition.toml 的 [print] 中设置 profile 和 condition，或在本报的公共配置文件 { $house } 中设置 profile 和 condition
layout-jump-waits = { $file } 转到第 { $page } 版的续文要等第 { $from } 版排好，但第 { $from } 版没有排出
layout-overset-finding = 有 { $chars } 字（按每行 { $per_line } 字约 { $lines } 行）排不下
layout-overset-finding-from = 有 { $chars } 字（按每行 { $per_line } 字约 { $lines } 行）排不下；版面排到“{ $from }”处为止

## Typst 排版环境（src/world.rs）

layout-no-packages = banmian 的版式不能使用 Typst 扩展包（package）

## 字体（src/fonts/）

layout-no-font-files = { $dir }: 没有找到字体文件
layout-not-a-font = { $path }: 不是字体文件
layout-font-bus-error = banmian 读取字体文件时，该文件被改动或被截短（总线错误）；这一步没有写出任何版面。请等字体文件夹不再变动后重新运行命令。
# `banmian fonts --variants` 中的一种字形：字形、字重（100–900）、宽度。
layout-font-variant = - 字形：{ $style }，字重：{ $weight }，宽度：{ $stretch }
layout-font-style-normal = 正体
layout-font-style-italic = 斜体
layout-font-style-oblique = 倾斜体

## 安装（src/home.rs）

layout-home-not-found = 找不到 banmian 的 { $name }/ 文件夹；请用 --{ $name } 指定，或设置环境变量 BANMIAN_HOME
layout-home-not-a-folder = { $path }: 不是文件夹（{ $name }）

## 资源上限（src/limits.rs）

layout-limit-range = 应在 1 到 { $ceiling } 之间，现为 { $value }
layout-limit-setting = edition.toml 中的 [limits] { $name }
layout-bytes = { $n } 字节
layout-bytes-whole = { $n } { $unit }
layout-bytes-fraction = { $value } { $unit }（{ $n } 字节）
layout-not-regular-file = 不是普通文件（文件夹、设备或管道不能当作稿件读取）
layout-file-over-limit = 文件大小为 { $size }，超过上限 { $limit }（{ $setting }）
layout-decoded-over-limit = 加上图片 { $path }，本期图片解码后共占 { $decoded }，超过上限 { $limit }（{ $setting }）
layout-edition-over-limit = 加上这个文件，本期所用文件共 { $used }，超过上限 { $limit }（{ $setting }）

## 图片转换为印刷色彩（src/convert.rs）

layout-picture-unconvertible = 图片 { $path } 无法转换为印刷用色彩：{ $error }
# 图片原来的色彩，用于印前检查的提示：“RGB（sRGB）”。
layout-picture-source = { $colour }（{ $profile }）
layout-colour-grey = 灰度
layout-colour-rgb = RGB
layout-profile-embedded = 图片内嵌的色彩配置文件
layout-profile-srgb = sRGB
layout-output-profile-unreadable = 输出色彩配置文件有误：“{ $error }”
layout-no-transform = 无法转换到输出色彩配置文件：“{ $error }”
layout-too-large-to-encode = { $width } × { $height } 像素，图片太大，无法编码
layout-pixels-short = 转换后的像素填不满图片
# 解码器或编码器自己（英文）对图片问题的说法。
layout-decoder-error = 解码失败：“{ $error }”
layout-encoder-error = 编码失败：“{ $error }”

## 导出版面（src/export.rs、src/whole.rs）

layout-png-too-large = { $width } × { $height } mm 的版面按 { $ppi } ppi 输出将有 { $megapixels } 百万像素，渲染约需 { $gb } GB 内存；PNG 清样最多 { $most } 百万像素：请用 --ppi { $most_ppi } 或更低的分辨率
layout-png-encoding = PNG 编码失败：“{ $error }”
layout-proof-sheet-png = 整期清样 PNG 编码失败：“{ $error }”
layout-export-pdf = PDF 导出
layout-export-pdfx = PDF/X 导出
layout-export-pdfa = PDF/A 导出
layout-export-failed = { $what }失败：“{ $error }”
layout-pdf-page-boxes = 设置 PDF 页面框（TrimBox、BleedBox）失败：“{ $error }”
layout-pdf-overprint = 设置 PDF 黑色叠印失败：“{ $error }”
layout-pdfx-intent = 写入 PDF/X 输出意图失败：“{ $error }”
layout-pdfa-cmyk = 生成 CMYK 的 PDF/A 失败：“{ $error }”

## ICC 色彩配置文件（src/icc.rs）

layout-icc-no-header = 不是 ICC 色彩配置文件（没有 ICC 文件头）
layout-icc-damaged = ICC 色彩配置文件已损坏：文件头标明 { $size } 字节，文件实际有 { $actual } 字节
layout-icc-version = 这是第 { $version } 版的 ICC 色彩配置文件，PDF/X-4 不能使用（只能用第 2 至 4 版）
layout-icc-space = 这是 { $space } 数据的配置文件，而本次印刷用 { $job }：请提供印厂的 { $job } 印刷配置文件
layout-icc-gray = 灰度
layout-icc-monitor = 显示器配置文件
layout-icc-scanner = 输入设备（扫描仪）配置文件
layout-icc-class = 设备类别为 { $class } 的 ICC 配置文件
layout-icc-not-printer = { $class }，不是输出（印刷）配置文件：请提供印厂的印刷配置文件
